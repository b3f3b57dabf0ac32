/**
 * The built renderer (`out/renderer`) as both app hosts serve it: the web host over HTTP and
 * the Electron host over its `app://` scheme. Only files inside the folder, with their type,
 * a Content-Security-Policy (each host names what the page may connect to) and no sniffing.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.map': 'application/json; charset=utf-8',
};

/** The page's policy; `connectSrc` is what it may reach besides nothing (fetch, WebSocket). */
export function rendererCsp(connectSrc: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "media-src 'self' blob:",
    `connect-src ${connectSrc}`,
    "worker-src 'self' blob:",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The file under `root` that `pathname` names, or null when it escapes `root`. */
export function resolveStaticPath(root: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const full = normalize(join(root, relative));
  return full === root || full.startsWith(root.endsWith(sep) ? root : root + sep) ? full : null;
}

/** A renderer file ready to send. */
export interface RendererFile {
  readonly body: Buffer;
  readonly headers: Record<string, string>;
}

/** The file `pathname` names under `root` with its headers, or null (outside, missing, a folder). */
export async function readRendererFile(
  root: string,
  pathname: string,
  csp: string,
): Promise<RendererFile | null> {
  const file = resolveStaticPath(root, pathname);
  const info = file ? await stat(file).catch(() => null) : null;
  if (!file || !info?.isFile()) return null;
  const type = contentTypes[extname(file)] ?? 'application/octet-stream';
  return {
    body: await readFile(file),
    headers: {
      'content-type': type,
      'content-security-policy': csp,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cross-origin-opener-policy': 'same-origin',
      'cache-control': type.startsWith('text/html') ? 'no-store' : 'no-cache',
    },
  };
}
