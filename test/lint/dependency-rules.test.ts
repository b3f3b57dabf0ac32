/**
 * The dependency-cruiser rules of .dependency-cruiser.cjs bite: each fixture tree under
 * test/lint-fixtures/deps/ is copied to a temp folder (with the repo's node_modules linked in,
 * so `electron` resolves as it does here) and cruised with the real config through the API.
 */
import { cp, mkdtemp, readdir, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cruise, type ICruiseResult, type IViolation } from 'dependency-cruiser';
import extractDepcruiseConfig from 'dependency-cruiser/config-utl/extract-depcruise-config';
import { afterEach, describe, expect, it } from 'vitest';
import { root } from './lint-fixture';

const folders: string[] = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** The violations the real config reports on one fixture tree, as `rule: from -> to`. */
async function violationsIn(tree: string): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), 'inloop-deps-'));
  folders.push(dir);
  await cp(join(root, 'test', 'lint-fixtures', 'deps', tree), dir, { recursive: true });
  const tops = await readdir(dir);
  await symlink(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  const { options = {}, ...ruleSet } = await extractDepcruiseConfig(
    join(root, '.dependency-cruiser.cjs'),
  );
  // The tsconfig only adds the repo's compiler options; the fixtures need none of them.
  const { tsConfig: _tsConfig, ...cruiseOptions } = options;
  const { output } = await cruise(tops, {
    ...cruiseOptions,
    ruleSet,
    validate: true,
    baseDir: dir,
    outputType: 'json',
  });
  const result = (typeof output === 'string' ? JSON.parse(output) : output) as ICruiseResult;
  return result.summary.violations.map(describeViolation).sort();
}

function describeViolation(v: IViolation): string {
  const to = v.to.replace(/^.*node_modules\//, 'node_modules/');
  return `${v.rule.name}: ${v.from} -> ${to}`;
}

describe('dependency-cruiser rules', () => {
  it('reports two capability folders that import each other, though no module cycle', async () => {
    expect(await violationsIn('capability-cycle')).toEqual([
      'no-capability-cycle: electron/services/alpha -> electron/services/beta',
      'no-capability-cycle: electron/services/beta -> electron/services/alpha',
      // A cycle through `import type` is still a cycle between capabilities.
      'no-capability-cycle: shared/delta -> shared/gamma',
      'no-capability-cycle: shared/gamma -> shared/delta',
    ]);
  });

  it('reports a module cycle, but not one closed only by an import type', async () => {
    // renderer/src/state: store.ts imports slice.ts; slice.ts imports only the store's type
    // (the zustand slice pattern), which is no cycle when the code runs.
    const violations = await violationsIn('module-cycle');
    expect(violations.length).toBeGreaterThan(0);
    for (const violation of violations) {
      expect(violation).toMatch(
        /^no-circular: electron\/services\/alpha\/[ab]\.ts -> electron\/services\/alpha\/[ab]\.ts$/,
      );
    }
  });

  it('reports each import that crosses a layer', async () => {
    expect(await violationsIn('layer-violations')).toEqual([
      'app-not-hosts: electron/app/create-services.ts -> electron/hosts/web/web-host.ts',
      'electron-only-in-main-host: electron/services/alpha/lazy.ts -> electron/main',
      'electron-only-in-main-host: electron/services/alpha/leak.ts -> node_modules/electron/index.js',
      'services-not-hosts-or-app: electron/services/alpha/leak.ts -> electron/app/create-services.ts',
      'services-not-hosts-or-app: electron/services/alpha/leak.ts -> electron/hosts/web/web-host.ts',
      'shared-not-electron-or-renderer: shared/gamma/wrong.ts -> electron/hosts/web/web-host.ts',
      'shared-not-electron-or-renderer: shared/gamma/wrong.ts -> renderer/src/view.ts',
    ]);
  });

  it('reports nothing on layers that import only downwards', async () => {
    expect(await violationsIn('clean')).toEqual([]);
  });
});
