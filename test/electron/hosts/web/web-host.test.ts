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
import { call } from './serve-process';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { PACK_UPLOAD_CHUNK_BYTES } from '../../../../shared/schemas/packs';
import { writeFixturePack } from '../../services/knowledge/knowledge-fixtures';
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

  it('installs a pack over one message (1.1 MB) uploaded in chunks, as the screen sends it', async () => {
    const ws = await connect(`?token=${host.token}`);
    await call(ws, 1, 'settings:update', { knowledge: { allowUnsignedPacks: true } });
    // Random text does not deflate much: the pack file stays about as big as its text (the
    // pack holds it twice, as the article and as its passages).
    const noise = Array.from({ length: 12 }, () => randomBytes(48_000).toString('base64'));
    const file = await writePackFixture(noise);
    const bytes = await readFile(file);
    expect(bytes.length).toBeGreaterThan(1_100_000);
    const begun = (await call(ws, 2, 'packs:upload-begin', {
      fileName: 'big.inloop',
      size: bytes.length,
    })) as { ok: true; value: { uploadId: string } };
    expect(begun).toMatchObject({ ok: true });
    let id = 3;
    for (let at = 0; at < bytes.length; at += PACK_UPLOAD_CHUNK_BYTES) {
      const chunk = bytes.subarray(at, at + PACK_UPLOAD_CHUNK_BYTES);
      expect(
        await call(ws, id++, 'packs:upload-chunk', {
          uploadId: begun.value.uploadId,
          offset: at,
          bytesBase64: chunk.toString('base64'),
        }),
      ).toMatchObject({ ok: true, value: { received: at + chunk.length } });
    }
    expect(await call(ws, id, 'packs:install', { uploadId: begun.value.uploadId })).toMatchObject({
      ok: true,
      value: { current: { id: 'big' } },
    });
    expect(ws.readyState).toBe(WebSocket.OPEN);
    ws.close();
  }, 60_000);
});

async function writePackFixture(paragraphs: string[]): Promise<string> {
  return writeFixturePack(join(dir, 'big.inloop'), {
    id: 'big',
    version: '1.0.0',
    articles: [{ articleId: 'noise/a', title: 'Noise', text: paragraphs.join('\n\n') }],
  });
}
