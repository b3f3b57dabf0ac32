/**
 * ipcMain, ipcRenderer and webContents.send live only in the typed IPC wrappers
 * (electron/hosts/electron-main/ipc and preload). Each fixture is linted with the project's
 * real ESLint config as if it lived outside the wrappers (lines marked `// ✗` must fail) and
 * inside them (everything passes).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { lintAs, linesMatching, warmUp, WARM_UP_TIMEOUT_MS } from './lint-fixture';

beforeAll(warmUp, WARM_UP_TIMEOUT_MS);

const IPC = /ipcMain and ipcRenderer live only in electron\/hosts\/electron-main\/ipc and preload/;
const SEND = /Only electron\/hosts\/electron-main\/ipc\/forward-events\.ts sends to a window/;

describe('ipcMain and ipcRenderer only in the IPC wrappers', () => {
  it.each(['electron/hosts/electron-main/raw-ipc.ts', 'electron/services/speech/raw-ipc.ts'])(
    'refuses them however they are reached in %s',
    async (where) => {
      const { marked, errors } = await lintAs('ipc-outside-wrappers.ts', where);
      expect(marked).toHaveLength(9);
      expect(linesMatching(errors, IPC)).toEqual(marked);
    },
  );

  it('refuses ipcRenderer in the renderer', async () => {
    const { errors } = await lintAs('renderer-imports-electron.ts', 'renderer/src/leak.ts');
    expect(errors.some((e) => IPC.test(e.message))).toBe(true);
  });

  it.each([
    'electron/hosts/electron-main/ipc/electron-ipc.ts',
    'electron/hosts/electron-main/preload/ipc-transport.ts',
  ])('lets the wrapper %s use them', async (where) => {
    expect((await lintAs('ipc-outside-wrappers.ts', where)).errors).toEqual([]);
  });
});

describe('webContents.send only in the IPC wrappers', () => {
  it('refuses sending to a window from the electron-main host', async () => {
    const { marked, errors } = await lintAs(
      'window-send-outside-wrappers.ts',
      'electron/hosts/electron-main/notify.ts',
    );
    expect(marked).toHaveLength(15);
    expect(linesMatching(errors, SEND)).toEqual(marked);
    expect(linesMatching(errors, /./)).toEqual(marked);
  });

  it('refuses sending to a window from a service', async () => {
    const { marked, errors } = await lintAs(
      'window-send-outside-wrappers.ts',
      'electron/services/overlay/notify.ts',
    );
    expect(linesMatching(errors, SEND)).toEqual(marked);
  });

  it('lets forward-events in ipc/ send', async () => {
    const where = 'electron/hosts/electron-main/ipc/forward-events.ts';
    expect((await lintAs('window-send-outside-wrappers.ts', where)).errors).toEqual([]);
  });

  it('accepts a host that reads its webContents and sends on its own WebSocket', async () => {
    const where = 'electron/hosts/electron-main/clean.ts';
    expect((await lintAs('electron-main-clean.ts', where)).errors).toEqual([]);
  });
});
