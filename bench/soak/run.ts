/**
 * `npm run soak`: a compressed eight-hour shift against a running `inloop serve` on 127.0.0.1,
 * bounded in time (15 minutes by default; `--minutes N` for longer):
 *
 * - 2,000 conversations of 5-20 turns through the ingest endpoint, with the screen's copies,
 *   thumbs and decisions on the WebSocket API (conversations.ts);
 * - two hours of stereo call audio through transcription, as fast as the recogniser keeps up
 *   (call-audio.ts; by default on the fast random-weight whisper, `--asr-model` for another);
 * - a pack upgrade at 35 % of the run, a settings change at 50 %, a rollback at 65 %.
 *
 * Every `--sample-seconds` (60) it samples the serve process (`diagnostics:process-sample`: RSS,
 * V8 heap, handles, listeners, event-loop delay; /proc for its worker processes), then judges
 * the run (verdict.ts), prints the curve and writes it as CSV. Exit code 1 when it fails.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { ProcessSample } from '../../shared/schemas/diagnostics';
import { writeFileAtomic } from '../../electron/services/core/atomic-file';
import { buildPack } from '../../electron/services/packs/build';
import { descendantsRss } from '../child';
import { EMBED_MODEL, modelsDir, root } from '../corpora';
import { RESULTS_DIR } from '../results';
import { ApiClient } from './api-client';
import { runCallAudio, type AudioProgress } from './call-audio';
import { runChats, shiftConversations, type ChatProgress } from './conversations';
import { curveCsv, curveTable } from './curve';
import { startServe } from './serve-process';
import { DEFAULT_LIMITS, judgeSoak, type SoakSample } from './verdict';

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '15' },
    conversations: { type: 'string', default: '2000' },
    'audio-hours': { type: 'string', default: '2' },
    'sample-seconds': { type: 'string', default: '60' },
    'warm-up': { type: 'string', default: String(DEFAULT_LIMITS.warmUp) },
    'asr-model': { type: 'string', default: 'inloop-test/whisper-tiny-random' },
    'embed-model': { type: 'string', default: EMBED_MODEL },
    out: { type: 'string', default: join(RESULTS_DIR, 'soak-latest.csv') },
  },
});

function positive(name: string, raw: string | undefined): number {
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0)
    throw new Error(`--${name} must be a positive number, got '${raw}'`);
  return n;
}

const minutes = positive('minutes', values.minutes);
const conversationCount = Math.round(positive('conversations', values.conversations));
const audioSeconds = positive('audio-hours', values['audio-hours']) * 3600;
const sampleMs = positive('sample-seconds', values['sample-seconds']) * 1000;
const warmUp = Math.round(Number(values['warm-up']));
const durationMs = minutes * 60_000;

const MIB = 1024 * 1024;
const log = (line: string) => process.stderr.write(`soak: ${line}\n`);

/** The example pack with its version raised: what the mid-run upgrade installs. */
async function upgradedExamplePack(work: string): Promise<string> {
  const source = join(work, 'acme-retail');
  await cp(join(root, 'packs', 'acme-retail'), source, { recursive: true });
  const yaml = join(source, 'pack.yaml');
  await writeFile(yaml, (await readFile(yaml, 'utf8')).replace(/^version: .*$/m, 'version: 9.0.0'));
  const out = join(work, 'acme-retail-9.0.0.inloop');
  const built = await buildPack(source, { out });
  if (!built.ok)
    throw new Error(`the upgraded example pack does not build: ${built.problems[0]?.message}`);
  return out;
}

/** Status-file RSS of one process, MiB. */
async function rssOf(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}

const work = await mkdtemp(join(tmpdir(), 'inloop-soak-'));
const dataDir = join(work, 'data');
log(
  `work folder ${work}; ${minutes} min, ${conversationCount} conversations, ${audioSeconds / 3600} h of audio`,
);
const upgrade = await upgradedExamplePack(work);
const serve = await startServe({
  dataDir,
  env: {
    ...process.env,
    INLOOP_MODELS_DIR: modelsDir,
    INLOOP_EMBED_MODEL: values['embed-model'],
    INLOOP_ASR_MODEL: values['asr-model'],
  },
});
log(
  `serve (pid ${serve.pid}) at ${serve.url.replace(/token=.*/, 'token=…')}, ingest ${serve.ingestUrl}`,
);

const api = await ApiClient.connect(serve.url);
const ingestFailures: string[] = [];
const chats: ChatProgress = { conversations: 0, turns: 0 };
const audio: AudioProgress = { pushedSeconds: 0, transcribedSeconds: 0, finals: 0 };
const samples: SoakSample[] = [];
const start = Date.now();

