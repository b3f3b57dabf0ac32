/** Choosing the API: the preload's under Electron, the WebSocket's in a browser with a token. */
import { describe, expect, it } from 'vitest';
import { selectApi } from '../../renderer/src/api/select-api';
import { createFakeApi } from './fake-api';

/** Just enough of `window` for selectApi. */
function fakeWindow(href: string, inloop?: unknown) {
  const replaced: string[] = [];
  const storage = new Map<string, string>();
  const win = {
    inloop,
    location: new URL(href),
    history: {
      state: null,
      replaceState: (_: unknown, __: string, url: string) => replaced.push(url),
    },
    sessionStorage: {
      getItem: (key: string) => storage.get(key) ?? null,
      setItem: (key: string, value: string) => void storage.set(key, value),
    },
  };
  return { win: win as unknown as Window, replaced };
}

describe('selectApi', () => {
  it('uses window.inloop under Electron, whose link never drops', () => {
    const { api } = createFakeApi();
    const selection = selectApi(fakeWindow('file:///index.html', api).win);
    expect(selection.ok && selection.handle.api).toBe(api);
    expect(selection.ok && selection.handle.connection.status()).toBe('open');
  });

  it('needs the launch token in a browser', () => {
    expect(selectApi(fakeWindow('http://127.0.0.1:4477/').win)).toEqual({
      ok: false,
      reason: 'missing-token',
    });
  });

  it('builds the WebSocket API from the token and clears it from the address', () => {
    const { win, replaced } = fakeWindow('http://127.0.0.1:9/?token=secret');
    const selection = selectApi(win);
    expect(selection.ok).toBe(true);
    if (!selection.ok) return;
    expect(replaced).toEqual(['/']);
    expect(typeof selection.handle.api.settings.update).toBe('function');
    expect(selection.handle.connection.status()).toBe('connecting');
    selection.handle.dispose();
  });
});
