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
    };

export interface AsrWorkerReply {
  readonly text: string;
  /** Time spent in the worker, model included. */
  readonly ms: number;
}
