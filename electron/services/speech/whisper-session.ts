/**
 * Whisper on onnxruntime-node directly: our own log-mel front end (only the frames that hold
 * audio), the q8 encoder, and a greedy loop over the merged decoder with its KV cache. The
 * decoding decisions are pure (shared/speech/whisper-decoding.ts); this file moves tensors.
 *
 * Sessions are built with `session.disable_quant_qdq`, which lets ONNX Runtime fold the
 * dequantisation of the tied embedding matrix once instead of on every decoder step (about
 * half of a step's cost), and, with more than one intra-op thread, with spinning off so idle
 * pool threads do not burn the other speaker's core. Two rewrites on load, in memory: the
 * decoder's fp32 logits projection becomes int8 like the model's other projections
 * (int8-logits.ts), and the encoder's self-attention one fused kernel (fused-attention.ts).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Tokenizer } from '@huggingface/tokenizers';
import * as ort from 'onnxruntime-node';
import { fuseSelfAttention } from './fused-attention';
import { quantizeLogitsProjection } from './int8-logits';
import { LogMelSpectrogram } from '../../../shared/speech/log-mel';
import { periodicHann, slaneyMelFilters } from '../../../shared/speech/mel-filters';
import {
  bannedTokens,
  decodingDone,
  nextToken,
  textTokens,
  whisperGeneration,
  type WhisperGeneration,
} from '../../../shared/speech/whisper-decoding';

/** The q8 files the model manager installs (models/manifest.json). */
export const ENCODER_FILE = 'onnx/encoder_model_quantized.onnx';
export const DECODER_FILE = 'onnx/decoder_model_merged_quantized.onnx';

export interface WhisperSessionOptions {
  /** The folder holding `<org>/<name>/` model folders. */
  readonly modelsDir: string;
  readonly modelId: string;
  /** ONNX intra-op threads; the runtime's default when absent. */
  readonly threads?: number;
  /** Make the decoder's fp32 logits projection int8 on load (int8-logits.ts); default true. */
  readonly int8Logits?: boolean;
  /** Fuse the encoder's self-attention on load (fused-attention.ts); default true. */
  readonly fusedAttention?: boolean;
}

export interface WhisperResult {
  readonly text: string;
  /** Tokens generated (end-of-text included). */
  readonly tokens: number;
  /** True when `shouldStop` ended the decoding early. */
  readonly stopped: boolean;
}

/** The model's own tokenizer (tokenizer.json), for turning tokens back into text. */
async function loadTokenizer(dir: string): Promise<Tokenizer> {
  const [json, config] = await Promise.all([
    readJson(join(dir, 'tokenizer.json')),
    readJson(join(dir, 'tokenizer_config.json')).catch((): Record<string, unknown> => ({})),
  ]);
  return new Tokenizer(json, config);
}

type Feeds = Record<string, ort.Tensor>;

const readJson = async (path: string): Promise<Record<string, unknown>> =>
  JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;

function sessionOptions(threads: number | undefined): ort.InferenceSession.SessionOptions {
  return {
    graphOptimizationLevel: 'all',
    executionMode: 'sequential',
    interOpNumThreads: 1,
    ...(threads ? { intraOpNumThreads: threads } : {}),
    extra: {
      session: {
        disable_quant_qdq: '1',
        ...(threads !== 1 ? { intra_op: { allow_spinning: '0' } } : {}),
      },
    },
  };
}

/**
 * A session on the rewritten model, or on the file as it is when the runtime refuses the
 * rewrite (an export whose graph differs in a way the matchers did not foresee): slower, never
 * unavailable because of an optimisation.
 */
export async function createSession(
  rewritten: Uint8Array,
  original: Uint8Array,
  threads: number | undefined,
): Promise<ort.InferenceSession> {
  if (rewritten === original) return ort.InferenceSession.create(original, sessionOptions(threads));
  try {
    return await ort.InferenceSession.create(rewritten, sessionOptions(threads));
  } catch {
    return ort.InferenceSession.create(original, sessionOptions(threads));
  }
}

export class WhisperSession {
  private constructor(
    private readonly encoder: ort.InferenceSession,
    private readonly decoder: ort.InferenceSession,
    private readonly features: LogMelSpectrogram,
    private readonly generation: WhisperGeneration,
    private readonly tokenizer: Tokenizer,
    private readonly melBins: number,
    private readonly frames: number,
    private readonly emptyPast: ort.Tensor,
  ) {}

