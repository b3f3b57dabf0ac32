// Lint fixture: linted as if it lived in electron/hosts/electron-main/. It must PASS: the host
// may import Electron, read a webContents and send on its own WebSocket (the control case).
import { BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import type { WebSocket } from 'ws';

export function ownWindow(win: BrowserWindow, socket: WebSocket, event: IpcMainInvokeEvent) {
  const contents = win.webContents;
  socket.send('hello');
  return [contents.id, event.sender.id, BrowserWindow.getAllWindows().length];
}
