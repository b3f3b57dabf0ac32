/**
 * Live transcription cost on the real whisper-tiny.en architecture (random weights:
 * `inloop-test/whisper-tiny-en-shape-random`): ../shared/data/audio/en-Wikipedia-Ignore_All_Rules.wav
 * streamed in real time, 100 ms frames, through the SpeechService, on one channel and on two
 * at once (both speakers talking over each other, the worst case).
 *
 * - real-time factor: recognition worker wall time (partials and finals) / audio time, per
 *   channel; and the same with the process's CPU time, which other load on the machine does
 *   not inflate;
 * - final latency: from the moment the last voiced frame of an utterance was pushed to its final;
 * - partial latency: from the moment a partial's audio was complete to the hypothesis;
 * - CPU left: the cores not used by the whole process (workers included) while transcribing,
 *   and the main thread's event-loop delay (what the rest of the app would feel).
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { SPEECH_SAMPLE_RATE, type Speaker, type TranscriptSegment } from '../shared/schemas/speech';
import { encodePcm16 } from '../shared/speech/pcm16';
import { EventBus } from '../electron/services/core/event-bus';
import {
  asrThreads,
  createWorkerAsrEngine,
  type AsrEngine,
} from '../electron/services/speech/asr-engine';
import type { SegmentTiming } from '../electron/services/speech/speaker-channel';
import { SpeechService } from '../electron/services/speech/speech-service';
import { readWavFile } from '../electron/services/speech/transcribe-file';
import { benchSpeechPass } from './speech-pass.bench';
import { percentile, type BenchRow } from './table';

const root = join(import.meta.dirname, '..');
const MODEL = 'inloop-test/whisper-tiny-en-shape-random';
const modelsDir = join(root, '..', 'shared', 'models');
const wavPath = join(root, '..', 'shared', 'data', 'audio', 'en-Wikipedia-Ignore_All_Rules.wav');
const FRAME = SPEECH_SAMPLE_RATE / 10;

export interface RunResult {
  readonly audioSeconds: number;
  readonly workerMs: number;
  readonly finalLatencies: number[];
  readonly partialLatencies: number[];
  readonly finals: number;
  readonly dropped: number;
  readonly cpuCores: number;
  /** CPU seconds the whole process (workers included) spent from the first frame to the last final. */
  readonly cpuSeconds: number;
  readonly loopDelayP99: number;
  /** From the last frame pushed to the final of the recording's last utterance. */
  readonly lastWordMs: number;
  /** Decoding cap summed over every recognition pass (random weights decode to the cap). */
  readonly tokens: number;
}

/** Wrap an engine to add up the time its worker spends per request, and the tokens asked. */
function timed(engine: AsrEngine, total: { ms: number; tokens: number }): AsrEngine {
  return {
    ...engine,
    transcribe: async (audio, tokens) => {
      total.tokens += tokens;
      const started = performance.now();
      try {
        return await engine.transcribe(audio, tokens);
      } finally {
        total.ms += performance.now() - started;
      }
    },
  };
}

