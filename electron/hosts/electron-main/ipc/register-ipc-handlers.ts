/**
 * The Electron IPC host of the contract: the only code that calls `ipcMain.handle`.
 * One handler per request channel of `shared/contract.ts`, named after the channel; each
 * receives `unknown`, checks the sender, and hands the payload to the dispatcher, which
 * parses it with the contract's schema. Every outcome crosses as a `Result`.
 */
import { requestChannels, type RequestChannel } from '../../../../shared/contract';
import { fail, type Result } from '../../../../shared/result';
import type { Dispatch } from '../../../services/core/dispatcher';
import type { IpcSenderEvent, SenderCheck } from './trusted-sender';

/** The part of Electron's `ipcMain` used here. */
export interface IpcMainLike {
  handle(
    channel: string,
    listener: (event: IpcSenderEvent, ...args: unknown[]) => Promise<unknown>,
  ): void;
  removeHandler(channel: string): void;
}

/** Logs refused calls; a refusal is a bug or an attack, never a user error. */
export interface RefusalLog {
  warn(message: string, detail?: unknown): void;
}

/** The result an untrusted sender gets; it says nothing about the channel. */
export const unauthorized = (): Result<never> =>
  fail('unauthorized', 'This window is not allowed to call Inloop.');

/**
 * Register one `ipcMain.handle` per request channel. Returns the function that removes them
 * (used on shutdown and in tests).
 */
export function registerIpcHandlers(
  ipcMain: IpcMainLike,
  dispatch: Dispatch,
  isTrustedSender: SenderCheck,
  log?: RefusalLog,
): () => void {
  const handle = async (
    channel: RequestChannel,
    event: IpcSenderEvent,
    payload: unknown,
  ): Promise<Result<unknown>> => {
    if (!isTrustedSender(event)) {
      log?.warn(`refused ${channel} from an untrusted sender`, {
        url: event.senderFrame?.url ?? null,
      });
      return unauthorized();
    }
    return dispatch(channel, payload);
  };
  for (const channel of requestChannels) {
    ipcMain.handle(channel, (event, payload) => handle(channel, event, payload));
  }
  return () => {
    for (const channel of requestChannels) ipcMain.removeHandler(channel);
  };
}
