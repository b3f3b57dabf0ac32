/** The browser transport's framing, timeouts, connection loss and reconnects, over a fake socket. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConnectionStatus } from '../../renderer/src/api/connection';
import {
  createWebTransport,
  type SocketHandlers,
  type WebTransport,
} from '../../renderer/src/api/web-transport';

/** Every socket the transport opened, newest last. */
class FakeSockets {
  opened: { url: string; handlers: SocketHandlers; sent: string[]; closed: boolean }[] = [];
  factory = (url: string, handlers: SocketHandlers) => {
    const socket = { url, handlers, sent: [] as string[], closed: false };
    this.opened.push(socket);
    return { send: (text: string) => socket.sent.push(text), close: () => (socket.closed = true) };
  };
  get last() {
    const socket = this.opened.at(-1);
    if (!socket) throw new Error('no socket opened');
    return socket;
  }
  /** The frames the last socket sent, parsed. */
  frames() {
    return this.last.sent.map(
      (text) => JSON.parse(text) as { id: number; channel: string; payload?: unknown },
    );
  }
}

let sockets: FakeSockets;
let transport: WebTransport;
let statuses: ConnectionStatus[];

beforeEach(() => {
  vi.useFakeTimers();
  sockets = new FakeSockets();
  transport = createWebTransport({
    url: 'ws://127.0.0.1:1/api?token=t',
    openSocket: sockets.factory,
    requestTimeoutMs: 1000,
    retryDelaysMs: [100, 200],
    attemptsBeforeUnreachable: 2,
  });
  statuses = [];
  transport.onStatus((status) => statuses.push(status));
});

afterEach(() => {
  transport.dispose();
  vi.useRealTimers();
});

describe('requests', () => {
  it('queues requests made while connecting and sends them framed once open', async () => {
    const answer = transport.invoke('settings:update', { appearance: { theme: 'dark' } });
    expect(sockets.last.sent).toEqual([]);
    sockets.last.handlers.onOpen();
    expect(sockets.frames()).toEqual([
      {
        type: 'request',
        id: 1,
        channel: 'settings:update',
        payload: { appearance: { theme: 'dark' } },
      },
    ]);
    sockets.last.handlers.onMessage(
      JSON.stringify({ type: 'response', id: 1, result: { ok: true, value: 'saved' } }),
    );
    await expect(answer).resolves.toEqual({ ok: true, value: 'saved' });
  });

  it('matches answers to requests by id, whatever order they come in', async () => {
    sockets.last.handlers.onOpen();
    const first = transport.invoke('app:info', undefined);
    const second = transport.invoke('settings:get', undefined);
    const [a, b] = sockets.frames();
    sockets.last.handlers.onMessage(
      JSON.stringify({ type: 'response', id: b!.id, result: { ok: true, value: 'B' } }),
    );
    sockets.last.handlers.onMessage(
      JSON.stringify({ type: 'response', id: a!.id, result: { ok: true, value: 'A' } }),
    );
    await expect(first).resolves.toEqual({ ok: true, value: 'A' });
    await expect(second).resolves.toEqual({ ok: true, value: 'B' });
  });

  it('passes the service error through with its code and message', async () => {
    sockets.last.handlers.onOpen();
    const answer = transport.invoke('settings:update', {});
    const error = { code: 'invalid_request', message: 'hotkeys.togglePause: bad' };
    sockets.last.handlers.onMessage(
      JSON.stringify({ type: 'response', id: 1, result: { ok: false, error } }),
    );
    await expect(answer).resolves.toEqual({ ok: false, error });
  });

  it('turns a malformed result into an internal error and ignores frames it cannot read', async () => {
    sockets.last.handlers.onOpen();
    const answer = transport.invoke('app:info', undefined);
    sockets.last.handlers.onMessage('not json');
    sockets.last.handlers.onMessage(JSON.stringify({ type: 'response', id: 'x' }));
    sockets.last.handlers.onMessage(
      JSON.stringify({ type: 'response', id: 1, result: { ok: 'yes' } }),
    );
    await expect(answer).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('fails a request with code timeout when no answer comes in time', async () => {
    sockets.last.handlers.onOpen();
    const answer = transport.invoke('diagnostics:doctor', undefined);
    vi.advanceTimersByTime(1000);
    await expect(answer).resolves.toEqual({
      ok: false,
      error: { code: 'timeout', message: 'diagnostics:doctor got no answer within 1 s.' },
    });
    // A late answer is ignored rather than resolving anything else.
    sockets.last.handlers.onMessage(
      JSON.stringify({ type: 'response', id: 1, result: { ok: true, value: 1 } }),
    );
  });
});

describe('connection loss', () => {
  it('fails in-flight requests with unavailable and reports reconnecting', async () => {
    sockets.last.handlers.onOpen();
    const answer = transport.invoke('capture:set-paused', { paused: true });
    sockets.last.handlers.onClose();
    await expect(answer).resolves.toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(transport.status()).toBe('reconnecting');
    expect(statuses).toEqual(['open', 'reconnecting']);
  });

  it('fails new requests at once while reconnecting, without queueing them', async () => {
    sockets.last.handlers.onOpen();
    sockets.last.handlers.onClose();
    await expect(transport.invoke('app:info', undefined)).resolves.toMatchObject({
      ok: false,
      error: { code: 'unavailable' },
    });
  });

  it('reconnects with back-off and is open again afterwards', () => {
    sockets.last.handlers.onOpen();
    sockets.last.handlers.onClose();
    expect(sockets.opened).toHaveLength(1);
    vi.advanceTimersByTime(100);
    expect(sockets.opened).toHaveLength(2);
    sockets.last.handlers.onClose();
    vi.advanceTimersByTime(199);
    expect(sockets.opened).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(sockets.opened).toHaveLength(3);
    sockets.last.handlers.onOpen();
    expect(transport.status()).toBe('open');
    expect(sockets.last.url).toBe('ws://127.0.0.1:1/api?token=t');
  });

  it('calls a link that never opened unreachable after the set number of attempts', () => {
    sockets.last.handlers.onClose();
    expect(transport.status()).toBe('connecting');
    vi.advanceTimersByTime(100);
    sockets.last.handlers.onClose();
    expect(transport.status()).toBe('unreachable');
  });

  it('stops reconnecting once disposed', () => {
    sockets.last.handlers.onOpen();
    transport.dispose();
    expect(sockets.last.closed).toBe(true);
    sockets.last.handlers.onClose();
    vi.advanceTimersByTime(10_000);
    expect(sockets.opened).toHaveLength(1);
  });
});

describe('events', () => {
  it('delivers pushed events to their listeners, across reconnects, until unsubscribed', () => {
    const seen: unknown[] = [];
    const stop = transport.subscribe('capture:state', (payload) => seen.push(payload));
    sockets.last.handlers.onOpen();
    const push = (state: string) =>
      sockets.last.handlers.onMessage(
        JSON.stringify({ type: 'event', event: 'capture:state', payload: { state } }),
      );
    push('listening');
    sockets.last.handlers.onClose();
    vi.advanceTimersByTime(100);
    sockets.last.handlers.onOpen();
    push('paused');
    stop();
    push('idle');
    expect(seen).toEqual([{ state: 'listening' }, { state: 'paused' }]);
  });

  it('ignores events that are not in the contract', () => {
    const seen: unknown[] = [];
    transport.subscribe('app:notice', (payload) => seen.push(payload));
    sockets.last.handlers.onOpen();
    sockets.last.handlers.onMessage(
      JSON.stringify({ type: 'event', event: 'app:other', payload: 1 }),
    );
    expect(seen).toEqual([]);
  });
});
