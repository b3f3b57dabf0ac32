/** What the speech service and its recognition worker exchange. */

/** Fixed for the worker's life (passed as `workerData`). */
export interface AsrWorkerData {
  readonly modelsDir: string;
  readonly modelId: string;
  /** ONNX intra-op threads; the runtime's default when absent. */
  readonly threads?: number;
  /** Extra delay after each transcription, to slow the model down in tests. */
  readonly delayMs?: number;
}

export type AsrWorkerRequest =
  | { readonly type: 'load' }
  | {
      readonly type: 'transcribe';
      /** 16 kHz mono float samples. */
      readonly audio: Float32Array;
      readonly maxNewTokens: number;
    }
  /**
   * Stop the running transcription between two decoder steps (it answers at once with
   * `cancelled`); a no-op when none is running. Requests are handled in order, so a cancel
   * never reaches a transcription sent after it.
   */
  | { readonly type: 'cancel' };

export interface AsrWorkerReply {
  readonly text: string;
  /** Time spent in the worker, model included. */
  readonly ms: number;
  /** The transcription was cancelled; `text` is what it had decoded by then. */
  readonly cancelled?: boolean;
}
