/**
 * The one interface every consumer of sentence embeddings uses (pack build, install-time
 * re-embedding, hybrid search, intent similarity). The implementation runs transformers.js in
 * a worker thread; consumers never see where.
 */
export interface Embedder {
  /** The model id, e.g. `Xenova/all-MiniLM-L6-v2` or `inloop-test/minilm-tiny-random`. */
  readonly modelId: string;
  /** Vector length (384 for MiniLM-L6). */
  readonly dimension: number;
  /** Mean-pooled, L2-normalised vectors, one per text, in order. Batches internally. */
  embed(texts: readonly string[]): Promise<Float32Array[]>;
  /** Stop the worker. */
  close(): Promise<void>;
}
