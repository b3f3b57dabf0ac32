/**
 * The cost of one recognition pass on the real whisper-tiny.en architecture (random weights,
 * so every pass decodes to the cap): a 3 s utterance of the bench recording, encoder and
 * greedy decoding to `maxTokensFor(3)` tokens, one intra-op thread, in this thread: the model
 * as exported, with the int8 logits rewrite (electron/services/speech/int8-logits.ts), and with the
 * fused encoder attention as well (electron/services/speech/fused-attention.ts), which is what the app
 * runs.
 */
import { SPEECH_SAMPLE_RATE } from '../shared/schemas/speech';
import { maxTokensFor } from '../shared/speech/asr-queue';
import { WhisperSession } from '../electron/services/speech/whisper-session';
import { percentile, type BenchRow } from './table';

const UTTERANCE_SECONDS = 3;
const PASSES = 9;
const VARIANTS = [
  { label: 'as exported', int8Logits: false, fusedAttention: false },
  { label: 'int8 logits', int8Logits: true, fusedAttention: false },
  { label: 'int8 logits, fused attention (app)', int8Logits: true, fusedAttention: true },
] as const;

export async function benchSpeechPass(
  modelsDir: string,
  modelId: string,
  samples: Float32Array,
): Promise<BenchRow[]> {
  const start = 5 * SPEECH_SAMPLE_RATE;
  const audio = samples.slice(start, start + UTTERANCE_SECONDS * SPEECH_SAMPLE_RATE);
  const tokens = maxTokensFor(UTTERANCE_SECONDS);
  // Interleaved, so a change in the machine's speed during the run touches every variant alike.
  const sessions = await Promise.all(
    VARIANTS.map(({ label: _, ...rewrites }) =>
      WhisperSession.load({ modelsDir, modelId, threads: 1, ...rewrites }),
    ),
  );
  for (const session of sessions) await session.transcribe(audio, tokens); // warm-up
  const times: number[][] = VARIANTS.map(() => []);
  for (let pass = 0; pass < PASSES; pass++) {
    for (const [i, session] of sessions.entries()) {
      const started = performance.now();
      await session.transcribe(audio, tokens);
      times[i]!.push(performance.now() - started);
    }
  }
  await Promise.all(sessions.map((session) => session.release()));
  const rows: BenchRow[] = VARIANTS.map(({ label }, i) => ({
    benchmark: 'speech, one pass',
    metric: `3 s utterance, ${tokens} tokens, ${label}, p50`,
    value: percentile(times[i]!, 50),
    unit: 'ms',
  }));
  return rows;
}
