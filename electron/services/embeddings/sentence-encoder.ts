/**
 * A sentence-embedding model on onnxruntime-node directly: the model's own tokenizer
 * (`@huggingface/tokenizers`, the tokenizer transformers.js runs), one ONNX session, mean
 * pooling and unit length (mean-pooling.ts). The vectors are the ones transformers.js's
 * `feature-extraction` pipeline gives (same token ids, same truncation at the model's
 * maximum length, same pooling), without loading transformers.js, its image library and
 * its tensor layer into the worker: less memory and a faster start, the same vectors.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Tokenizer } from '@huggingface/tokenizers';
import * as ort from 'onnxruntime-node';
import { AppError } from '../../../shared/result';
import { encoderWeightsFile } from '../models/model-files';
import { meanPoolNormalized } from './mean-pooling';

export interface SentenceEncoderOptions {
  /** The folder holding `<org>/<name>/` model folders. */
  readonly modelsDir: string;
  readonly modelId: string;
  /** `q8` loads `onnx/model_quantized.onnx` (encoderWeightsFile). */
  readonly dtype: string;
  readonly threads: number;
}

/** Longest input when the tokenizer config names none (BERT's positions). */
const DEFAULT_MAX_LENGTH = 512;

async function readJson(path: string): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
}

export class SentenceEncoder {
  private constructor(
    private readonly session: ort.InferenceSession,
    private readonly tokenizer: Tokenizer,
    private readonly maxLength: number,
    private readonly withTokenTypes: boolean,
  ) {}

  static async load(options: SentenceEncoderOptions): Promise<SentenceEncoder> {
    const dir = join(options.modelsDir, options.modelId);
    const weights = encoderWeightsFile(options.dtype);
    if (!weights) throw new AppError('invalid_request', `unknown dtype ${options.dtype}`);
    const [tokenizerJson, tokenizerConfig] = await Promise.all([
      readJson(join(dir, 'tokenizer.json')),
      readJson(join(dir, 'tokenizer_config.json')).catch((): Record<string, unknown> => ({})),
    ]);
    const session = await ort.InferenceSession.create(join(dir, weights), {
      intraOpNumThreads: options.threads,
      interOpNumThreads: 1,
    });
    const configured = Number(tokenizerConfig.model_max_length);
    const maxLength =
      Number.isInteger(configured) && configured > 0 && configured <= 100_000
        ? configured
        : DEFAULT_MAX_LENGTH;
    return new SentenceEncoder(
      session,
      new Tokenizer(tokenizerJson, tokenizerConfig),
      maxLength,
      session.inputNames.includes('token_type_ids'),
    );
  }

  /** Unit vectors of `texts`, flat `[texts.length × dimension]`, padded to the longest. */
  async embed(texts: readonly string[]): Promise<{ data: Float32Array; dimension: number }> {
    const ids = texts.map((text) => this.tokenizer.encode(text).ids.slice(0, this.maxLength));
    const length = Math.max(1, ...ids.map((row) => row.length));
    const batch = texts.length;
    const inputIds = new BigInt64Array(batch * length);
    const mask = new BigInt64Array(batch * length);
    ids.forEach((row, b) =>
      row.forEach((id, t) => {
        inputIds[b * length + t] = BigInt(id);
        mask[b * length + t] = 1n;
      }),
    );
    const dims = [batch, length];
    const feeds: Record<string, ort.Tensor> = {
      input_ids: new ort.Tensor('int64', inputIds, dims),
      attention_mask: new ort.Tensor('int64', mask, dims),
    };
    if (this.withTokenTypes) {
      feeds.token_type_ids = new ort.Tensor('int64', new BigInt64Array(batch * length), dims);
    }
    const outputs = await this.session.run(feeds);
    const hidden = outputs.last_hidden_state ?? outputs[this.session.outputNames[0]!]!;
    const dimension = hidden.dims.at(-1)!;
    const data = meanPoolNormalized(hidden.data as Float32Array, mask, batch, length, dimension);
    for (const tensor of Object.values(outputs)) tensor.dispose();
    return { data, dimension };
  }

  async release(): Promise<void> {
    await this.session.release();
  }
}
