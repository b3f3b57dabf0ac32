/**
 * electron-builder.yml, checked by electron-builder's own configuration validator (its
 * scheme.json, through app-builder-lib's `validateConfiguration`, the call `electron-builder`
 * makes before it builds), then for what IT needs from it. The Electron binary cannot be
 * fetched here, so no installer is built: this checks the configuration, not the artifacts.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  validateConfiguration(config: unknown, debug: { isEnabled: boolean; add(): void }): Promise<void>;
};
const validate = (config: unknown) => validateConfiguration(config, { isEnabled: false, add() {} });

/** The parts of the configuration these tests read. */
interface BuilderConfig {
  win: { target: Target[] };
  mac: { target: Target[]; notarize: boolean; hardenedRuntime: boolean };
  linux: { target: Target[] };
  nsis: Record<string, unknown>;
  msi: Record<string, unknown> & { upgradeCode: string };
  afterSign: string;
  electronFuses: Record<string, boolean>;
  asarUnpack: string[];
  publish: { provider: string; url: string }[];
}
type Target = string | { target: string };

async function config(): Promise<BuilderConfig> {
  return parse(await readFile(join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
}

const targetsOf = (platform: { target: Target[] }) =>
  platform.target.map((t) => (typeof t === 'string' ? t : t.target));

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own schema', async () => {
    await expect(validate(await config())).resolves.toBeUndefined();
  });

  it('the validator refuses what electron-builder would refuse', async () => {
    await expect(validate({ ...(await config()), nsis: { perUser: true } })).rejects.toThrow(
      /Invalid configuration object/,
    );
  });

  it('builds every installer IT asked for', async () => {
    const c = await config();
    expect(targetsOf(c.win)).toEqual(['nsis', 'msi']);
    expect(targetsOf(c.mac)).toEqual(['dmg', 'pkg']);
    expect(targetsOf(c.linux)).toEqual(['AppImage', 'deb', 'rpm']);
  });

  it('NSIS installs per user or, with /allusers, per machine; the MSI per machine', async () => {
    const c = await config();
    // Assisted installer with perMachine false: /S per-user, /S /allusers per-machine.
    expect(c.nsis).toMatchObject({ oneClick: false, perMachine: false, allowElevation: true });
    expect(c.msi).toMatchObject({ perMachine: true });
    expect(c.msi.upgradeCode).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('notarizes through the afterSign hook, not a second built-in step', async () => {
    const c = await config();
    expect(c.afterSign).toBe('./scripts/notarize.mjs');
    expect(c.mac.notarize).toBe(false);
    expect(c.mac.hardenedRuntime).toBe(true);
  });

  it('keeps the Electron fuses as before', async () => {
    expect((await config()).electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('unpacks the native addons, the policy watcher included', async () => {
    expect((await config()).asarUnpack).toEqual(
      expect.arrayContaining(['**/node_modules/@vscode/policy-watcher/**', '**/*.node']),
    );
  });

  it('writes update metadata for a generic server, and never names a real one', async () => {
    const [publish] = (await config()).publish;
    expect(publish!.provider).toBe('generic');
    expect(new URL(publish!.url).hostname.endsWith('.invalid')).toBe(true);
  });

  it('takes no signing secret from the file', async () => {
    const text = await readFile(join(root, 'electron-builder.yml'), 'utf8');
    expect(text).not.toMatch(
      /^\s*(cscLink|cscKeyPassword|certificatePassword|appleIdPassword)\s*:/m,
    );
  });
});
