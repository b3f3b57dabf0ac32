/**
 * The speech pipeline in Node on the real recordings in ../shared/data/audio, with real
 * transformers.js Whisper on the random-weight test model in worker threads. Random weights
 * make the words meaningless, so this checks structure, timing and counts, never words.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SPEECH_SAMPLE_RATE,
  type Speaker,
  type TranscriptSegment,
} from '../../../../shared/schemas/speech';
import { encodePcm16, rms } from '../../../../shared/speech/pcm16';
import { defaultVadOptions, initialVadState, vadStep } from '../../../../shared/speech/vad';
import { encodeWav } from '../../../../shared/speech/wav';
import type { IncomingTurn } from '../../../../electron/services/assist/turn-sink';
import { EventBus } from '../../../../electron/services/core/event-bus';
import {
  createWorkerAsrEngine,
  type AsrEngine,
} from '../../../../electron/services/speech/asr-engine';
import { CORRECTIONS_FILE } from '../../../../electron/services/speech/speech-files';
import { SpeechService } from '../../../../electron/services/speech/speech-service';
import { readWavFile, transcribeAudio } from '../../../../electron/services/speech/transcribe-file';

const root = fileURLToPath(new URL('../../../..', import.meta.url));
const modelsDir = join(root, '..', 'shared', 'models');
const audioDir = join(root, '..', 'shared', 'data', 'audio');
const MODEL = 'inloop-test/whisper-tiny-random';
const present = existsSync(join(modelsDir, MODEL)) && existsSync(join(audioDir, 'first15s.wav'));
if (!present)
  console.warn(`speech pipeline tests skipped: ${MODEL} or the audio files are not in ../shared`);

/** The engines stay loaded across tests (a worker and a model load each); tests do not close them. */
const keepOpen = (engine: AsrEngine): AsrEngine => ({ ...engine, close: async () => undefined });
let engines: Record<Speaker, AsrEngine>;
let slow: AsrEngine;
let dataDir: string;

beforeAll(async () => {
  if (!present) return;
  dataDir = await mkdtemp(join(tmpdir(), 'inloop-speech-'));
  engines = {
    agent: createWorkerAsrEngine({ modelsDir, modelId: MODEL, threads: 1 }),
    customer: createWorkerAsrEngine({ modelsDir, modelId: MODEL, threads: 1 }),
  };
  // Deliberately slowed: every answer takes 0.7 s more than the model needs.
  slow = createWorkerAsrEngine({ modelsDir, modelId: MODEL, threads: 1, delayMs: 700 });
  await Promise.all([engines.agent.load(), engines.customer.load(), slow.load()]);
}, 120_000);

afterAll(async () => {
  if (!present) return;
  await Promise.all([engines.agent.close(), engines.customer.close(), slow.close()]);
  await rm(dataDir, { recursive: true, force: true });
});

const fileOptions = () => ({ modelId: MODEL, createEngine: (s: Speaker) => keepOpen(engines[s]) });

/** Utterances the VAD alone finds in a signal: the finals the pipeline must deliver. */
function vadUtterances(samples: Float32Array): number {
  let state = initialVadState;
  let count = 0;
  const frame = defaultVadOptions.frameSamples;
  for (let at = 0; at + frame <= samples.length; at += frame) {
    const step = vadStep(state, rms(samples.subarray(at, at + frame)));
    state = step.state;
    if (step.event?.type === 'end') count++;
  }
  return count + (state.startFrame !== null ? 1 : 0);
}

