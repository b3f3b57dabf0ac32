/**
 * The bridge between the typed IPC wrappers and Electron's real `ipcMain`: the one place in
 * the main process that imports it. Hosts call this; tests call `registerIpcHandlers`
 * with the fake ipcMain instead.
 */
import { ipcMain } from 'electron';
import type { Dispatch } from '../../../services/core/dispatcher';
import { registerIpcHandlers, type RefusalLog } from './register-ipc-handlers';
import type { SenderCheck } from './trusted-sender';

/** Register every request channel on Electron's ipcMain; returns the remover. */
export function registerElectronIpcHandlers(
  dispatch: Dispatch,
  isTrustedSender: SenderCheck,
  log?: RefusalLog,
): () => void {
  return registerIpcHandlers(ipcMain, dispatch, isTrustedSender, log);
}
