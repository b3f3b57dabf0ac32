import { describe, expect, it } from 'vitest';
import { exposeInloopApi } from '../../../../../electron/hosts/electron-main/preload/expose-api';
import type { InloopApi } from '../../../../../shared/api';
import { requestChannels } from '../../../../../shared/contract';
import { defaultSettings } from '../../../../../shared/schemas/settings';
import { FakeContextBridge, FakeIpcRenderer } from '../../../../electron-mock';

function setup() {
  const bridge = new FakeContextBridge();
  const ipc = new FakeIpcRenderer();
  exposeInloopApi(bridge, ipc);
  return { bridge, ipc, api: bridge.exposed.get('inloop') as InloopApi };
}

describe('the preload bridge', () => {
  it('exposes one object, window.inloop, and nothing else', () => {
    const { bridge } = setup();
    expect([...bridge.exposed.keys()]).toEqual(['inloop']);
  });

  it('offers one method per request channel, grouped by domain, plus on()', () => {
    const { api } = setup();
    const methods = Object.entries(api).flatMap(([domain, value]) =>
      typeof value === 'function'
        ? [domain]
        : Object.keys(value as object).map((m) => `${domain}.${m}`),
    );
    expect(methods).toHaveLength(requestChannels.length + 1);
    expect(methods).toContain('settings.update');
    expect(methods).toContain('overlay.setClickThrough');
    expect(methods).toContain('on');
  });

  it('exposes no ipcRenderer, generic invoke/send, or process', () => {
    const { api } = setup();
    const all = JSON.stringify(
      Object.entries(api).map(([k, v]) => [k, typeof v === 'object' ? Object.keys(v) : k]),
    );
    for (const forbidden of [
      'ipcRenderer',
      'invoke',
      'send',
      'sendSync',
      'process',
      'env',
      'require',
    ]) {
      expect(all).not.toContain(`"${forbidden}"`);
    }
  });

  it('sends a request on its contract channel and returns the main process result', async () => {
    const { api, ipc } = setup();
    ipc.answer = async () => ({ ok: true, value: defaultSettings });
    const result = await api.settings.update({ overlay: { opacity: 0.9 } });
    expect(ipc.invoked).toEqual([
      { channel: 'settings:update', args: [{ overlay: { opacity: 0.9 } }] },
    ]);
    expect(result).toEqual({ ok: true, value: defaultSettings });
  });

  it('turns a main process that does not answer into an unavailable result', async () => {
    const { api, ipc } = setup();
    ipc.answer = async () => {
      throw new Error("No handler registered for 'app:info'");
    };
    const result = await api.app.info();
    expect(result).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });

  it('delivers pushed events with the payload only, never the IPC event object', () => {
    const { api, ipc } = setup();
    const seen: unknown[][] = [];
    api.on('capture:state', (...args: unknown[]) => seen.push(args));
    ipc.push('capture:state', { state: 'paused' });
    expect(seen).toEqual([[{ state: 'paused' }]]);
  });

  it('stops delivering after unsubscribe and leaves no listener behind', () => {
    const { api, ipc } = setup();
    const seen: unknown[] = [];
    const off = api.on('settings:changed', (payload) => seen.push(payload));
    off();
    ipc.push('settings:changed', defaultSettings);
    expect(seen).toEqual([]);
    expect(ipc.listenerCount('settings:changed')).toBe(0);
  });

  it('refuses to listen on a channel outside the contract', () => {
    const { api, ipc } = setup();
    const on = api.on as (event: string, listener: () => void) => () => void;
    expect(() => on('ELECTRON_BROWSER_REQUIRE', () => {})).toThrow(/unknown event channel/);
    expect(ipc.listeners.size).toBe(0);
  });
});
