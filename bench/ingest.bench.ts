/**
 * One long conversation pushed through the ingest endpoint, as a runaway connector would:
 * `POST /v1/turns` 2,000 times (doc2dial-dev customer and agent turns, one after the other)
 * into the services `inloop serve` runs, the example pack installed and one screen connected
 * over the WebSocket. Prints p50 and p95 of each POST by band of 250 turns: a turn's cost
 * must not grow with the conversation (the per-turn window, `turn-window.ts`).
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { createServices } from '../electron/app/create-services';
import { loadIngestToken } from '../electron/services/assist/ingest-token';
import { silentLogger } from '../electron/services/core/log';
import { buildPack } from '../electron/services/packs/build';
import { createMemorySecretStore } from '../electron/services/secrets/memory-secret-store';
import { startWebHost } from '../electron/hosts/web/web-host';
import type { QueryTurn } from '../shared/schemas/knowledge';
import { percentile, type BenchRow } from './table';

const root = join(import.meta.dirname, '..');
const turnsFile = join(root, '..', 'shared', 'data', 'doc2dial-dev', 'turns.jsonl');
const TURNS = 2000;
const BAND = 250;

/** Distinct turns from doc2dial-dev dialogues, in dialogue order, `count` of them. */
async function readTurns(count: number): Promise<QueryTurn[]> {
  const seen = new Set<string>();
  const turns: QueryTurn[] = [];
  for (const line of (await readFile(turnsFile, 'utf8')).split('\n')) {
    if (line.trim() === '') continue;
    for (const turn of (JSON.parse(line) as { turns: QueryTurn[] }).turns) {
      const key = `${turn.role}:${turn.text}`;
      if (seen.has(key)) continue;
      seen.add(key);
      turns.push(turn);
      if (turns.length === count) return turns;
    }
  }
  return turns;
}

export async function benchIngest(): Promise<BenchRow[]> {
  if (!existsSync(turnsFile)) {
    process.stderr.write(`bench ingest: skipped, ${turnsFile} is missing\n`);
    return [];
  }
  const dir = await mkdtemp(join(tmpdir(), 'inloop-bench-ingest-'));
  const previousPort = process.env.INLOOP_INGEST_PORT;
  process.env.INLOOP_INGEST_PORT = '0';
  try {
    const dataDir = join(dir, 'data');
    const services = await createServices({
      host: 'web',
      appVersion: '0.0.0-bench',
      appRoot: root,
      dataDir,
      modelsDir: join(dir, 'models'),
      secretStore: createMemorySecretStore(),
      logger: silentLogger,
    });
    const example = join(dir, 'acme-retail.inloop');
    const built = await buildPack(join(root, 'packs', 'acme-retail'), {
      out: example,
      embedder: null,
    });
    if (!built.ok)
      throw new Error('bench ingest: the example pack packs/acme-retail does not build');
    await services.packs.install({ path: example }, { allowUnsigned: true });
    await mkdir(join(dir, 'renderer'));
    await writeFile(join(dir, 'renderer', 'index.html'), '<!doctype html>');
    const host = await startWebHost({ services, rendererDir: join(dir, 'renderer'), port: 0 });
    const screen = new WebSocket(`ws://127.0.0.1:${host.port}/api?token=${host.token}`, {
      origin: `http://127.0.0.1:${host.port}`,
    });
    await new Promise((resolve, reject) => screen.once('open', resolve).once('error', reject));
    const url = await services.assist.startIngest();
    if (!url) throw new Error('bench ingest: the ingest endpoint did not start');
    const { token } = await loadIngestToken(services.secrets, dataDir);

    const turns = await readTurns(TURNS);
    const samples: number[] = [];
    for (const turn of turns) {
      const t0 = performance.now();
      const res = await fetch(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ role: turn.role, text: turn.text, conversationId: 'bench' }),
      });
      await res.text();
      samples.push(performance.now() - t0);
      if (res.status !== 202) throw new Error(`bench ingest: HTTP ${res.status}`);
    }
    screen.close();
    await host.close();
    await services.close();

    const rows: BenchRow[] = [];
    for (let from = 0; from < samples.length; from += BAND) {
      const band = samples.slice(from, from + BAND);
      const label = `ingest turns ${from}-${from + band.length}`;
      rows.push(
        { benchmark: label, metric: 'POST p50', value: percentile(band, 50), unit: 'ms' },
        { benchmark: label, metric: 'POST p95', value: percentile(band, 95), unit: 'ms' },
      );
    }
    const first = percentile(samples.slice(0, BAND), 50);
    const last = percentile(samples.slice(-BAND), 50);
    rows.push({
      benchmark: `ingest ${samples.length} turns`,
      metric: 'last band p50 / first band p50',
      value: last / first,
      unit: 'x',
      target: { op: '<=', value: 2 },
    });
    return rows;
  } finally {
    if (previousPort === undefined) delete process.env.INLOOP_INGEST_PORT;
    else process.env.INLOOP_INGEST_PORT = previousPort;
    await rm(dir, { recursive: true, force: true });
  }
}
