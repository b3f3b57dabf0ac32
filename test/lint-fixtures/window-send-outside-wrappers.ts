// Lint fixture: linted as if it lived in electron/hosts/electron-main/ (outside ipc/) and in
// electron/services/. Each line marked ✗ must FAIL; the others must PASS. Linted as if it lived
// in electron/hosts/electron-main/ipc/ it must PASS (forward-events.ts is the one sender).
import type { BrowserWindow, IpcMainInvokeEvent, WebContents, WebFrameMain } from 'electron';
import { webContents } from 'electron';

export function leak(
  win: BrowserWindow,
  event: IpcMainInvokeEvent,
  contents: WebContents,
  frame: WebFrameMain,
) {
  win.webContents.send('settings:changed', {}); // ✗
  win?.webContents.send('settings:changed', {}); // ✗
  win.webContents.sendToFrame(1, 'settings:changed'); // ✗
  win.webContents.postMessage('settings:changed', {}); // ✗
  win.webContents['send']('settings:changed'); // ✗
  win.webContents.mainFrame.send('settings:changed'); // ✗
  win.webContents.send.call(win.webContents, 'settings:changed'); // ✗
  event.sender.send('settings:changed'); // ✗
  contents.send('settings:changed'); // ✗
  frame.send('settings:changed'); // ✗
  webContents.fromId(1)?.send('settings:changed'); // ✗
  webContents.getFocusedWebContents()?.send('settings:changed'); // ✗
  const { webContents: overlayContents } = win;
  overlayContents.send('settings:changed'); // ✗
  const { send } = win.webContents; // ✗
  const {
    webContents: { send: sendToOverlay }, // ✗
  } = win;
  return [send, sendToOverlay, overlayContents.id, contents.id];
}
