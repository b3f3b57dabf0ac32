/**
 * The app-update shell against a fake electron-updater (test/electron-mock/fake-updater.ts;
 * the real one needs a packaged Electron app): which mode asks when, that mode "none" makes no
 * request at all (the updater is not even loaded), the generic provider configured from the
 * settings under policy, and a change of policy while the app runs. Then the whole Electron
 * host, packaged, against the Electron mock.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultSettings, type Settings } from '../../../../shared/schemas/settings';
import { createServices } from '../../../../electron/app/create-services';
import { silentLogger } from '../../../../electron/services/core/log';
import {
  PERIODIC_CHECK_HOURS,
  startAppUpdates,
  updatePlan,
  type UpdateStatus,
} from '../../../../electron/hosts/electron-main/app-updates';
import { startElectronHost } from '../../../../electron/hosts/electron-main/electron-host';
import { registerIpcHandlers } from '../../../../electron/hosts/electron-main/ipc/register-ipc-handlers';
import { createMemorySecretStore } from '../../../../electron/services/secrets/memory-secret-store';
import { createElectronMock, FakeUpdater, laptop, type FakeTray } from '../../../electron-mock';

const url = 'https://updates.example.com/inloop/';
const updates = (over: Partial<Settings['updates']>): Settings['updates'] => ({
  ...defaultSettings.updates,
  url,
  ...over,
});

describe('the update plan', () => {
  it('asks when the mode says, on a packaged build with a server', () => {
    expect(updatePlan(updates({ mode: 'default' }), true)).toEqual({
      checks: 'at-start-and-periodically',
      url,
      channel: 'latest',
      reason: null,
    });
    expect(updatePlan(updates({ mode: 'start' }), true).checks).toBe('at-start');
    expect(updatePlan(updates({ mode: 'manual' }), true).checks).toBe('when-asked');
  });

  it('never asks with mode none, without a server, or in a development build', () => {
    expect(updatePlan(updates({ mode: 'none' }), true)).toMatchObject({
      checks: 'never',
      reason: 'update mode is none: no update request is made',
    });
    expect(updatePlan(updates({ url: '' }), true).reason).toBe(
      'no update server is set (policy UpdateUrl)',
    );
    expect(updatePlan(updates({}), false).reason).toBe(
      'a development build does not update itself',
    );
  });
});

/** The shell over a fake updater and fake timers, with settings the test changes. */
function harness(initial: Settings['updates'], isPackaged = true) {
  const updater = new FakeUpdater();
  let loads = 0;
  let current = initial;
  const listeners = new Set<() => void>();
  const timers: { ms: number; run: () => void; cleared: boolean }[] = [];
  const statuses: UpdateStatus[] = [];
  const shell = startAppUpdates({
    loadUpdater: async () => {
      loads++;
      return updater;
    },
    settings: () => current,
    onSettingsChanged: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    isPackaged,
    logger: silentLogger,
    onStatus: (s) => statuses.push(s),
    setInterval: (run, ms) => {
      const timer = { ms, run, cleared: false };
      timers.push(timer);
      return timer as unknown as number;
    },
    clearInterval: (handle) => {
      (handle as { cleared: boolean }).cleared = true;
    },
  });
  return {
    updater,
    shell,
    timers,
    statuses,
    loads: () => loads,
    change(next: Partial<Settings['updates']>) {
      current = { ...current, ...next };
      for (const listener of listeners) listener();
    },
  };
}

/** Lets the shell's pending promise chain run. */
const settle = () => new Promise((r) => setImmediate(r));

