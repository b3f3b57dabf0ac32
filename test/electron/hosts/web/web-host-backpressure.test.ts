/**
 * Issue 16, item 3: a client that stops reading must not make `inloop serve` hold every event
 * for it. Five authenticated clients pause their sockets while the services push a burst of
 * large state updates; the server's buffered bytes stay bounded, and once a client reads
 * again it gets the newest state (older states of the same channel are dropped, not queued).
 */
import { findAppRoot } from '../../../../electron/services/core/app-root';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createServices, type Services } from '../../../../electron/app/create-services';
import { silentLogger } from '../../../../electron/services/core/log';
import { createMemorySecretStore } from '../../../../electron/services/secrets/memory-secret-store';
import { startWebHost, type WebHost } from '../../../../electron/hosts/web/web-host';
import type { AssistState } from '../../../../shared/schemas/assist';

let dir: string;
let services: Services;
let host: WebHost;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'inloop-slow-'));
  await mkdir(join(dir, 'renderer'));
  await writeFile(join(dir, 'renderer', 'index.html'), '<!doctype html><title>Inloop</title>');
  services = await createServices({
    host: 'web',
    appVersion: '0.0.0-test',
    appRoot: findAppRoot(),
    dataDir: join(dir, 'data'),
    modelsDir: join(dir, 'models'),
    secretStore: createMemorySecretStore(),
    logger: silentLogger,
  });
  host = await startWebHost({ services, rendererDir: join(dir, 'renderer'), port: 0 });
});

afterEach(async () => {
  await host.close();
  await services.close();
  await rm(dir, { recursive: true, force: true });
});

function connect(): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/api?token=${host.token}`, {
      origin: `http://127.0.0.1:${host.port}`,
    });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

/** An assist state of about 100 KB (a long conversation), numbered `seq`. */
function bigState(seq: number): AssistState {
  const turns = Array.from({ length: 200 }, (_, index) => ({
    index,
    role: 'customer' as const,
    text: `turn ${index} of update ${seq}: ${'my parcel has not arrived yet '.repeat(16)}`,
    at: 0,
    source: 'ingest' as const,
  }));
  return {
    conversation: { id: 'c1', startedAt: 0, endedAt: null, endReason: null, turns },
    suggestions: null,
    seq,
    handoff: null,
    generation: null,
  };
}

// What the process still holds after a full collection: queued writes are strings on the
// heap or buffers outside it.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
function heldBytes(): number {
  gc();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('slow clients', () => {
  it('keep the server memory bounded and get the newest state when they read again', async () => {
    const clients = await Promise.all(Array.from({ length: 5 }, connect));
    const lastSeq = clients.map(() => -1);
    clients.forEach((ws, i) =>
      ws.on('message', (data) => {
        const message = JSON.parse(data.toString());
        if (message.type === 'event' && message.event === 'assist:updated')
          lastSeq[i] = message.payload.seq;
      }),
    );
    for (const ws of clients) ws.pause();
    await settle();
    const before = heldBytes();
    const BURST = 400; // 5 clients x 400 x 100 KB = 200 MB if every update were queued
    for (let seq = 1; seq <= BURST; seq++) {
      services.bus.emit('assist:updated', bigState(seq));
      if (seq % 20 === 0) await settle(); // let the sockets write what they can
    }
    expect(heldBytes() - before).toBeLessThan(40 * 1024 * 1024);

    for (const ws of clients) ws.resume();
    await expect
      .poll(() => lastSeq, { timeout: 10_000, interval: 50 })
      .toEqual(clients.map(() => BURST));
    for (const ws of clients) ws.close();
  }, 60_000);

  it('keeps a fast client complete while nothing backs up', async () => {
    const ws = await connect();
    const seen: number[] = [];
    ws.on('message', (data) => {
      const message = JSON.parse(data.toString());
      if (message.type === 'event' && message.event === 'assist:updated')
        seen.push(message.payload.seq);
    });
    for (let seq = 1; seq <= 20; seq++) {
      services.bus.emit('assist:updated', { ...bigState(seq), conversation: null });
      await settle();
    }
    await expect.poll(() => seen.length).toBe(20);
    expect(seen).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    ws.close();
  });

  it('drops a client that keeps asking but never reads the answers', async () => {
    const greedy = await connect();
    const bystander = await connect();
    greedy.pause();
    const before = heldBytes();
    // Each answer is the assist state above (~100 KB): 400 of them is 40 MB unread.
    services.assist.service.start();
    for (let i = 0; i < 40; i++) {
      await services.assist.service.addTurn({
        role: 'customer',
        text: `my parcel has not arrived yet ${i} `.repeat(60),
        source: 'typed',
      });
    }
    for (let id = 1; id <= 400; id++) {
      greedy.send(JSON.stringify({ type: 'request', id, channel: 'assist:get-state' }));
      if (id % 50 === 0) await settle();
    }
    greedy.resume();
    await expect
      .poll(() => greedy.readyState, { timeout: 10_000, interval: 50 })
      .toBe(WebSocket.CLOSED);
    expect(heldBytes() - before).toBeLessThan(40 * 1024 * 1024);
    expect(bystander.readyState).toBe(WebSocket.OPEN);
    bystander.close();
  }, 60_000);
});
