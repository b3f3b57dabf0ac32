/**
 * `inloop serve` cold start: from spawning the process to the first page and the first
 * API answer, as a user opening the printed URL would see it.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { percentile, type BenchRow } from './table';

const root = join(import.meta.dirname, '..');

async function coldStartOnce(): Promise<{ ready: number; page: number; api: number }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'inloop-bench-'));
  const started = performance.now();
  const child = spawn(
    join(root, 'node_modules/.bin/tsx'),
    ['electron/hosts/cli/main.ts', 'serve', '--port', '0', '--data-dir', dataDir],
    { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] },
  );
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk) => {
        out += chunk;
        const match = /ready at (\S+)/.exec(out);
        if (match) resolve(match[1]!);
      });
      child.once('exit', (code) => reject(new Error(`serve exited with ${code}`)));
    });
    const ready = performance.now() - started;
    const page = await fetch(url);
    await page.text();
    const pageAt = performance.now() - started;
    const { origin, searchParams } = new URL(url);
    const ws = new WebSocket(
      `${origin.replace('http', 'ws')}/api?token=${searchParams.get('token')}`,
      { origin },
    );
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () =>
        ws.send(JSON.stringify({ type: 'request', id: 1, channel: 'settings:get' })),
      );
      ws.once('message', () => resolve());
      ws.once('error', reject);
    });
    ws.close();
    return { ready, page: pageAt, api: performance.now() - started };
  } finally {
    child.kill('SIGTERM');
    await rm(dataDir, { recursive: true, force: true });
  }
}

export async function benchServeStart(runs = 5): Promise<BenchRow[]> {
  const samples: Array<Awaited<ReturnType<typeof coldStartOnce>>> = [];
  for (let i = 0; i < runs; i++) samples.push(await coldStartOnce());
  const median = (key: 'ready' | 'page' | 'api') =>
    percentile(
      samples.map((s) => s[key]),
      50,
    );
  return [
    {
      benchmark: 'inloop serve cold start',
      metric: `ready line (median of ${runs})`,
      value: median('ready'),
      unit: 'ms',
    },
    {
      benchmark: 'inloop serve cold start',
      metric: 'first page served',
      value: median('page'),
      unit: 'ms',
      target: { op: '<=', value: 3000 },
    },
    {
      benchmark: 'inloop serve cold start',
      metric: 'first API answer',
      value: median('api'),
      unit: 'ms',
    },
  ];
}
