/**
 * The `ApiTransport` over `inloop serve`'s WebSocket (framing in shared/ws-protocol.ts).
 * Requests get ids and a timeout; a dropped link fails what is in flight with `unavailable`
 * and reconnects with back-off; event listeners survive reconnects.
 */
import type { ApiTransport } from '../../../shared/api';
import { isEventChannel, type EventChannel, type RequestChannel } from '../../../shared/contract';
import { fail, type Result } from '../../../shared/result';
import type { ClientMessage } from '../../../shared/ws-protocol';
import type { ConnectionMonitor, ConnectionStatus } from './connection';
import { parseServerMessage } from './server-message';

/** What the transport needs from a socket; `browserSocket` adapts the DOM WebSocket. */
export interface SocketHandlers {
  onOpen(): void;
  onClose(): void;
  onMessage(text: string): void;
}
export interface SocketHandle {
  send(text: string): void;
  close(): void;
}
export type SocketFactory = (url: string, handlers: SocketHandlers) => SocketHandle;

export interface WebTransportOptions {
  url: string;
  openSocket: SocketFactory;
  /** How long a request may wait for its answer. */
  requestTimeoutMs?: number;
  /** Delay before each reconnect attempt; the last one repeats. */
  retryDelaysMs?: readonly number[];
  /** Failed first attempts before the status turns `unreachable`. */
  attemptsBeforeUnreachable?: number;
}

export interface WebTransport extends ApiTransport, ConnectionMonitor {
  /** Stop reconnecting and fail whatever is pending (page unload, tests). */
  dispose(): void;
}

interface Pending {
  frame: string;
  sent: boolean;
  timer: ReturnType<typeof setTimeout>;
  resolve(result: Result<unknown>): void;
}

export const DEFAULT_REQUEST_TIMEOUT_MS = 15_000;
const DEFAULT_RETRY_DELAYS_MS = [250, 500, 1000, 2000, 4000] as const;

export function createWebTransport(options: WebTransportOptions): WebTransport {
  const timeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const delays = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  const unreachableAfter = options.attemptsBeforeUnreachable ?? 3;
  const pending = new Map<number, Pending>();
  const eventListeners = new Map<EventChannel, Set<(payload: unknown) => void>>();
  const statusListeners = new Set<(status: ConnectionStatus) => void>();
  let status: ConnectionStatus = 'connecting';
  let socket: SocketHandle | null = null;
  let everOpened = false;
  let failedAttempts = 0;
  let nextId = 1;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;

  const setStatus = (next: ConnectionStatus) => {
    if (next === status) return;
    status = next;
    for (const listener of [...statusListeners]) listener(next);
  };

  const settle = (id: number, result: Result<unknown>) => {
    const entry = pending.get(id);
    if (!entry) return;
    pending.delete(id);
    clearTimeout(entry.timer);
    entry.resolve(result);
  };

  const failAll = (message: string) => {
    for (const id of [...pending.keys()]) settle(id, fail('unavailable', message));
  };

  const handlers: SocketHandlers = {
    onOpen() {
      everOpened = true;
      failedAttempts = 0;
      setStatus('open');
      for (const entry of pending.values()) {
        if (!entry.sent && socket) {
          socket.send(entry.frame);
          entry.sent = true;
        }
      }
    },
    onClose() {
      socket = null;
      failAll('Lost the connection to Inloop before it answered.');
      if (disposed) return;
      failedAttempts += 1;
      if (everOpened) setStatus('reconnecting');
      else if (failedAttempts >= unreachableAfter) setStatus('unreachable');
      const delay = delays[Math.min(failedAttempts - 1, delays.length - 1)] ?? 1000;
      retryTimer = setTimeout(connect, delay);
    },
    onMessage(text) {
      const message = parseServerMessage(text);
      if (message?.type === 'response') settle(message.id, message.result);
      else if (message?.type === 'event' && isEventChannel(message.event)) {
        for (const listener of [...(eventListeners.get(message.event) ?? [])]) {
          listener(message.payload);
        }
      }
    },
  };

  function connect(): void {
    retryTimer = undefined;
    if (disposed) return;
    socket = options.openSocket(options.url, handlers);
  }

  function invoke(channel: RequestChannel, payload: unknown): Promise<Result<unknown>> {
    if (status === 'reconnecting' || status === 'unreachable') {
      return Promise.resolve(
        fail('unavailable', 'Not connected to Inloop. Reconnecting, try again in a moment.'),
      );
    }
    const id = nextId++;
    const message: ClientMessage = { type: 'request', id, channel, payload };
    return new Promise((resolve) => {
      const timer = setTimeout(
        () => settle(id, fail('timeout', `${channel} got no answer within ${timeoutMs / 1000} s.`)),
        timeoutMs,
      );
      const entry: Pending = { frame: JSON.stringify(message), sent: false, timer, resolve };
      pending.set(id, entry);
      if (status === 'open' && socket) {
        socket.send(entry.frame);
        entry.sent = true;
      }
    });
  }

  function subscribe(event: EventChannel, listener: (payload: unknown) => void): () => void {
    const set = eventListeners.get(event) ?? new Set();
    eventListeners.set(event, set);
    set.add(listener);
    return () => set.delete(listener);
  }

  connect();
  return {
    invoke,
    subscribe,
    status: () => status,
    onStatus(listener) {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
    dispose() {
      disposed = true;
      clearTimeout(retryTimer);
      const open = socket;
      socket = null;
      open?.close();
      failAll('Inloop was closed.');
    },
  };
}

/** The DOM WebSocket behind `SocketFactory`; text frames only. */
export const browserSocket: SocketFactory = (url, handlers) => {
  const ws = new WebSocket(url);
  ws.onopen = () => handlers.onOpen();
  ws.onclose = () => handlers.onClose();
  ws.onmessage = (event: MessageEvent) => {
    if (typeof event.data === 'string') handlers.onMessage(event.data);
  };
  return { send: (text) => ws.send(text), close: () => ws.close() };
};
