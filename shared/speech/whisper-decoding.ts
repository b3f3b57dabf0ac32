/**
 * The decisions of Whisper's greedy decoding, read from the model's generation_config.json:
 * the prompt it starts from, the tokens it may not emit (always, or as the first token), the
 * choice of the next token, and when to stop. The ONNX loop around them is in
 * electron/services/speech/whisper-session.ts.
 */

export interface WhisperGeneration {
  /** The tokens the decoder starts from: <|startoftranscript|> and the forced ones. */
  readonly prompt: readonly number[];
  readonly eos: number;
  /** Never emitted. */
  readonly suppress: readonly number[];
  /** Not emitted as the first generated token (a leading space, or end-of-text). */
  readonly beginSuppress: readonly number[];
  /** The longest sequence the decoder takes, prompt included. */
  readonly maxLength: number;
}

const numberList = (value: unknown, name: string): number[] => {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || !value.every((v) => Number.isInteger(v))) {
    throw new Error(`generation_config.json: ${name} must be a list of token ids`);
  }
  return value as number[];
};

const tokenId = (value: unknown, name: string): number => {
  const id = Array.isArray(value) ? value[0] : value;
  if (!Number.isInteger(id)) throw new Error(`generation_config.json: ${name} is missing`);
  return id as number;
};

/**
 * The decoding setup from a parsed generation_config.json. The prompt is the decoder start
 * token followed by `forced_decoder_ids` in position order (whisper-tiny.en:
 * <|startoftranscript|> <|notimestamps|>; a multilingual model adds language and task).
 */
export function whisperGeneration(config: Record<string, unknown>): WhisperGeneration {
  const start = tokenId(
    config.decoder_start_token_id ?? config.bos_token_id,
    'decoder_start_token_id',
  );
  const forced = (Array.isArray(config.forced_decoder_ids) ? config.forced_decoder_ids : [])
    .map((pair: unknown) => {
      if (!Array.isArray(pair) || pair.length !== 2 || !pair.every((v) => Number.isInteger(v))) {
        throw new Error('generation_config.json: forced_decoder_ids must be [position, id] pairs');
      }
      return pair as [number, number];
    })
    .sort((a, b) => a[0] - b[0]);
  forced.forEach(([position], i) => {
    if (position !== i + 1) {
      throw new Error('generation_config.json: forced_decoder_ids must follow the start token');
    }
  });
  return {
    prompt: [start, ...forced.map(([, id]) => id)],
    eos: tokenId(config.eos_token_id, 'eos_token_id'),
    suppress: numberList(config.suppress_tokens, 'suppress_tokens'),
    beginSuppress: numberList(config.begin_suppress_tokens, 'begin_suppress_tokens'),
    maxLength: Number.isInteger(config.max_length) ? (config.max_length as number) : 448,
  };
}

/**
 * The next token: the best-scoring one that may be emitted at this step (`generated` tokens
 * so far). `logits` is one vocabulary row; it is not modified.
 */
export function nextToken(
  logits: ArrayLike<number>,
  generated: number,
  generation: WhisperGeneration,
  banned: ReadonlySet<number> = bannedTokens(generation, generated),
): number {
  let best = -1;
  let bestScore = -Infinity;
  for (let id = 0; id < logits.length; id++) {
    const score = logits[id]!;
    if (score > bestScore && !banned.has(id)) {
      best = id;
      bestScore = score;
    }
  }
  // Everything banned or NaN: end the transcript rather than emit garbage.
  return best < 0 ? generation.eos : best;
}

/** The tokens that may not be emitted after `generated` tokens. */
export function bannedTokens(generation: WhisperGeneration, generated: number): Set<number> {
  return new Set(
    generated === 0 ? [...generation.suppress, ...generation.beginSuppress] : generation.suppress,
  );
}

/** Stop after end-of-text, at the caller's cap, or at the model's maximum length. */
export function decodingDone(
  tokens: readonly number[],
  maxNewTokens: number,
  generation: WhisperGeneration,
): boolean {
  if (tokens.length > 0 && tokens[tokens.length - 1] === generation.eos) return true;
  return (
    tokens.length >= maxNewTokens ||
    generation.prompt.length + tokens.length >= generation.maxLength
  );
}

/** The generated tokens that carry text (end-of-text dropped). */
export function textTokens(tokens: readonly number[], generation: WhisperGeneration): number[] {
  return tokens.filter((t) => t !== generation.eos);
}
