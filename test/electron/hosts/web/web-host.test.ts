/** `inloop serve`'s host, for real: HTTP, the WebSocket API, its guards, and event pushes. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createServices, type Services } from '../../../../electron/app/create-services';
import { silentLogger } from '../../../../electron/services/core/log';
import { createMemorySecretStore } from '../../../../electron/services/secrets/memory-secret-store';
import { startWebHost, type WebHost } from '../../../../electron/hosts/web/web-host';
import { findAppRoot } from '../../../../electron/services/core/app-root';

const repoRoot = findAppRoot();

let dir: string;
let services: Services;
let host: WebHost;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'inloop-web-'));
  const rendererDir = join(dir, 'renderer');
  await import('node:fs/promises').then((fs) => fs.mkdir(rendererDir));
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Inloop</title>');
  services = await createServices({
    host: 'web',
    appVersion: '0.0.0-test',
    appRoot: repoRoot,
    dataDir: join(dir, 'data'),
    modelsDir: join(dir, 'models'),
    secretStore: createMemorySecretStore(),
    logger: silentLogger,
  });
  host = await startWebHost({ services, rendererDir, port: 0 });
});

afterEach(async () => {
  await host.close();
  await rm(dir, { recursive: true, force: true });
});

const origin = () => `http://127.0.0.1:${host.port}`;

function connect(query: string, from = origin()): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/api${query}`, { origin: from });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

function call(ws: WebSocket, id: number, channel: string, payload?: unknown): Promise<unknown> {
  return new Promise((resolve) => {
    const onMessage = (data: Buffer) => {
      const message = JSON.parse(data.toString());
      if (message.type === 'response' && message.id === id) {
        ws.off('message', onMessage);
        resolve(message.result);
      }
    };
    ws.on('message', onMessage);
    ws.send(JSON.stringify({ type: 'request', id, channel, payload }));
  });
}

function get(path: string, hostHeader = `127.0.0.1:${host.port}`) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>(
    (resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: host.port, path, headers: { host: hostHeader } },
        (res) => {
          let body = '';
          res.on('data', (chunk) => (body += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        },
      );
      req.on('error', reject);
      req.end();
    },
  );
}

describe('inloop serve host', () => {
  it('prints a loopback URL with the launch token', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(32);
  });

  it('answers requests over the WebSocket with the contract result', async () => {
    const ws = await connect(`?token=${host.token}`);
    expect(await call(ws, 1, 'app:info')).toMatchObject({ ok: true, value: { host: 'web' } });
    expect(await call(ws, 2, 'overlay:set-click-through', { enabled: 'on' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_request' },
    });
    ws.close();
  });

  it('pushes service events to connected clients', async () => {
    const ws = await connect(`?token=${host.token}`);
    const pushed = new Promise((resolve) =>
      ws.on('message', (data) => {
        const message = JSON.parse(data.toString());
        if (message.type === 'event' && message.event === 'settings:changed')
          resolve(message.payload);
      }),
    );
    await call(ws, 1, 'settings:update', { appearance: { theme: 'dark' } });
    expect(await pushed).toMatchObject({ appearance: { theme: 'dark' } });
    ws.close();
  });

  it('refuses a socket without the token (401) or with a wrong one', async () => {
    await expect(connect('')).rejects.toThrow('HTTP 401');
    await expect(connect('?token=nope')).rejects.toThrow('HTTP 401');
  });

  it('refuses a socket from a foreign origin (403)', async () => {
    await expect(connect(`?token=${host.token}`, 'https://evil.example')).rejects.toThrow(
      'HTTP 403',
    );
  });

  it('serves the renderer with a strict CSP and refuses foreign Host headers', async () => {
    const page = await get('/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Inloop</title>');
    expect(String(page.headers['content-security-policy'])).toContain("default-src 'none'");
    expect((await get('/../../etc/passwd')).status).toBe(404);
    expect((await get('/', `evil.example:${host.port}`)).status).toBe(421);
  });
});
