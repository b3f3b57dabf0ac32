/**
 * The layering rules of STYLE.md bite: each fixture is linted as if it lived in the layer
 * it names, with the project's real ESLint config. Lines a fixture marks `// ✗` must fail
 * with the rule's own message; its other lines (the allowed imports) must pass.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { lintAs, linesMatching, warmUp, WARM_UP_TIMEOUT_MS } from './lint-fixture';

beforeAll(warmUp, WARM_UP_TIMEOUT_MS);

const ONLY_MAIN_HOST = /Only electron\/hosts\/electron-main imports Electron/;
const SHARED_ELECTRON = /shared\/ is pure TypeScript that every layer runs/;
const RENDERER_ELECTRON = /The renderer reaches the main process only through window\.inloop/;
const SHARED_LAYERS = /shared\/ never imports electron\/ or renderer\//;
const SERVICE_HOSTS = /A service never imports a host or the composition root/;
const APP_HOSTS = /electron\/app composes the services for every host and never imports one/;

describe('layering lint rules', () => {
  it('refuses node:fs in the renderer', async () => {
    const { errors } = await lintAs('renderer-imports-node-fs.ts', 'renderer/src/leak.ts');
    expect(errors.map((e) => e.ruleId)).toContain('no-restricted-imports');
    expect(errors[0]!.message).toMatch(/Node built-ins belong in electron/);
  });

  it('refuses electron in the renderer', async () => {
    const { errors } = await lintAs('renderer-imports-electron.ts', 'renderer/src/leak.ts');
    expect(errors.some((e) => RENDERER_ELECTRON.test(e.message))).toBe(true);
  });

  it('refuses Node built-ins in shared/', async () => {
    const { errors } = await lintAs('shared-imports-path.ts', 'shared/where.ts');
    expect(errors.some((e) => e.ruleId === 'no-restricted-imports')).toBe(true);
  });

  it('refuses renderer imports from services', async () => {
    const { errors } = await lintAs(
      'electron-imports-renderer.ts',
      'electron/services/knowledge/wrong.ts',
    );
    expect(errors.some((e) => /electron\/ never imports the renderer/.test(e.message))).toBe(true);
  });

  it('accepts a renderer file that uses only the typed API', async () => {
    expect((await lintAs('renderer-clean.ts', 'renderer/src/clean.ts')).errors).toEqual([]);
  });
});

describe('Electron only in the electron-main host', () => {
  it.each([
    'electron/services/speech/leak.ts',
    'electron/services/core/cli/leak.ts',
    'electron/app/leak.ts',
    'electron/hosts/web/leak.ts',
    'electron/hosts/cli/leak.ts',
  ])('refuses every form of loading Electron in %s', async (where) => {
    const { marked, errors } = await lintAs('electron-in-any-form.ts', where);
    expect(marked.length).toBeGreaterThanOrEqual(13);
    expect(linesMatching(errors, ONLY_MAIN_HOST)).toEqual(marked);
  });

  it('refuses every form of loading Electron in shared/, with the shared/ message', async () => {
    const { marked, errors } = await lintAs('electron-in-any-form.ts', 'shared/assist/leak.ts');
    expect(linesMatching(errors, SHARED_ELECTRON)).toEqual(marked);
  });

  it('refuses every form of loading Electron in the renderer', async () => {
    const { marked, errors } = await lintAs('electron-in-any-form.ts', 'renderer/src/leak.ts');
    expect(linesMatching(errors, RENDERER_ELECTRON)).toEqual(marked);
  });

  it('lets the electron-main host load Electron', async () => {
    const where = 'electron/hosts/electron-main/window.ts';
    expect((await lintAs('electron-in-any-form.ts', where)).errors).toEqual([]);
  });
});

describe('services, the composition root and hosts', () => {
  it('refuses a service importing a host or electron/app, and allows core and shared/', async () => {
    const { marked, errors } = await lintAs(
      'services-import-hosts-and-app.ts',
      'electron/services/knowledge/wrong.ts',
    );
    expect(marked).toHaveLength(5);
    expect(linesMatching(errors, SERVICE_HOSTS)).toEqual(marked);
    expect(linesMatching(errors, /./)).toEqual(marked);
  });

  it('refuses electron/app importing a host, and allows services and shared/', async () => {
    const { marked, errors } = await lintAs('app-imports-host.ts', 'electron/app/wrong.ts');
    expect(marked).toHaveLength(2);
    expect(linesMatching(errors, APP_HOSTS)).toEqual(marked);
    expect(linesMatching(errors, /./)).toEqual(marked);
  });

  it('lets a host import electron/app, services and shared/', async () => {
    const where = 'electron/hosts/web/good.ts';
    expect((await lintAs('host-imports-services-and-app.ts', where)).errors).toEqual([]);
  });
});

describe('shared/ imports neither electron/ nor renderer/', () => {
  it('refuses each such import with its own message and allows shared/ and zod', async () => {
    const { marked, errors } = await lintAs(
      'shared-imports-app-layers.ts',
      'shared/assist/wrong.ts',
    );
    expect(marked).toHaveLength(4);
    expect(linesMatching(errors, SHARED_LAYERS)).toEqual(marked);
    // The message is the shared/ rule's own, not the Electron or Node one matching by chance.
    expect(errors.filter((e) => !SHARED_LAYERS.test(e.message))).toEqual([]);
  });
});
