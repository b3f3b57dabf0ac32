/**
 * What the embedding worker (embed-worker.ts) is started with and what it answers. The
 * vectors come back as one flat Float32Array (`count × dimension`), one clone per batch.
 */
import { z } from 'zod';

/** `workerData` of the embedding worker. */
export const embedWorkerConfigSchema = z.object({
  /** The folder holding `<org>/<name>/` model folders. */
  modelsDir: z.string().min(1),
  modelId: z.string().min(1),
  /** Weights variant; `q8` loads `onnx/model_quantized.onnx` (models/model-files.ts). */
  dtype: z.string().min(1),
  /** ONNX Runtime intra-op threads. */
  threads: z.number().int().positive(),
});
export type EmbedWorkerConfig = z.infer<typeof embedWorkerConfigSchema>;

export type EmbedRequest =
  { readonly kind: 'load' } | { readonly kind: 'embed'; readonly texts: readonly string[] };

export type EmbedResponse =
  | { readonly kind: 'loaded'; readonly dimension: number; readonly loadMs: number }
  | { readonly kind: 'vectors'; readonly dimension: number; readonly data: Float32Array };