async function sample(): Promise<void> {
  const result = await api.request('diagnostics:process-sample');
  if (!result.ok) return;
  const s = result.value as ProcessSample;
  samples.push({
    minute: (Date.now() - start) / 60_000,
    rss: await rssOf(serve.pid),
    workersRss: descendantsRss(serve.pid),
    heapUsed: s.memory.heapUsed / MIB,
    heapTotal: s.memory.heapTotal / MIB,
    external: s.memory.external / MIB,
    handles: s.handles,
    gauges: s.gauges,
    loopP50: s.eventLoopDelay.p50,
    loopP99: s.eventLoopDelay.p99,
    loopMax: s.eventLoopDelay.max,
    requests: api.requests + chats.turns,
    errors: api.failures.length + ingestFailures.length,
    conversations: chats.conversations,
    turns: chats.turns,
    audioSeconds: audio.pushedSeconds,
    transcribedSeconds: audio.transcribedSeconds,
  });
  const last = samples.at(-1)!;
  log(
    `minute ${last.minute.toFixed(1)}: RSS ${last.rss.toFixed(0)} MiB (+${last.workersRss.toFixed(0)} in workers), heap ${last.heapUsed.toFixed(0)} MiB, loop p99 ${last.loopP99.toFixed(1)} ms, ${last.conversations} conversations, ${(last.audioSeconds / 60).toFixed(1)} audio min`,
  );
}

/** Runs `action` at `fraction` of the run, unless the run is over by then. */
function at(fraction: number, what: string, action: () => Promise<unknown>): Promise<void> {
  return new Promise((resolve) => {
    setTimeout(() => {
      log(what);
      action().then(
        () => resolve(),
        (error: unknown) => {
          api.failures.push(`${what}: ${(error as Error).message}`);
          resolve();
        },
      );
    }, fraction * durationMs);
  });
}

let exitCode = 1;
try {
  await api.value('settings:update', { knowledge: { allowUnsignedPacks: true } });
  await api.value('packs:install-demo');
  await sample();
  const sampler = setInterval(() => void sample(), sampleMs);
  const deadline = start + durationMs;
  await Promise.all([
    runChats({
      api,
      ingestUrl: serve.ingestUrl,
      ingestToken: serve.ingestToken,
      conversations: shiftConversations(conversationCount),
      spreadMs: durationMs * 0.9,
      deadline,
      progress: chats,
      failures: ingestFailures,
    }),
    runCallAudio({
      api,
      seconds: audioSeconds,
      spreadMs: durationMs * 0.9,
      deadline,
      progress: audio,
    }),
    at(0.35, 'pack upgrade: acme-retail 9.0.0', () =>
      api.value('packs:install', { path: upgrade }),
    ),
    at(0.5, 'settings change', () =>
      api.value('settings:update', {
        appearance: { theme: 'dark' },
        assist: { idleTimeoutMinutes: 20 },
      }),
    ),
    at(0.65, 'pack rollback: acme-retail', () =>
      api.value('packs:rollback', { id: 'acme-retail' }),
    ),
  ]);
  const left = deadline - Date.now();
  if (left > 0) await new Promise((resolve) => setTimeout(resolve, left));
  clearInterval(sampler);
  await sample();

  const failures = [...ingestFailures, ...api.failures];
  const problems = judgeSoak(samples, { ...DEFAULT_LIMITS, warmUp }, failures);
  console.log(curveTable(samples, warmUp));
  console.log(
    `\n${chats.conversations} of ${conversationCount} conversations (${chats.turns} turns), ${(audio.pushedSeconds / 3600).toFixed(2)} of ${audioSeconds / 3600} h of stereo audio pushed, ${(audio.transcribedSeconds / 3600).toFixed(2)} h transcribed (${audio.finals} finals), ${api.requests} API requests, ${failures.length} failed.`,
  );
  await writeFileAtomic(values.out, curveCsv(samples));
  console.log(`Wrote ${values.out}.`);
  if (problems.length === 0) {
    console.log('\nSoak passed.');
    exitCode = 0;
  } else {
    console.log(`\nSoak FAILED:\n${problems.map((p) => `- ${p.message}`).join('\n')}`);
  }
} catch (error) {
  console.error(`soak: ${(error as Error).message}\n${serve.stderrTail()}`);
} finally {
  api.close();
  const code = await serve.stop();
  if (code !== 0) log(`serve exited with ${code}`);
  await rm(work, { recursive: true, force: true });
}
process.exit(exitCode);
