/**
 * The whole Electron host started against the fake Electron and the real services (real
 * settings file in a temp data folder, in-memory secret store): what the overlay page, the
 * shortcuts and the tray do end to end.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createServices } from '../../../../electron/app/create-services';
import { silentLogger } from '../../../../electron/services/core/log';
import { registerIpcHandlers } from '../../../../electron/hosts/electron-main/ipc/register-ipc-handlers';
import { startElectronHost } from '../../../../electron/hosts/electron-main/electron-host';
import { WINDOW_STATE_FILE } from '../../../../electron/hosts/electron-main/window-state-store';
import { createMemorySecretStore } from '../../../../electron/services/secrets/memory-secret-store';
import {
  createElectronMock,
  laptop,
  onlyWindow,
  senderEvent,
  type FakeTray,
} from '../../../electron-mock';

const repoRoot = resolve(import.meta.dirname, '../../../..');
const mainDir = join(repoRoot, 'out', 'main');
const rendererPage = join(repoRoot, 'out', 'renderer', 'index.html');
const dataDirs: string[] = [];

afterEach(async () => {
  await Promise.all(dataDirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function start(
  options: { env?: Record<string, string>; takenShortcut?: string; packagedAt?: string } = {},
) {
  const mock = createElectronMock([laptop]);
  if (options.packagedAt) mock.app.isPackaged = true;
  if (options.takenShortcut) mock.globalShortcut.taken.add(options.takenShortcut);
  const dataDir = await mkdtemp(join(tmpdir(), 'inloop-host-'));
  dataDirs.push(dataDir);
  const host = await startElectronHost({
    ...mock,
    registerIpc: (...args) => registerIpcHandlers(mock.ipcMain, ...args),
    createServices,
    createSecretStore: () => createMemorySecretStore(),
    logger: silentLogger,
    env: { INLOOP_DATA_DIR: dataDir, ...options.env },
    platform: 'linux',
    cwd: dataDir,
    mainDir: options.packagedAt ? join(options.packagedAt, 'out', 'main') : mainDir,
    resourcesPath: options.packagedAt ?? join(dataDir, 'resources'),
    electronVersion: '45.4.1',
  });
  const window = onlyWindow(mock);
  const page = window.webContents;
  const call = (channel: string, payload?: unknown) =>
    mock.ipcMain.invoke(channel, senderEvent(page, page.url), payload);
  return { mock, host, window, page, call, dataDir, tray: mock.trays[0] as FakeTray };
}

describe('the Electron host', () => {
  it('loads the built overlay page, which learns it runs in Electron', async () => {
    const { window, call } = await start();
    expect(window.loaded).toEqual({ url: 'app://inloop/index.html' });
    expect(window.webContents.url).toBe('app://inloop/index.html');
    await expect(call('app:info')).resolves.toMatchObject({
      ok: true,
      value: {
        host: 'electron',
        capabilities: { overlayWindow: true, globalHotkeys: true, tray: true },
      },
    });
  });

  it('serves the built page over app:// with a CSP whose connect-src is the app alone', async () => {
    const app = await mkdtemp(join(tmpdir(), 'inloop-packaged-'));
    dataDirs.push(app);
    await mkdir(join(app, 'out', 'renderer'), { recursive: true });
    await writeFile(
      join(app, 'out', 'renderer', 'index.html'),
      '<!doctype html><title>Inloop</title>',
    );
    await writeFile(join(app, 'package.json'), '{}');
    const { mock, window } = await start({ packagedAt: app });
    expect(window.loaded).toEqual({ url: 'app://inloop/index.html' });
    const page = await mock.protocol.fetch('app://inloop/index.html');
    expect(page.status).toBe(200);
    expect(await page.text()).toBe('<!doctype html><title>Inloop</title>');
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("connect-src 'self';");
    expect(csp).not.toContain('ws:');
    expect((await mock.protocol.fetch('app://inloop/%2e%2e/%2e%2e/package.json')).status).toBe(404);
    expect((await mock.protocol.fetch('app://inloop/../../package.json')).status).toBe(404);
    expect((await mock.protocol.fetch('app://elsewhere/index.html')).status).toBe(404);
  });

  it('refuses IPC from the built page opened as a file', async () => {
    const { mock, page } = await start();
    const asFile = senderEvent(page, pathToFileURL(rendererPage).href);
    await expect(mock.ipcMain.invoke('app:info', asFile, undefined)).resolves.toMatchObject({
      ok: false,
      error: { code: 'unauthorized' },
    });
  });

  it('loads the dev server under electron-vite dev', async () => {
    const { window, call } = await start({
      env: { ELECTRON_RENDERER_URL: 'http://localhost:5173' },
    });
    expect(window.loaded).toEqual({ url: 'http://localhost:5173/' });
    await expect(call('settings:get')).resolves.toMatchObject({ ok: true });
  });

  it('applies a settings change from the page to the window and tells the page', async () => {
    const { window, page, call } = await start();
    await call('settings:update', { overlay: { contentProtection: true } });
    expect(window.contentProtection).toBe(true);
    expect(page.sent.map((m) => m.channel)).toContain('settings:changed');
  });

  it('turns click-through on from the page and pushes the new overlay state', async () => {
    const { window, page, call } = await start();
    await expect(call('overlay:set-click-through', { enabled: true })).resolves.toMatchObject({
      ok: true,
      value: { clickThrough: true },
    });
    expect(window.ignoreMouseEvents).toEqual({ ignore: true, forward: true });
    expect(page.sent.at(-1)).toMatchObject({
      channel: 'overlay:state',
      args: [{ clickThrough: true }],
    });
  });

  it('docks from the page and remembers the choice in settings', async () => {
    const { window, call } = await start();
    await call('overlay:set-mode', { mode: 'docked' });
    expect(window.getBounds()).toMatchObject({ x: 1040, y: 0, height: 860 });
    await expect(call('settings:get')).resolves.toMatchObject({
      value: { overlay: { mode: 'docked' } },
    });
  });

  it('reports a taken shortcut in the overlay state', async () => {
    const { call } = await start({ takenShortcut: 'CmdOrCtrl+\\' });
    const result = await call('overlay:get-state');
    expect(result).toMatchObject({
      ok: true,
      value: { hotkeyProblems: [{ action: 'toggleOverlay', accelerator: 'CmdOrCtrl+\\' }] },
    });
  });

  it('hides the overlay on its shortcut, and the tray offers to show it again', async () => {
    const { mock, window, tray } = await start();
    window.emit('ready-to-show');
    mock.globalShortcut.press('CmdOrCtrl+\\');
    expect(window.visible).toBe(false);
    expect(tray.labels()[0]).toBe('Show Inloop');
  });

  it('pauses listening from the tray; tray and page both show it', async () => {
    const { page, tray } = await start();
    tray.clickItem('Pause listening');
    expect(tray.toolTip).toBe('Inloop: paused');
    expect(tray.labels()).toContain('Resume listening');
    expect(page.sent.at(-1)).toEqual({ channel: 'capture:state', args: [{ state: 'paused' }] });
  });

  it('hardens every webContents Electron creates', async () => {
    const { mock, page } = await start();
    expect(page.windowOpenHandler).toBeNull();
    mock.app.emit('web-contents-created', {}, page);
    expect(page.windowOpenHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
  });

  it('on quit saves the window position, releases shortcuts and removes the tray', async () => {
    const { mock, window, tray, dataDir } = await start();
    window.userMovesTo({ x: 100, y: 100 });
    mock.app.quit();
    await vi.waitFor(() => expect(mock.app.exited).toBe(true));
    expect(existsSync(join(dataDir, WINDOW_STATE_FILE))).toBe(true);
    expect(mock.globalShortcut.registered.size).toBe(0);
    expect(tray.destroyed).toBe(true);
    expect(mock.ipcMain.handlers.size).toBe(0);
  });
});