/** Streams `samples` in real time, 100 ms frames, to each of `speakers` (the same audio). */
export async function streamOnce(
  samples: Float32Array,
  speakers: readonly Speaker[],
): Promise<RunResult> {
  const busy = { ms: 0, tokens: 0 };
  const engines = new Map<Speaker, AsrEngine>();
  const results: { segment: TranscriptSegment; timing: SegmentTiming }[] = [];
  const speech = new SpeechService({
    bus: new EventBus(),
    turns: { addTurn: async () => undefined },
    modelId: MODEL,
    createEngine: (speaker) => {
      const engine = timed(
        createWorkerAsrEngine({ modelsDir, modelId: MODEL, threads: asrThreads(process.env) }),
        busy,
      );
      engines.set(speaker, engine);
      return engine;
    },
    onSegment: (segment, timing) => results.push({ segment, timing }),
  });
  await speech.start();
  await speech.ready();
  const frames = Math.floor(samples.length / FRAME);
  const loop = monitorEventLoopDelay({ resolution: 10 });
  const cpuBefore = process.cpuUsage();
  const t0 = performance.now();
  loop.enable();
  for (let seq = 0; seq < frames; seq++) {
    const pcm16 = encodePcm16(samples.subarray(seq * FRAME, (seq + 1) * FRAME));
    for (const speaker of speakers) speech.pushAudio({ speaker, seq, pcm16 });
    // Real time: frame n+1 goes out 100 ms after frame n, whatever the drift so far.
    const wait = t0 + (seq + 1) * 100 - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }
  const streamed = performance.now() - t0;
  const cpu = process.cpuUsage(cpuBefore);
  loop.disable();
  await speech.stop();
  const total = process.cpuUsage(cpuBefore);
  const dropped = speech.getState().droppedPartials;
  await speech.close();

  // The frame holding sample s was pushed at t0 + (floor(s / FRAME) + 1) × 100 ms.
  const pushedAt = (seconds: number) =>
    t0 + (Math.floor((seconds * SPEECH_SAMPLE_RATE - 1) / FRAME) + 1) * 100;
  const finals = results.filter((r) => r.segment.final);
  const last = finals.reduce<(typeof finals)[number] | null>(
    (a, b) => (a === null || b.segment.end > a.segment.end ? b : a),
    null,
  );
  return {
    audioSeconds: (frames * FRAME) / SPEECH_SAMPLE_RATE,
    workerMs: busy.ms,
    finalLatencies: finals.map((r) => r.timing.doneAt - pushedAt(r.segment.end)),
    partialLatencies: results
      .filter((r) => !r.segment.final)
      .map((r) => r.timing.doneAt - r.timing.queuedAt),
    finals: finals.length,
    dropped,
    cpuCores: (cpu.user + cpu.system) / 1000 / streamed,
    cpuSeconds: (total.user + total.system) / 1e6,
    loopDelayP99: loop.percentile(99) / 1e6,
    lastWordMs: last ? last.timing.doneAt - (t0 + frames * 100) : Number.NaN,
    tokens: busy.tokens,
  };
}

/** The speech rows of `npm run bench`. */
export async function benchSpeech(): Promise<BenchRow[]> {
  if (!existsSync(join(modelsDir, MODEL)) || !existsSync(wavPath)) {
    process.stderr.write(`bench speech: skipped, ${MODEL} or the audio file is not in ../shared\n`);
    return [];
  }
  const samples = (await readWavFile(wavPath)).channels[0]!;
  const rows: BenchRow[] = await benchSpeechPass(modelsDir, MODEL, samples);
  const cores = availableParallelism();
  for (const speakers of [['customer'], ['agent', 'customer']] as const) {
    const run = await streamOnce(samples, speakers);
    const label = `speech, ${speakers.length} channel${speakers.length > 1 ? 's' : ''}`;
    const rtf = run.workerMs / 1000 / (run.audioSeconds * speakers.length);
    const two = speakers.length === 2;
    rows.push(
      {
        benchmark: label,
        metric: 'real-time factor (per channel)',
        value: rtf,
        unit: 'x',
        ...(two ? { target: { op: '<=', value: 0.3 } } : {}),
      },
      {
        benchmark: label,
        metric: 'CPU-time real-time factor (per channel)',
        value: run.cpuSeconds / (run.audioSeconds * speakers.length),
        unit: 'x',
      },
      {
        benchmark: label,
        metric: 'final latency p50',
        value: percentile(run.finalLatencies, 50),
        unit: 'ms',
      },
      {
        benchmark: label,
        metric: 'final latency p95',
        value: percentile(run.finalLatencies, 95),
        unit: 'ms',
        target: { op: '<=', value: 1500 },
      },
      {
        benchmark: label,
        metric: 'partial latency p50',
        value: percentile(run.partialLatencies, 50),
        unit: 'ms',
      },
      {
        benchmark: label,
        metric: 'finals / partials shown / dropped',
        value: run.finals,
        unit: `/ ${run.partialLatencies.length} / ${run.dropped}`,
      },
      {
        benchmark: label,
        metric: `CPU left of ${cores} cores`,
        value: cores - run.cpuCores,
        unit: 'cores',
      },
      {
        benchmark: label,
        metric: 'main event-loop delay p99',
        value: run.loopDelayP99,
        unit: 'ms',
      },
    );
  }
  return rows;
}
