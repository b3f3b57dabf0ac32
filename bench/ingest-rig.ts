/**
 * What the ingest benchmarks run against: the services `inloop serve` runs, on a temp data
 * folder, with the example pack installed, the web host listening and the ingest endpoint
 * started; plus doc2dial-dev turns to post and the screens to connect over the WebSocket.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { createServices, type Services } from '../electron/app/create-services';
import { loadIngestToken } from '../electron/services/assist/ingest-token';
import { silentLogger } from '../electron/services/core/log';
import { buildPack } from '../electron/services/packs/build';
import { createMemorySecretStore } from '../electron/services/secrets/memory-secret-store';
import { startWebHost } from '../electron/hosts/web/web-host';
import type { QueryTurn } from '../shared/schemas/knowledge';

const root = join(import.meta.dirname, '..');
export const TURNS_FILE = join(root, '..', 'shared', 'data', 'doc2dial-dev', 'turns.jsonl');

/** Distinct turns from doc2dial-dev dialogues, in dialogue order, `count` of them. */
export async function readTurns(count: number): Promise<QueryTurn[]> {
  const seen = new Set<string>();
  const turns: QueryTurn[] = [];
  for (const line of (await readFile(TURNS_FILE, 'utf8')).split('\n')) {
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

export interface IngestRig {
  readonly services: Services;
  /** Opens an authenticated screen connection to the web host. */
  screen(): Promise<WebSocket>;
  /** Posts one turn to the ingest endpoint; its HTTP status. */
  post(turn: QueryTurn, conversationId: string): Promise<number>;
  close(): Promise<void>;
}

/** Starts the rig, or returns null (saying why) when the dev data is missing. */
export async function startIngestRig(name: string): Promise<IngestRig | null> {
  if (!existsSync(TURNS_FILE)) {
    process.stderr.write(`bench ${name}: skipped, ${TURNS_FILE} is missing\n`);
    return null;
  }
  const dir = await mkdtemp(join(tmpdir(), `inloop-bench-${name}-`));
  const previousPort = process.env.INLOOP_INGEST_PORT;
  process.env.INLOOP_INGEST_PORT = '0';
  const restore = async () => {
    if (previousPort === undefined) delete process.env.INLOOP_INGEST_PORT;
    else process.env.INLOOP_INGEST_PORT = previousPort;
    await rm(dir, { recursive: true, force: true });
  };
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
      throw new Error(`bench ${name}: the example pack packs/acme-retail does not build`);
    await services.packs.install({ path: example }, { allowUnsigned: true });
    await mkdir(join(dir, 'renderer'));
    await writeFile(join(dir, 'renderer', 'index.html'), '<!doctype html>');
    const host = await startWebHost({ services, rendererDir: join(dir, 'renderer'), port: 0 });
    const url = await services.assist.startIngest();
    if (!url) throw new Error(`bench ${name}: the ingest endpoint did not start`);
    const { token } = await loadIngestToken(services.secrets, dataDir);
    const screens: WebSocket[] = [];
    return {
      services,
      screen: async () => {
        const ws = new WebSocket(`ws://127.0.0.1:${host.port}/api?token=${host.token}`, {
          origin: `http://127.0.0.1:${host.port}`,
        });
        await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
        screens.push(ws);
        return ws;
      },
      post: async (turn, conversationId) => {
        const res = await fetch(url, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ role: turn.role, text: turn.text, conversationId }),
        });
        await res.text();
        return res.status;
      },
      close: async () => {
        for (const ws of screens) ws.terminate();
        await host.close();
        await services.close();
        await restore();
      },
    };
  } catch (error) {
    await restore();
    throw error;
  }
}
