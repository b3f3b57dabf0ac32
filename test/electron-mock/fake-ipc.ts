/**
 * Fakes of both ends of Electron IPC: `ipcMain` (handlers the test invokes with a chosen
 * sender), `ipcRenderer` and `contextBridge` (what the preload sees and exposes).
 */
import type { IpcMainLike } from '../../electron/hosts/electron-main/ipc/register-ipc-handlers';
import type { IpcSenderEvent } from '../../electron/hosts/electron-main/ipc/trusted-sender';
import type { ContextBridgeLike } from '../../electron/hosts/electron-main/preload/expose-api';
import type { IpcRendererLike } from '../../electron/hosts/electron-main/preload/ipc-transport';

type Handler = Parameters<IpcMainLike['handle']>[1];

export class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, Handler>();

  handle(channel: string, listener: Handler): void {
    if (this.handlers.has(channel)) {
      // Electron throws here too: a second handler for a channel is a bug.
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    }
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  /** A renderer calls `ipcRenderer.invoke(channel, payload)` from the frame in `event`. */
  async invoke(channel: string, event: IpcSenderEvent, payload?: unknown): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler(event, payload);
  }
}

/** The IPC event of a call from `frame` (main frame unless `parent` is set) of `sender`. */
export function senderEvent(
  sender: { id: number },
  url: string,
  parent: unknown = null,
): IpcSenderEvent {
  return { sender, senderFrame: { url, parent } };
}

type RendererListener = Parameters<IpcRendererLike['on']>[1];

export class FakeIpcRenderer implements IpcRendererLike {
  readonly invoked: { channel: string; args: unknown[] }[] = [];
  readonly listeners = new Map<string, RendererListener[]>();
  /** What invoke answers; a test replaces it. */
  answer: (channel: string, payload: unknown) => Promise<unknown> = async () => ({
    ok: true,
    value: null,
  });

  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invoked.push({ channel, args });
    return this.answer(channel, args[0]);
  }
  on(channel: string, listener: RendererListener): this {
    this.listeners.set(channel, [...(this.listeners.get(channel) ?? []), listener]);
    return this;
  }
  removeListener(channel: string, listener: RendererListener): this {
    this.listeners.set(
      channel,
      (this.listeners.get(channel) ?? []).filter((l) => l !== listener),
    );
    return this;
  }
  /** The main process sends `payload` on `channel` (webContents.send). */
  push(channel: string, payload: unknown): void {
    const event = { sender: this, senderId: 0 };
    for (const listener of this.listeners.get(channel) ?? []) listener(event, payload);
  }
  listenerCount(channel: string): number {
    return this.listeners.get(channel)?.length ?? 0;
  }
}

export class FakeContextBridge implements ContextBridgeLike {
  readonly exposed = new Map<string, unknown>();
  exposeInMainWorld(apiKey: string, api: unknown): void {
    if (this.exposed.has(apiKey))
      throw new Error(`Cannot bind an API on top of an existing property: ${apiKey}`);
    this.exposed.set(apiKey, api);
  }
}