describe('the update shell', () => {
  it('mode none: no updater loaded, no request, no timer, even when asked', async () => {
    const h = harness(updates({ mode: 'none' }));
    await h.shell.checkNow();
    await settle();
    expect(h.loads()).toBe(0);
    expect(h.updater.requests).toEqual([]);
    expect(h.timers).toEqual([]);
    expect(h.shell.status()).toEqual({
      state: 'off',
      reason: 'update mode is none: no update request is made',
    });
  });

  it('default: the generic provider at the policy URL, a check at start and every few hours', async () => {
    const h = harness(updates({ mode: 'default', channel: 'beta' }));
    h.updater.outcome = { kind: 'update', version: '1.3.0-beta.1' };
    await settle();
    expect(h.updater.feeds).toEqual([{ provider: 'generic', url, channel: 'beta' }]);
    expect(h.updater.channel).toBe('beta');
    expect(h.updater.allowPrerelease).toBe(true);
    expect(h.updater.autoDownload).toBe(true);
    expect(h.updater.autoInstallOnAppQuit).toBe(true);
    expect(h.updater.allowDowngrade).toBe(false);
    expect(h.updater.requests).toEqual([{ url, channel: 'beta' }]);
    expect(h.shell.status()).toEqual({ state: 'ready', version: '1.3.0-beta.1' });
    expect(h.statuses.map((s) => s.state)).toEqual(['checking', 'downloading', 'ready']);
    expect(h.timers.map((t) => t.ms)).toEqual([PERIODIC_CHECK_HOURS * 3_600_000]);
    h.timers[0]!.run();
    await settle();
    expect(h.updater.requests).toHaveLength(2);
  });

  it('start: one check at start-up, none after', async () => {
    const h = harness(updates({ mode: 'start' }));
    await settle();
    expect(h.updater.requests).toHaveLength(1);
    expect(h.timers).toEqual([]);
    expect(h.shell.status()).toEqual({ state: 'up-to-date' });
  });

  it('manual: nothing until the user asks', async () => {
    const h = harness(updates({ mode: 'manual' }));
    await settle();
    expect(h.loads()).toBe(0);
    expect(await h.shell.checkNow()).toEqual({ state: 'up-to-date' });
    expect(h.updater.requests).toHaveLength(1);
  });

  it('reports a failed check and keeps running', async () => {
    const h = harness(updates({ mode: 'manual' }));
    h.updater.outcome = { kind: 'error', message: 'net::ERR_NAME_NOT_RESOLVED' };
    expect(await h.shell.checkNow()).toEqual({
      state: 'failed',
      message: 'net::ERR_NAME_NOT_RESOLVED',
    });
  });

  it('follows a policy change while running: none stops the timer, default starts again', async () => {
    const h = harness(updates({ mode: 'default' }));
    await settle();
    h.change({ mode: 'none' });
    expect(h.timers[0]!.cleared).toBe(true);
    expect(h.shell.status().state).toBe('off');
    await h.shell.checkNow();
    expect(h.updater.requests).toHaveLength(1);
    h.change({ mode: 'default', url: 'https://mirror.example.com/inloop/' });
    await settle();
    expect(h.updater.feeds.at(-1)).toEqual({
      provider: 'generic',
      url: 'https://mirror.example.com/inloop/',
      channel: 'latest',
    });
    expect(h.updater.requests).toHaveLength(2);
    expect(h.timers.filter((t) => !t.cleared)).toHaveLength(1);
    h.shell.stop();
    expect(h.timers.every((t) => t.cleared)).toBe(true);
  });
});

describe('the packaged Electron host', () => {
  const dirs: string[] = [];
  afterEach(async () => {
    await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
  });

  async function start(stored: Partial<Settings['updates']>) {
    const mock = createElectronMock([laptop]);
    mock.app.isPackaged = true;
    const dataDir = await mkdtemp(join(tmpdir(), 'inloop-updates-host-'));
    dirs.push(dataDir);
    await writeFile(
      join(dataDir, 'settings.json'),
      JSON.stringify({ ...defaultSettings, updates: { ...defaultSettings.updates, ...stored } }),
    );
    const updater = new FakeUpdater();
    let loads = 0;
    const host = await startElectronHost({
      ...mock,
      registerIpc: (...args) => registerIpcHandlers(mock.ipcMain, ...args),
      createServices,
      createSecretStore: () => createMemorySecretStore(),
      logger: silentLogger,
      env: { INLOOP_DATA_DIR: dataDir, INLOOP_EMBED_MODEL: 'none' },
      platform: 'linux',
      cwd: dataDir,
      mainDir: join(resolve(import.meta.dirname, '../../../..'), 'out', 'main'),
      resourcesPath: join(dataDir, 'resources'),
      electronVersion: '45.4.1',
      loadUpdater: async () => {
        loads++;
        return updater;
      },
    });
    await settle();
    return { mock, host, updater, loads: () => loads, tray: mock.trays[0] as FakeTray };
  }

  it('with mode none it never loads the updater and offers no check', async () => {
    const { updater, loads, tray, mock } = await start({ mode: 'none', url });
    expect(loads()).toBe(0);
    expect(updater.requests).toEqual([]);
    expect(tray.labels()).not.toContain('Check for updates');
    mock.app.quit();
  });

  it('with the default mode it checks the server at start and offers a check in the tray', async () => {
    const { updater, tray, mock } = await start({ mode: 'default', url });
    expect(updater.requests).toEqual([{ url, channel: 'latest' }]);
    tray.clickItem('Check for updates');
    await settle();
    expect(updater.requests).toHaveLength(2);
    mock.app.quit();
  });
});
