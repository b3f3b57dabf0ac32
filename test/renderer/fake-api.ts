/**
 * An `InloopApi` for renderer unit tests, built with the real `createInloopApi` over a fake
 * transport: answers come from per-channel handlers, and `emit` pushes an event.
 */
import { createInloopApi, type ApiTransport, type InloopApi } from '../../shared/api';
import type { EventChannel, RequestChannel } from '../../shared/contract';
import { ok, type Result } from '../../shared/result';
import type { AppInfo } from '../../shared/schemas/app';
import { defaultSettings } from '../../shared/schemas/settings';

export type FakeHandler = (payload: unknown) => Result<unknown> | Promise<Result<unknown>>;

export interface FakeApi {
  api: InloopApi;
  /** Requests seen, in order. */
  calls: { channel: RequestChannel; payload: unknown }[];
  handle(channel: RequestChannel, handler: FakeHandler): void;
  emit(event: EventChannel, payload: unknown): void;
  listenerCount(event: EventChannel): number;
}

export const webAppInfo: AppInfo = {
  name: 'Inloop',
  version: '0.1.0',
  host: 'web',
  platform: 'linux',
  capabilities: { overlayWindow: false, globalHotkeys: false, tray: false, keychain: false },
};

export function createFakeApi(): FakeApi {
  const handlers = new Map<RequestChannel, FakeHandler>([
    ['app:info', () => ok(webAppInfo)],
    ['app:notices', () => ok([])],
    ['settings:get', () => ok(defaultSettings)],
    [
      'overlay:get-state',
      () => ok({ visible: true, mode: 'overlay', clickThrough: false, hotkeyProblems: [] }),
    ],
    ['capture:get-state', () => ok({ state: 'idle' })],
    // ── assist ──
    [
      'assist:get-state',
      () => ok({ conversation: null, suggestions: null, seq: 0, handoff: null, generation: null }),
    ],
    ['assist:ingest-info', () => ok({ url: null, tokenStorage: null, reason: 'fake API' })],
  ]);
  const listeners = new Map<EventChannel, Set<(payload: unknown) => void>>();
  const calls: FakeApi['calls'] = [];
  const transport: ApiTransport = {
    async invoke(channel, payload) {
      calls.push({ channel, payload });
      const handler = handlers.get(channel);
      if (!handler)
        return { ok: false, error: { code: 'unknown_channel', message: `no fake for ${channel}` } };
      return handler(payload);
    },
    subscribe(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener);
      return () => set.delete(listener);
    },
  };
  return {
    api: createInloopApi(transport),
    calls,
    handle: (channel, handler) => handlers.set(channel, handler),
    emit: (event, payload) => listeners.get(event)?.forEach((listener) => listener(payload)),
    listenerCount: (event) => listeners.get(event)?.size ?? 0,
  };
}
