import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findAppRoot } from '../../../../electron/services/core/app-root';
import {
  osAppDataDir,
  resolveDataDir,
  resolveModelsDir,
  type PathInputs,
} from '../../../../electron/services/core/paths';

const home = '/home/agent';
const inputs = (overrides: Partial<PathInputs> = {}): PathInputs => ({
  env: {},
  platform: 'linux',
  home,
  cwd: '/work/here',
  ...overrides,
});

describe('data dir', () => {
  it('takes the --data-dir flag over INLOOP_DATA_DIR and the OS folder', () => {
    const env = { INLOOP_DATA_DIR: '/from/env' };
    expect(resolveDataDir(inputs({ flag: '/from/flag', env }))).toBe('/from/flag');
  });

  it('takes INLOOP_DATA_DIR over the OS folder', () => {
    expect(resolveDataDir(inputs({ env: { INLOOP_DATA_DIR: '/from/env' } }))).toBe('/from/env');
  });

  it('resolves a relative flag or variable against the working folder', () => {
    expect(resolveDataDir(inputs({ flag: 'data' }))).toBe('/work/here/data');
    expect(resolveDataDir(inputs({ env: { INLOOP_DATA_DIR: '../d' } }))).toBe('/work/d');
  });

  it('ignores a blank INLOOP_DATA_DIR', () => {
    expect(resolveDataDir(inputs({ env: { INLOOP_DATA_DIR: '  ' } }))).toBe(
      join(home, '.config', 'inloop'),
    );
  });

  it('falls back to the OS app-data folder of each platform', () => {
    expect(resolveDataDir(inputs({ platform: 'linux' }))).toBe(join(home, '.config', 'inloop'));
    expect(resolveDataDir(inputs({ platform: 'darwin' }))).toBe(
      join(home, 'Library', 'Application Support', 'Inloop'),
    );
    expect(resolveDataDir(inputs({ platform: 'win32' }))).toBe(
      join(home, 'AppData', 'Roaming', 'Inloop'),
    );
  });

  it('follows XDG_CONFIG_HOME on Linux and APPDATA on Windows', () => {
    expect(osAppDataDir('linux', home, { XDG_CONFIG_HOME: '/xdg' })).toBe(join('/xdg', 'inloop'));
    expect(osAppDataDir('win32', home, { APPDATA: '/roaming' })).toBe(join('/roaming', 'Inloop'));
    expect(osAppDataDir('darwin', home, { XDG_CONFIG_HOME: '/xdg' })).toBe(
      join(home, 'Library', 'Application Support', 'Inloop'),
    );
  });
});

describe('models dir', () => {
  it('takes INLOOP_MODELS_DIR over the app root, resolved against the working folder', () => {
    expect(resolveModelsDir({ INLOOP_MODELS_DIR: '/shared/models' }, '/app', '/cwd')).toBe(
      '/shared/models',
    );
    expect(resolveModelsDir({ INLOOP_MODELS_DIR: '../shared/models' }, '/app', '/w/main')).toBe(
      '/w/shared/models',
    );
  });

  it('uses models/ at the app root otherwise', () => {
    expect(resolveModelsDir({}, '/app', '/cwd')).toBe(join('/app', 'models'));
    expect(resolveModelsDir({ INLOOP_MODELS_DIR: '' }, '/app', '/cwd')).toBe(
      join('/app', 'models'),
    );
  });
});

describe('findAppRoot', () => {
  it('finds the nearest folder with a package.json above a start folder', async () => {
    const root = await mkdtemp(join(tmpdir(), 'inloop-root-'));
    try {
      await writeFile(join(root, 'package.json'), '{}');
      await mkdir(join(root, 'out', 'main'), { recursive: true });
      expect(findAppRoot(join(root, 'out', 'main'))).toBe(root);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('finds this repository from its own source', () => {
    expect(findAppRoot()).toBe(join(import.meta.dirname, '../../../..'));
  });
});
