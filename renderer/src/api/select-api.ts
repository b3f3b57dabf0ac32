/**
 * Picks the one `InloopApi` the renderer talks to, without the rest of the UI knowing its
 * host: the preload's `window.inloop` under Electron, else the WebSocket of `inloop serve`.
 */
import { createInloopApi, type InloopApi } from '../../../shared/api';
import { TOKEN_PARAM, WS_PATH } from '../../../shared/ws-protocol';
import { alwaysOpen, type ConnectionMonitor } from './connection';
import { takeLaunchToken } from './launch-token';
import { browserSocket, createWebTransport } from './web-transport';

/** The chosen API with the monitor of its link. */
export interface ApiHandle {
  api: InloopApi;
  connection: ConnectionMonitor;
  dispose(): void;
}

export type ApiSelection = { ok: true; handle: ApiHandle } | { ok: false; reason: 'missing-token' };

/** The API for this window; in a browser it needs the launch token from the address. */
export function selectApi(win: Window): ApiSelection {
  if (win.inloop) {
    return { ok: true, handle: { api: win.inloop, connection: alwaysOpen, dispose: () => {} } };
  }
  const token = takeLaunchToken({
    href: win.location.href,
    storage: readSessionStorage(win),
    replaceAddress: (url) => win.history.replaceState(win.history.state, '', url),
  });
  if (!token) return { ok: false, reason: 'missing-token' };
  const transport = createWebTransport({
    url: apiSocketUrl(win.location.host, token),
    openSocket: browserSocket,
  });
  return {
    ok: true,
    handle: { api: createInloopApi(transport), connection: transport, dispose: transport.dispose },
  };
}

/** `ws://<host>/api?token=<token>`: the served page talks to the host that served it. */
export function apiSocketUrl(host: string, token: string): string {
  return `ws://${host}${WS_PATH}?${TOKEN_PARAM}=${encodeURIComponent(token)}`;
}

function readSessionStorage(win: Window): Storage | null {
  try {
    return win.sessionStorage;
  } catch {
    return null;
  }
}
