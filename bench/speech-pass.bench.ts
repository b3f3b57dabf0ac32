/**
 * The cost of one recognition pass on the real whisper-tiny.en architecture (random weights,
 * so every pass decodes to the cap): a 3 s utterance of the bench recording, encoder and
 * greedy decoding to `maxTokensFor(3)` tokens, one intra-op thread, in this thread. Once with
 * the decoder as exported (fp32 logits projection) and once with the int8 rewrite the app
 * uses (electron/speech/int8-logits.ts).
 */
import { SPEECH_SAMPLE_RATE } from '../shared/schemas/speech';
import { maxTokensFor } from '../shared/speech/asr-queue';
import { WhisperSession } from '../electron/speech/whisper-session';
import { percentile, type BenchRow } from './table';

const UTTERANCE_SECONDS = 3;
const PASSES = 7;

export async function benchSpeechPass(
  modelsDir: string,
  modelId: string,
  samples: Float32Array,
): Promise<BenchRow[]> {
  const start = 5 * SPEECH_SAMPLE_RATE;
  const audio = samples.slice(start, start + UTTERANCE_SECONDS * SPEECH_SAMPLE_RATE);
  const tokens = maxTokensFor(UTTERANCE_SECONDS);
  const rows: BenchRow[] = [];
  for (const int8Logits of [false, true]) {
    const session = await WhisperSession.load({ modelsDir, modelId, threads: 1, int8Logits });
    await session.transcribe(audio, tokens); // warm-up
    const times: number[] = [];
    for (let i = 0; i < PASSES; i++) {
      const started = performance.now();
      await session.transcribe(audio, tokens);
      times.push(performance.now() - started);
    }
    await session.release();
    rows.push({
      benchmark: 'speech, one pass',
      metric: `3 s utterance, ${tokens} tokens, ${int8Logits ? 'int8' : 'fp32'} logits p50`,
      value: percentile(times, 50),
      unit: 'ms',
    });
  }
  return rows;
}
