/**
 * Puts the one domain-shaped object on the page as `window.inloop` (typed `InloopApi` from
 * shared/api.ts). Nothing else crosses the context bridge: no ipcRenderer, no generic
 * invoke, no process.env.
 */
import { createInloopApi, type InloopApi } from '../../../../shared/api';
import { createIpcTransport, type IpcRendererLike } from './ipc-transport';

/** The global name the renderer reads. */
export const API_KEY = 'inloop';

/** The part of Electron's `contextBridge` used here. */
export interface ContextBridgeLike {
  exposeInMainWorld(apiKey: string, api: unknown): void;
}

/** Build the API over `ipcRenderer` and expose it; returns what was exposed. */
export function exposeInloopApi(bridge: ContextBridgeLike, ipc: IpcRendererLike): InloopApi {
  const api = createInloopApi(createIpcTransport(ipc));
  bridge.exposeInMainWorld(API_KEY, api);
  return api;
}
