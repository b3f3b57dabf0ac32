// Lint fixture: linted as if it lived in electron/hosts/electron-main/ (outside ipc/ and
// preload/). Each line marked ✗ must FAIL; the others must PASS. Linted as if it lived in
// electron/hosts/electron-main/ipc/ it must PASS (the typed wrappers).
import electron from 'electron';
import { ipcMain } from 'electron'; // ✗
import { ipcMain as renamedMain } from 'electron/main'; // ✗
import { ipcRenderer } from 'electron/renderer'; // ✗
import type { IpcMainInvokeEvent } from 'electron';

const { ipcMain: destructured } = electron; // ✗
const { ipcRenderer: alsoDestructured } = require('electron'); // ✗
export const member = electron.ipcMain; // ✗
export const computed = electron['ipcRenderer']; // ✗
export const handle = ipcMain.handle; // ✗
export const used = [renamedMain, destructured, alsoDestructured];
export const listen = () => ipcRenderer.on('settings:changed', () => undefined); // ✗
export type Event = IpcMainInvokeEvent;
