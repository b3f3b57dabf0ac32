/**
 * A shift's call audio: stereo calls made from the shared recordings (the customer on one
 * channel, the agent on the other, taking turns with short pauses), pushed through
 * `speech:push-audio` in 100 ms frames, spread over the run (the shift's audio compressed into
 * it) and never faster than the recogniser keeps up: the soak stays at most
 * `MAX_LEAD_SECONDS` of audio ahead of the last final (the speech service queues finals, it
 * does not drop them, so pushing faster than it transcribes would only grow its queue).
 */
import { join } from 'node:path';
import { SPEECH_SAMPLE_RATE, type TranscriptSegment } from '../../shared/schemas/speech';
import { encodePcm16 } from '../../shared/speech/pcm16';
import { readWavFile } from '../../electron/services/speech/transcribe-file';
import { root } from '../corpora';
import type { ApiClient } from './api-client';

const FRAME = SPEECH_SAMPLE_RATE / 10;
const MAX_LEAD_SECONDS = 20;
const PAUSE_SECONDS = 0.8;

/** One turn of a call: who talks, and what. */
interface Utterance {
  readonly speaker: 'customer' | 'agent';
  readonly samples: Float32Array;
}

async function recordings(): Promise<{ customer: Float32Array[]; agent: Float32Array[] }> {
  const dir = join(root, '..', 'shared', 'data', 'audio');
  const read = async (name: string) => (await readWavFile(join(dir, name))).channels[0]!;
  const [wiki, first15, espeak] = await Promise.all([
    read('en-Wikipedia-Ignore_All_Rules.wav'),
    read('first15s.wav'),
    read('espeak-fox-meeting-16k.wav'),
  ]);
  // The 53 s recording cut into customer turns of 8-14 s, the short ones for the agent.
  const customer: Float32Array[] = [];
  for (let at = 0, n = 0; at < wiki.length; n++) {
    const seconds = 8 + (n % 4) * 2;
    customer.push(wiki.subarray(at, at + seconds * SPEECH_SAMPLE_RATE));
    at += seconds * SPEECH_SAMPLE_RATE;
  }
  return { customer, agent: [espeak, first15.subarray(0, 6 * SPEECH_SAMPLE_RATE), espeak] };
}

/** The call script: customer and agent in turn, cycling through the recordings. */
function* utterances(r: { customer: Float32Array[]; agent: Float32Array[] }): Generator<Utterance> {
  for (let n = 0; ; n++) {
    yield { speaker: 'customer', samples: r.customer[n % r.customer.length]! };
    yield { speaker: 'agent', samples: r.agent[n % r.agent.length]! };
  }
}

/** What the soak's audio did so far, in seconds of call time. */
export interface AudioProgress {
  pushedSeconds: number;
  transcribedSeconds: number;
  finals: number;
}

/** Pushes `seconds` of stereo call audio (both channels, frame by frame) until `deadline`. */
export async function runCallAudio(options: {
  api: ApiClient;
  seconds: number;
  /** Spread the audio over this long (its speed: seconds of audio per second). */
  spreadMs: number;
  deadline: number;
  progress: AudioProgress;
}): Promise<void> {
  const { api, progress } = options;
  let wake: (() => void) | null = null;
  const stopListening = api.on('speech:segment', (payload) => {
    const segment = payload as TranscriptSegment;
    if (!segment.final) return;
    progress.finals++;
    progress.transcribedSeconds = Math.max(progress.transcribedSeconds, segment.end);
    wake?.();
  });
  const silence = new Float32Array(FRAME);
  const pause = Math.round(PAUSE_SECONDS * 10);
  const seq = { agent: 0, customer: 0 };
  const pushFrame = async (speaker: 'customer' | 'agent', samples: Float32Array) => {
    await api.request('speech:push-audio', {
      speaker,
      seq: seq[speaker]++,
      pcm16: encodePcm16(samples),
    });
  };
  try {
    await api.value('speech:start');
    await waitForListening(api);
    const started = Date.now();
    const speed = options.seconds / (options.spreadMs / 1000);
    for (const utterance of utterances(await recordings())) {
      const frames = Math.ceil(utterance.samples.length / FRAME) + pause;
      for (let f = 0; f < frames; f++) {
        if (progress.pushedSeconds >= options.seconds || Date.now() > options.deadline) return;
        const ahead = progress.pushedSeconds - ((Date.now() - started) / 1000) * speed;
        if (ahead > 0) await new Promise((resolve) => setTimeout(resolve, (ahead / speed) * 1000));
        // Stay within MAX_LEAD_SECONDS of the transcript; a final or 2 s let us go on.
        while (progress.pushedSeconds - progress.transcribedSeconds > MAX_LEAD_SECONDS) {
          await new Promise<void>((resolve) => {
            wake = resolve;
            setTimeout(resolve, 2_000);
          });
          wake = null;
          if (Date.now() > options.deadline) return;
        }
        const voiced = utterance.samples.subarray(f * FRAME, (f + 1) * FRAME);
        const frame = voiced.length === FRAME ? voiced : silence;
        const other = utterance.speaker === 'customer' ? 'agent' : 'customer';
        await pushFrame(utterance.speaker, frame);
        await pushFrame(other, silence);
        progress.pushedSeconds += FRAME / SPEECH_SAMPLE_RATE;
      }
    }
  } finally {
    stopListening();
    await api.request('speech:stop');
  }
}

async function waitForListening(api: ApiClient): Promise<void> {
  for (let i = 0; i < 600; i++) {
    const state = await api.value<{ status: string; message: string | null }>('speech:get-state');
    if (state.status === 'listening') return;
    if (state.status === 'error') throw new Error(`speech: ${state.message}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('speech did not start listening within 5 minutes');
}