describe.skipIf(!present)('speech pipeline (whisper-tiny-random)', () => {
  it('cuts a recording into timed final segments', async () => {
    const whole = await readWavFile(join(audioDir, 'first15s.wav'));
    const samples = whole.channels[0]!.subarray(0, 9 * SPEECH_SAMPLE_RATE);
    const segments = await transcribeAudio({ ...whole, channels: [samples] }, fileOptions());
    expect(segments.length).toBe(vadUtterances(samples));
    expect(segments.length).toBeGreaterThanOrEqual(2); // read speech has pauses
    let previousEnd = 0;
    for (const segment of segments) {
      expect(segment.speaker).toBe('customer');
      expect(segment.start).toBeGreaterThanOrEqual(previousEnd);
      expect(segment.end).toBeGreaterThan(segment.start);
      expect(segment.end).toBeLessThanOrEqual(9.01);
      expect(typeof segment.text).toBe('string');
      previousEnd = segment.end;
    }
  }, 60_000);

  it('splits a stereo call: left channel agent, right channel customer', async () => {
    const fox = (await readWavFile(join(audioDir, 'espeak-fox-meeting-16k.wav'))).channels[0]!;
    // The customer starts talking 4 s in, on the right channel only.
    const length = fox.length + 4 * SPEECH_SAMPLE_RATE;
    const left = new Float32Array(length);
    left.set(fox.subarray(0, 3 * SPEECH_SAMPLE_RATE));
    const right = new Float32Array(length);
    right.set(fox, 4 * SPEECH_SAMPLE_RATE);
    const path = join(dataDir, 'call-stereo.wav');
    await writeFile(path, encodeWav(SPEECH_SAMPLE_RATE, [left, right]));

    const segments = await transcribeAudio(await readWavFile(path), fileOptions());
    const agent = segments.filter((s) => s.speaker === 'agent');
    const customer = segments.filter((s) => s.speaker === 'customer');
    expect(agent.length).toBeGreaterThan(0);
    expect(customer.length).toBeGreaterThan(0);
    for (const s of agent) expect(s.end).toBeLessThanOrEqual(3.01);
    for (const s of customer) expect(s.start).toBeGreaterThanOrEqual(3.9);
  }, 60_000);

  it('drops partials, never finals, when recognition falls behind', async () => {
    const samples = (await readWavFile(join(audioDir, 'first15s.wav'))).channels[0]!.subarray(
      0,
      6 * SPEECH_SAMPLE_RATE,
    );
    const bus = new EventBus();
    const seen: TranscriptSegment[] = [];
    bus.subscribe((event, payload) => {
      if (event === 'speech:segment') seen.push(payload as TranscriptSegment);
    });
    const turns: IncomingTurn[] = [];
    const speech = new SpeechService({
      bus,
      turns: { addTurn: async (turn) => void turns.push(turn) },
      modelId: MODEL,
      createEngine: () => keepOpen(slow),
    });
    await speech.start();
    await speech.ready();
    // 100 ms frames at 4x real time: a partial is due every 250 ms, the model needs > 0.7 s.
    for (let seq = 0; seq * 1_600 < samples.length; seq++) {
      const frame = samples.subarray(seq * 1_600, (seq + 1) * 1_600);
      speech.pushAudio({ speaker: 'customer', seq, pcm16: encodePcm16(frame) });
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    await speech.stop();

    const finals = seen.filter((s) => s.final);
    expect(finals.length).toBe(vadUtterances(samples));
    expect(speech.getState().droppedPartials).toBeGreaterThan(0);
    // No partial shows after its own final (it would overwrite the final text).
    for (const final of finals) {
      const at = seen.indexOf(final);
      expect(seen.slice(at + 1).some((s) => s.id === final.id && !s.final)).toBe(false);
    }
    expect(
      turns.filter((t) => t.text).every((t) => t.role === 'customer' && t.source === 'speech'),
    ).toBe(true);
    expect(turns.length).toBe(finals.filter((f) => f.text).length);
  }, 90_000);

  it('records a correction of a final as feedback and refuses an unknown segment', async () => {
    const bus = new EventBus();
    let final: TranscriptSegment | null = null;
    const speech = new SpeechService({
      bus,
      turns: { addTurn: async () => undefined },
      modelId: MODEL,
      createEngine: (s) => keepOpen(engines[s]),
      dataDir,
      partials: false,
      onSegment: (segment) => (final ??= segment.final ? segment : null),
    });
    await expect(
      Promise.resolve().then(() => speech.pushAudio({ speaker: 'agent', seq: 0, pcm16: '' })),
    ).rejects.toMatchObject({ code: 'conflict' });
    await speech.start();
    const fox = (await readWavFile(join(audioDir, 'espeak-fox-meeting-16k.wav'))).channels[0]!;
    speech.pushSamples('agent', fox);
    await speech.stop();
    expect(final).not.toBeNull();
    const edited = await speech.editSegment({ id: final!.id, text: 'the quick brown fox' });
    expect(edited).toMatchObject({
      id: final!.id,
      text: 'the quick brown fox',
      edited: true,
      final: true,
    });
    const log = (await readFile(join(dataDir, CORRECTIONS_FILE), 'utf8')).trim().split('\n');
    expect(JSON.parse(log.at(-1)!)).toMatchObject({
      segmentId: final!.id,
      corrected: 'the quick brown fox',
    });
    await expect(speech.editSegment({ id: 'nope', text: 'x' })).rejects.toMatchObject({
      code: 'not_found',
    });
    await speech.close();
  }, 60_000);

  it('reports a missing model as an error state with the fix', async () => {
    const bus = new EventBus();
    const speech = new SpeechService({
      bus,
      turns: { addTurn: async () => undefined },
      modelId: 'inloop-test/not-installed',
      createEngine: () =>
        createWorkerAsrEngine({ modelsDir, modelId: 'inloop-test/not-installed' }),
    });
    expect((await speech.start()).status).toBe('loading');
    await expect(speech.ready()).rejects.toMatchObject({ code: 'unavailable' });
    expect(speech.getState()).toMatchObject({ status: 'error' });
    expect(speech.getState().message).toMatch(/not-installed.*INLOOP_MODELS_DIR/s);
    expect(() => speech.pushAudio({ speaker: 'agent', seq: 0, pcm16: '' })).toThrow(/not started/);
    await speech.close();
  }, 60_000);
});
