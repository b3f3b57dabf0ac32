/**
 * The services process as `inloop serve` composes it (`createServices`, the bench embedding
 * model, the embedder's idle stop shortened to `idleSeconds`), in a fresh process
 * (bench/child.ts), on one data folder: with the bundled example pack installed the way an
 * agent does it (`packs:install-demo`), or on an installed corpus. It runs doc2dial-dev
 * conversations through `knowledge:search` and reports memory while searching and once the
 * process is idle again (the embedding worker stopped), RSS and V8 heap apart.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServices } from '../../electron/app/create-services';
import { silentLogger } from '../../electron/services/core/log';
import { createMemorySecretStore } from '../../electron/services/secrets/memory-secret-store';
import { childInput, descendantsRss, memoryNow, reportResult } from '../child';
import { dialogueStates, EMBED_MODEL, modelsDir, queryTurns, root } from '../corpora';
import { percentile } from '../table';

export interface ServicesChildInput {
  /** The installed corpus's data folder; absent: a fresh folder with the example pack. */
  readonly dataDir?: string;
  readonly searches: number;
  readonly idleSeconds: number;
}

export interface MemorySample {
  readonly rss: number;
  readonly heapUsed: number;
  readonly arrayBuffers: number;
  /** RSS of the worker processes the services started (the embedder), MiB. */
  readonly workersRss: number;
}

export interface ServicesChildResult {
  readonly passages: number;
  readonly mode: string;
  readonly opened: MemorySample;
  readonly searching: MemorySample;
  readonly idle: MemorySample;
  readonly p50: number;
  readonly p95: number;
}

/** Searches before the timed ones (bench/peers/search-child.ts warms up as many). */
const WARM_UP = 20;

const sample = (): MemorySample => {
  const m = memoryNow();
  return {
    rss: m.rss,
    heapUsed: m.heapUsed,
    arrayBuffers: m.arrayBuffers,
    workersRss: descendantsRss(),
  };
};

const input = childInput<ServicesChildInput>();
const dataDir =
  input.dataDir ?? join(await mkdtemp(join(tmpdir(), 'inloop-bench-memory-')), 'data');
const services = await createServices({
  host: 'web',
  appVersion: 'bench',
  appRoot: root,
  dataDir,
  modelsDir,
  env: {
    ...process.env,
    INLOOP_EMBED_MODEL: EMBED_MODEL,
    INLOOP_EMBED_IDLE_SECONDS: String(input.idleSeconds),
  },
  secretStore: createMemorySecretStore(),
  logger: silentLogger,
  // As `inloop serve` and the Electron app (`runsApp`): pack index builds in a child process.
  isolateIndexing: true,
});
if (!input.dataDir) {
  const installed = await services.dispatch('packs:install-demo', undefined);
  if (!installed.ok) throw new Error(`install-demo: ${installed.error.message}`);
}
const opened = sample();
const states = dialogueStates(input.searches + WARM_UP);
// As the search bench: the first queries read the index from disk, the rest from LanceDB's cache.
for (const state of states.slice(0, WARM_UP)) {
  await services.dispatch('knowledge:search', { turns: queryTurns(state), k: 5 });
}
const times: number[] = [];
for (const state of states.slice(WARM_UP)) {
  const started = performance.now();
  const answer = await services.dispatch('knowledge:search', { turns: queryTurns(state), k: 5 });
  times.push(performance.now() - started);
  if (!answer.ok) throw new Error(`knowledge:search: ${answer.error.message}`);
}
const searching = sample();
// Idle: past the embedder's idle stop, with a margin for the worker's exit.
await new Promise((resolve) => setTimeout(resolve, (input.idleSeconds + 3) * 1000));
const idle = sample();
const status = services.knowledge.status();
await services.close();
const result: ServicesChildResult = {
  passages: status.passages,
  mode: status.mode.mode,
  opened,
  searching,
  idle,
  p50: percentile(times, 50),
  p95: percentile(times, 95),
};
reportResult(result);
