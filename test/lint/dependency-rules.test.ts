/**
 * The dependency rules bite: each fixture tree under test/lint-fixtures/deps/ is copied to a
 * temp folder (with the repo's node_modules linked in, so `electron` resolves as it does here)
 * and cruised with the real .dependency-cruiser.cjs through dependency-cruiser's API; the
 * capability-cycle check of scripts/capability-cycles.ts then reads the same graph.
 */
import { cp, mkdtemp, readdir, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cruise, type ICruiseResult, type IViolation } from 'dependency-cruiser';
import extractDepcruiseConfig from 'dependency-cruiser/config-utl/extract-depcruise-config';
import { afterEach, describe, expect, it } from 'vitest';
import { capabilityCycles, capabilityRule, describeCycle } from '../../scripts/capability-cycles';
import { root } from './lint-fixture';

const folders: string[] = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** The resolved graph and the violations of the real config on one fixture tree. */
async function cruiseTree(tree: string): Promise<ICruiseResult> {
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
  return (typeof output === 'string' ? JSON.parse(output) : output) as ICruiseResult;
}

/** The violations the real config reports on one fixture tree, as `rule: from -> to`. */
async function violationsIn(tree: string): Promise<string[]> {
  return (await cruiseTree(tree)).summary.violations.map(describeViolation).sort();
}

/** A cruise parses TypeScript for every file: seconds each, more on a busy machine. */
const CRUISE_TIMEOUT = { timeout: 60_000 };

function describeViolation(v: IViolation): string {
  const to = v.to.replace(/^.*node_modules\//, 'node_modules/');
  return `${v.rule.name}: ${v.from} -> ${to}`;
}

describe('dependency-cruiser rules', CRUISE_TIMEOUT, () => {
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

describe('cycles between capability folders (scripts/capability-cycles.ts)', CRUISE_TIMEOUT, () => {
  it('finds the cycles the folder rule finds', async () => {
    const cycles = capabilityCycles((await cruiseTree('capability-cycle')).modules);
    expect(cycles.map((c) => c.folders)).toEqual([
      ['electron/services/alpha', 'electron/services/beta'],
      ['shared/delta', 'shared/gamma'],
    ]);
  });

  it('finds a cycle that enters and leaves a capability through different subfolders', async () => {
    // knowledge imports packs/install; packs/cli imports knowledge. No module cycle, and the
    // folder rule sees knowledge -> packs/install, which leads nowhere, so it reports nothing.
    const result = await cruiseTree('capability-cycle-through-subfolders');
    const cycles = capabilityCycles(result.modules);
    expect(cycles).toEqual([
      {
        folders: ['electron/services/knowledge', 'electron/services/packs'],
        imports: [
          'electron/services/knowledge/pack-indexer.ts → electron/services/packs/install/installed-content.ts',
          'electron/services/packs/cli/install-command.ts → electron/services/knowledge/pack-indexer.ts',
        ],
      },
    ]);
    const report = describeCycle(cycles[0]!, capabilityRule().comment);
    expect(report).toContain('electron/services/packs → electron/services/knowledge');
    expect(report).toContain('Two capability folders import each other');
  });

  it('finds none in a module cycle inside one capability or in a clean tree', async () => {
    expect(capabilityCycles((await cruiseTree('module-cycle')).modules)).toEqual([]);
    expect(capabilityCycles((await cruiseTree('clean')).modules)).toEqual([]);
  });
});
