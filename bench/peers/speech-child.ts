/**
 * One recogniser in a fresh process (bench/child.ts) on the 53 s recording and the real
 * whisper-tiny.en architecture (random weights, q8), same ONNX threads:
 *
 * - `inloop`: the whole recording as a file through `transcribeAudio` (VAD, the recognition
 *   worker, finals only) for the real-time factor; then streamed in real time through the
 *   SpeechService (bench/speech.bench.ts) for the latency from the last sample to the final of
 *   the last utterance;
 * - `transformers`: the transformers.js `automatic-speech-recognition` pipeline as its docs show
 *   for long audio (30 s chunks, the default stride), the decoding cap per chunk that Inloop
 *   uses for 30 s (random weights never stop early). It transcribes a complete recording, so
 *   its latency to the last word is its whole run once the recording ends.
 */
import { SPEECH_SAMPLE_RATE } from '../../shared/schemas/speech';
import { maxTokensFor } from '../../shared/speech/asr-queue';
import {
  asrThreads,
  createWorkerAsrEngine,
  type AsrEngine,
} from '../../electron/services/speech/asr-engine';
import { readWavFile, transcribeAudio } from '../../electron/services/speech/transcribe-file';
import { childInput, memoryNow, reportResult } from '../child';
import { ASR_MODEL, modelsDir, RECORDING } from '../corpora';
import { streamOnce } from '../speech.bench';
const CHUNK_SECONDS = 30;

export interface SpeechChildInput {
  readonly engine: 'inloop' | 'transformers';
}

export interface SpeechChildResult {
  readonly audioSeconds: number;
  readonly fileSeconds: number;
  readonly lastWordMs: number;
  /** Decoding cap summed over the passes (what random weights decode). */
  readonly tokens: number;
  /** Encoder passes: one per utterance (Inloop) or per 30 s window (the pipeline). */
  readonly passes: number;
  readonly rssAfter: number;
  readonly threads: number;
}

const { engine } = childInput<SpeechChildInput>();
const samples = (await readWavFile(RECORDING)).channels[0]!;
const audioSeconds = samples.length / SPEECH_SAMPLE_RATE;
const threads = asrThreads(process.env);

async function inloop(): Promise<SpeechChildResult> {
  let tokens = 0;
  let passes = 0;
  const createEngine = (): AsrEngine => {
    const inner = createWorkerAsrEngine({ modelsDir, modelId: ASR_MODEL, threads });
    return {
      ...inner,
      transcribe: (audio, max) => {
        tokens += max;
        passes++;
        return inner.transcribe(audio, max);
      },
    };
  };
  // Loaded before the clock starts, as the pipeline is.
  const warm = createEngine();
  await warm.load();
  await warm.close();
  tokens = 0;
  passes = 0;
  const t0 = performance.now();
  await transcribeAudio(
    { sampleRate: SPEECH_SAMPLE_RATE, channels: [samples] },
    {
      modelId: ASR_MODEL,
      createEngine,
    },
  );
  const fileSeconds = (performance.now() - t0) / 1000;
  const fileTokens = tokens;
  const filePasses = passes;
  const streamed = await streamOnce(samples, ['customer']);
  return {
    audioSeconds,
    fileSeconds,
    lastWordMs: streamed.lastWordMs,
    tokens: fileTokens,
    passes: filePasses,
    rssAfter: memoryNow().rss,
    threads,
  };
}

async function transformers(): Promise<SpeechChildResult> {
  // Imported here, so the Inloop run's process never loads transformers.js.
  const { env, pipeline } = await import('@huggingface/transformers');
  env.allowRemoteModels = false;
  env.localModelPath = `${modelsDir}/`;
  const asr = await pipeline('automatic-speech-recognition', ASR_MODEL, {
    dtype: 'q8',
    local_files_only: true,
    session_options: { intraOpNumThreads: threads, interOpNumThreads: 1 },
  });
  const maxNewTokens = maxTokensFor(CHUNK_SECONDS);
  await asr(samples.slice(0, SPEECH_SAMPLE_RATE * 3), { max_new_tokens: 8 }); // warm-up
  const t0 = performance.now();
  await asr(samples, { chunk_length_s: CHUNK_SECONDS, max_new_tokens: maxNewTokens });
  const ms = performance.now() - t0;
  // Chunks of 30 s with the pipeline's default stride (chunk / 6 each side): a step of 20 s.
  const step = CHUNK_SECONDS - 2 * (CHUNK_SECONDS / 6);
  const windows = Math.max(1, Math.ceil((audioSeconds - CHUNK_SECONDS) / step) + 1);
  const result = {
    audioSeconds,
    fileSeconds: ms / 1000,
    lastWordMs: ms,
    tokens: windows * maxNewTokens,
    passes: windows,
    rssAfter: memoryNow().rss,
    threads,
  };
  await asr.dispose();
  return result;
}

reportResult(engine === 'inloop' ? await inloop() : await transformers());
