/**
 * The layering rules of STYLE.md bite: each fixture is linted as if it lived in the layer
 * it names, with the project's real ESLint config.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const eslint = new ESLint({ cwd: root });

async function lintAs(fixture: string, pretendPath: string) {
  const code = await readFile(join(root, 'test', 'lint-fixtures', fixture), 'utf8');
  const [result] = await eslint.lintText(code, { filePath: join(root, pretendPath) });
  return result!.messages.filter((m) => m.severity === 2);
}

describe('layering lint rules', () => {
  it('refuses node:fs in the renderer', async () => {
    const errors = await lintAs('renderer-imports-node-fs.ts', 'renderer/src/leak.ts');
    expect(errors.map((e) => e.ruleId)).toContain('no-restricted-imports');
    expect(errors[0]!.message).toMatch(/Node built-ins belong in electron/);
  });

  it('refuses electron in the renderer', async () => {
    const errors = await lintAs('renderer-imports-electron.ts', 'renderer/src/leak.ts');
    expect(errors.some((e) => /Only electron\/ may import Electron/.test(e.message))).toBe(true);
  });

  it('refuses Node built-ins in shared/', async () => {
    const errors = await lintAs('shared-imports-path.ts', 'shared/where.ts');
    expect(errors.some((e) => e.ruleId === 'no-restricted-imports')).toBe(true);
  });

  it('refuses renderer imports from services', async () => {
    const errors = await lintAs(
      'electron-imports-renderer.ts',
      'electron/services/knowledge/wrong.ts',
    );
    expect(errors.some((e) => /Services never import the renderer/.test(e.message))).toBe(true);
  });

  it('refuses ipcMain outside the IPC wrappers', async () => {
    const code = "import { ipcMain } from 'electron';\nexport const h = ipcMain;\n";
    const [result] = await eslint.lintText(code, {
      filePath: join(root, 'electron/hosts/electron-main/raw-ipc.ts'),
    });
    expect(result!.messages.some((m) => /typed wrappers in electron\/ipc/.test(m.message))).toBe(
      true,
    );
  });

  it('accepts a renderer file that uses only the typed API', async () => {
    expect(await lintAs('renderer-clean.ts', 'renderer/src/clean.ts')).toEqual([]);
  });
});
