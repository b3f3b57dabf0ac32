/**
 * The overlay's page comes from `app://inloop/`, a privileged custom scheme, not `file://`:
 * the page gets a real origin (the IPC and permission checks compare it), cannot read other
 * local files, and `file://` keeps no extra privileges (the fuse is flipped at packaging). The
 * scheme serves only the built renderer, with a CSP whose `connect-src` is the app alone: the
 * window talks to the services over IPC and has no local WebSocket to reach.
 */
import { readRendererFile, rendererCsp } from '../renderer-files';

export const APP_SCHEME = 'app';
/** The origin of the overlay's page. */
export const APP_ORIGIN = `${APP_SCHEME}://inloop`;
/** The Electron window's policy (the web build keeps its own, with the local WebSocket). */
export const ELECTRON_CSP = rendererCsp("'self'");

/** The part of Electron's `protocol` used here. */
export interface ProtocolLike {
  registerSchemesAsPrivileged(
    schemes: Array<{ scheme: string; privileges: Record<string, boolean> }>,
  ): void;
  handle(scheme: string, handler: (request: Request) => Promise<Response>): void;
}

/** Declares the scheme; Electron requires this before the app is ready. */
export function registerAppScheme(protocol: ProtocolLike): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

/** Answers `app://inloop/<path>` from `rendererDir`; anything else is a 404. */
export function serveAppScheme(protocol: ProtocolLike, rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => appResponse(request, rendererDir));
}

async function appResponse(request: Request, rendererDir: string): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return new Response(null, { status: 405, headers: { allow: 'GET, HEAD' } });
  }
  const url = new URL(request.url);
  const file =
    `${url.protocol}//${url.host}` === APP_ORIGIN
      ? await readRendererFile(rendererDir, url.pathname, ELECTRON_CSP)
      : null;
  if (!file) return new Response('not found\n', { status: 404 });
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(file.body), {
    status: 200,
    headers: file.headers,
  });
}
