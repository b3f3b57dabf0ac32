/** The bridge: service events and the connection flow into the store, and nothing else does. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConnectionMonitor, ConnectionStatus } from '../../renderer/src/api/connection';
import { startBridge } from '../../renderer/src/state/bridge';
import { createInloopStore, type InloopStore } from '../../renderer/src/state/store';
import { fail, ok } from '../../shared/result';
import { defaultSettings } from '../../shared/schemas/settings';
import { createFakeApi, webAppInfo, type FakeApi } from './fake-api';

/** A connection the test drives by hand. */
function manualConnection(initial: ConnectionStatus) {
  let status = initial;
  const listeners = new Set<(status: ConnectionStatus) => void>();
  const monitor: ConnectionMonitor = {
    status: () => status,
    onStatus: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const set = (next: ConnectionStatus) => {
    status = next;
    listeners.forEach((listener) => listener(next));
  };
  return { monitor, set };
}

let fake: FakeApi;
let store: InloopStore;

beforeEach(() => {
  fake = createFakeApi();
  store = createInloopStore(fake.api);
});

const settle = () => vi.waitFor(() => expect(store.getState().settings).not.toBeNull());

describe('startBridge', () => {
  it('loads the app info, settings, overlay and capture state when the link is open', async () => {
    startBridge(fake.api, manualConnection('open').monitor, store);
    await settle();
    expect(store.getState()).toMatchObject({
      connection: 'open',
      appInfo: webAppInfo,
      settings: defaultSettings,
      overlay: { mode: 'overlay', clickThrough: false },
      capture: { state: 'idle' },
    });
  });

  it('shows the notices the services raised before the screen connected', async () => {
    const notice = {
      id: 'settings-recovered',
      level: 'warning' as const,
      message: 'These settings were damaged and reset: appearance.theme.',
    };
    fake.handle('app:notices', () => ok([notice]));
    startBridge(fake.api, manualConnection('open').monitor, store);
    await vi.waitFor(() =>
      expect(store.getState().notices).toEqual([{ ...notice, source: 'app' }]),
    );
  });

  it('writes pushed events into the store', async () => {
    startBridge(fake.api, manualConnection('open').monitor, store);
    await settle();
    const dark = { ...defaultSettings, appearance: { theme: 'dark' as const, fontScale: 1 } };
    fake.emit('settings:changed', dark);
    fake.emit('capture:state', { state: 'listening' });
    fake.emit('overlay:state', {
      visible: true,
      mode: 'docked',
      clickThrough: true,
      hotkeyProblems: [],
    });
    fake.emit('app:notice', { id: 'pack', level: 'warning', message: 'Pack is old' });
    expect(store.getState().settings?.appearance.theme).toBe('dark');
    expect(store.getState().capture?.state).toBe('listening');
    expect(store.getState().overlay).toMatchObject({ mode: 'docked', clickThrough: true });
    expect(store.getState().notices).toEqual([
      { id: 'pack', level: 'warning', message: 'Pack is old', source: 'app' },
    ]);
  });

  it('drops event payloads that break the contract', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    startBridge(fake.api, manualConnection('open').monitor, store);
    await settle();
    fake.emit('capture:state', { state: 'recording' });
    fake.emit('settings:changed', { theme: 'dark' });
    expect(store.getState().capture?.state).toBe('idle');
    expect(store.getState().settings).toEqual(defaultSettings);
    expect(warn).toHaveBeenCalledTimes(2);
    warn.mockRestore();
  });

  it('mirrors the connection and reloads everything after a reconnect', async () => {
    const connection = manualConnection('connecting');
    startBridge(fake.api, connection.monitor, store);
    expect(store.getState().connection).toBe('connecting');
    expect(fake.calls).toEqual([]);
    connection.set('open');
    await settle();
    const loads = fake.calls.length;
    connection.set('reconnecting');
    expect(store.getState().connection).toBe('reconnecting');
    fake.handle('capture:get-state', () => ok({ state: 'paused' }));
    connection.set('open');
    await vi.waitFor(() => expect(store.getState().capture?.state).toBe('paused'));
    expect(fake.calls.length).toBe(loads * 2);
  });

  it('reports a part that failed to load, and clears the report once it loads', async () => {
    const connection = manualConnection('open');
    fake.handle('settings:get', () => fail('internal', 'settings.json is locked'));
    startBridge(fake.api, connection.monitor, store);
    await vi.waitFor(() => expect(store.getState().notices).toHaveLength(1));
    expect(store.getState().notices[0]?.message).toBe(
      "Couldn't load settings. settings.json is locked",
    );
    expect(store.getState().appInfo).toEqual(webAppInfo);
    fake.handle('settings:get', () => ok(defaultSettings));
    connection.set('reconnecting');
    connection.set('open');
    await settle();
    expect(store.getState().notices).toEqual([]);
  });

  it('unsubscribes everything when stopped', async () => {
    const stop = startBridge(fake.api, manualConnection('open').monitor, store);
    await settle();
    stop();
    expect(fake.listenerCount('settings:changed')).toBe(0);
    expect(fake.listenerCount('app:notice')).toBe(0);
  });
});
