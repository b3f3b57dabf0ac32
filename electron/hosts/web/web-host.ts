/**
 * `inloop serve`: the services behind a local web host, for the end-to-end tests and for
 * agents on VDI or thin clients who can only run a browser. Bound to 127.0.0.1 only; the
 * built renderer over HTTP, the contract over a WebSocket at `/api` that requires the
 * per-launch token and our own origin.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { TOKEN_PARAM } from '../../../shared/ws-protocol';
import type { Services } from '../../app/create-services';
import { attachApiSocket } from './api-socket';
import { serveStatic } from './static-files';
import { checkUpgrade, isAllowedHost } from '../../services/core/loopback-guard';

export interface WebHostOptions {
  services: Services;
  rendererDir: string;
  /** 0 picks a free port. */
  port: number;
  /** Fixed only by tests; otherwise a fresh random token per launch. */
  token?: string;
}

export interface WebHost {
  readonly port: number;
  readonly token: string;
  /** The address to open, token included. */
  readonly url: string;
  close(): Promise<void>;
}

const MAX_MESSAGE_BYTES = 1024 * 1024;

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  let port = 0;

  const server = createServer((req, res) => {
    if (!isAllowedHost(req.headers.host, port)) {
      res.writeHead(421, { 'content-type': 'text/plain' }).end('misdirected request\n');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const pathname = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    serveStatic(options.rendererDir, pathname, res).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
    });
  });

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // A client may reset the connection at any moment (even before we answer): that error
    // belongs to this socket alone, never to the process.
    socket.on('error', () => socket.destroy());
    const verdict = checkUpgrade(
      { url: req.url ?? '/', host: req.headers.host, origin: req.headers.origin },
      token,
      port,
    );
    if (!verdict.ok) {
      socket.end(
        `HTTP/1.1 ${verdict.status} ${verdict.reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`,
      );
      return;
    }
    sockets.handleUpgrade(req, socket, head, (ws) =>
      attachApiSocket(ws, options.services.dispatch, options.services.bus),
    );
  });

  options.services.processStats?.gauge('web sockets', () => sockets.clients.size);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/?${TOKEN_PARAM}=${token}`,
    close: async () => {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}
