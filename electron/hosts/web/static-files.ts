/**
 * Serves the built renderer (`out/renderer`) to the browser: only files inside that folder,
 * with the web build's CSP (it talks to the services over the local WebSocket) and no
 * caching of the entry page.
 */
import type { ServerResponse } from 'node:http';
import { readRendererFile, rendererCsp } from '../renderer-files';

export { resolveStaticPath } from '../renderer-files';

export const CONTENT_SECURITY_POLICY = rendererCsp("'self' ws://127.0.0.1:* ws://localhost:*");

export async function serveStatic(
  root: string,
  pathname: string,
  res: ServerResponse,
): Promise<void> {
  const file = await readRendererFile(root, pathname, CONTENT_SECURITY_POLICY);
  if (!file) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found\n');
    return;
  }
  res.writeHead(200, file.headers);
  res.end(file.body);
}