  /** Load the model; throws (with the runtime's reason) when a file is missing or unreadable. */
  static async load(options: WhisperSessionOptions): Promise<WhisperSession> {
    const dir = join(options.modelsDir, options.modelId);
    const [config, generationConfig, preprocessor] = await Promise.all([
      readJson(join(dir, 'config.json')),
      readJson(join(dir, 'generation_config.json')),
      readJson(join(dir, 'preprocessor_config.json')),
    ]);
    // Whisper's filters and window as its feature extractor builds them (mel-filters.ts), and
    // the model's tokenizer: no ML library in the worker (transformers.js would add its tensor
    // layer and image library, ~50 MiB a worker, ~180 MiB under tsx).
    const nFft = preprocessor.n_fft as number;
    const melFilters = slaneyMelFilters(
      Math.floor(nFft / 2) + 1,
      preprocessor.feature_size as number,
      preprocessor.sampling_rate as number,
    );
    const frames = preprocessor.nb_max_frames as number;
    const features = new LogMelSpectrogram({
      melFilters,
      window: periodicHann(nFft),
      hopLength: preprocessor.hop_length as number,
      windowSamples: preprocessor.n_samples as number,
      frames,
    });
    const [encoderFile, decoderFile] = await Promise.all([
      readFile(join(dir, ENCODER_FILE)),
      readFile(join(dir, DECODER_FILE)),
    ]);
    const encoderModel =
      options.fusedAttention === false
        ? encoderFile
        : fuseSelfAttention(encoderFile, config.encoder_attention_heads as number).model;
    const decoderModel =
      options.int8Logits === false ? decoderFile : quantizeLogitsProjection(decoderFile).model;
    const [encoder, decoder, tokenizer] = await Promise.all([
      createSession(encoderModel, encoderFile, options.threads),
      createSession(decoderModel, decoderFile, options.threads),
      loadTokenizer(dir),
    ]);
    const heads = config.decoder_attention_heads as number;
    const headDim = (config.d_model as number) / heads;
    return new WhisperSession(
      encoder,
      decoder,
      features,
      whisperGeneration(generationConfig),
      tokenizer,
      preprocessor.feature_size as number,
      frames,
      new ort.Tensor('float32', new Float32Array(0), [1, heads, 0, headDim]),
    );
  }

  /**
   * Transcribe 16 kHz mono audio (at most the model's 30 s window), greedily, up to
   * `maxNewTokens`. `shouldStop` is asked between decoder steps; when it says yes the text so
   * far is returned with `stopped`.
   */
  async transcribe(
    audio: Float32Array,
    maxNewTokens: number,
    shouldStop: () => boolean = () => false,
  ): Promise<WhisperResult> {
    const input = new ort.Tensor('float32', this.features.compute(audio), [
      1,
      this.melBins,
      this.frames,
    ]);
    const encoded = (await this.encoder.run({ input_features: input })).last_hidden_state!;
    const tokens: number[] = [];
    let stopped = false;
    let feeds: Feeds = { encoder_hidden_states: encoded };
    let encoderPast: Feeds | null = null;
    const sequence = [...this.generation.prompt];
    const banned = [bannedTokens(this.generation, 0), bannedTokens(this.generation, 1)] as const;
    while (!decodingDone(tokens, maxNewTokens, this.generation)) {
      if (shouldStop()) {
        stopped = true;
        break;
      }
      const first = encoderPast === null;
      const ids = first ? sequence : [sequence[sequence.length - 1]!];
      feeds.input_ids = new ort.Tensor('int64', BigInt64Array.from(ids.map(BigInt)), [
        1,
        ids.length,
      ]);
      feeds.use_cache_branch = new ort.Tensor('bool', new Uint8Array([first ? 0 : 1]), [1]);
      if (first) {
        for (const name of this.decoder.inputNames) {
          if (name.startsWith('past_key_values.')) feeds[name] = this.emptyPast;
        }
      }
      const out = await this.decoder.run(feeds);
      const logits = out.logits!;
      const vocab = logits.dims[2]!;
      const row = (logits.data as Float32Array).subarray(
        (ids.length - 1) * vocab,
        ids.length * vocab,
      );
      const token = nextToken(
        row,
        tokens.length,
        this.generation,
        banned[tokens.length === 0 ? 0 : 1],
      );
      tokens.push(token);
      sequence.push(token);
      // Encoder keys and values are fixed by the first step; later steps' are not usable.
      if (first) encoderPast = pick(out, '.encoder.');
      feeds = { encoder_hidden_states: encoded, ...encoderPast, ...pick(out, '.decoder.') };
    }
    const text = this.tokenizer
      .decode(textTokens(tokens, this.generation), { skip_special_tokens: true })
      .trim();
    return { text, tokens: tokens.length, stopped };
  }

  async release(): Promise<void> {
    await Promise.all([this.encoder.release(), this.decoder.release()]);
  }
}

/** The `present.*` outputs whose name contains `part`, renamed to the matching past inputs. */
function pick(out: ort.InferenceSession.OnnxValueMapType, part: string): Feeds {
  const feeds: Feeds = {};
  for (const [name, value] of Object.entries(out)) {
    if (name.startsWith('present.') && name.includes(part)) {
      feeds[`past_key_values.${name.slice('present.'.length)}`] = value as ort.Tensor;
    }
  }
  return feeds;
}
