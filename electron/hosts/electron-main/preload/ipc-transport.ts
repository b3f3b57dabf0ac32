/**
 * The preload's transport for `createInloopApi`: requests over `ipcRenderer.invoke`, events
 * over `ipcRenderer.on`. Only the contract's channels pass; the page never receives the
 * IpcRendererEvent (its `sender` would hand the page ipcRenderer itself).
 */
import { isEventChannel, isRequestChannel } from '../../../../shared/contract';
import type { ApiTransport } from '../../../../shared/api';
import { fail, type Result } from '../../../../shared/result';

type IpcListener = (event: unknown, ...args: unknown[]) => void;

/** The part of Electron's `ipcRenderer` used here. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: IpcListener): unknown;
  removeListener(channel: string, listener: IpcListener): unknown;
}

/** Build the transport over `ipc`; never exposed to the page itself. */
export function createIpcTransport(ipc: IpcRendererLike): ApiTransport {
  return {
    async invoke(channel, payload) {
      if (!isRequestChannel(channel)) {
        return fail('unknown_channel', `unknown request channel: ${String(channel)}`);
      }
      try {
        return (await ipc.invoke(channel, payload)) as Result<unknown>;
      } catch (error) {
        // invoke rejects when the main process has no handler yet (startup) or is gone.
        const message = error instanceof Error ? error.message : String(error);
        return fail('unavailable', `Inloop's main process did not answer ${channel}: ${message}`);
      }
    },
    subscribe(event, listener) {
      if (!isEventChannel(event)) throw new Error(`unknown event channel: ${String(event)}`);
      if (typeof listener !== 'function') throw new Error('listener must be a function');
      const forward: IpcListener = (_event, payload) => listener(payload);
      ipc.on(event, forward);
      return () => {
        ipc.removeListener(event, forward);
      };
    },
  };
}
