/**
 * The recognition queue of one speaker and its back-pressure policy: finals are never
 * dropped; at most one partial waits, a newer partial replaces it, and partials are dropped
 * outright while a final is waiting (recognition is behind) or once their utterance ended.
 * A speculative final (shared/speech/speculative-final.ts) ranks between the two: it replaces
 * its utterance's waiting partial or speculation, and goes before partials.
 */

/** `speculative`: a pass over an utterance that has just gone quiet, the final if it ends. */
export type AsrJobKind = 'partial' | 'speculative' | 'final';

export interface AsrJob {
  readonly kind: AsrJobKind;
  readonly utteranceId: string;
  /** Sample offsets of the audio in the speaker's stream. */
  readonly start: number;
  readonly end: number;
  /** When the job was queued (ms, any clock), for latency. */
  readonly queuedAt: number;
}

export interface QueueChange<J extends AsrJob> {
  readonly queue: readonly J[];
  /** Partials dropped by this change. */
  readonly dropped: number;
}

/** Add a job to a speaker's queue under the policy. */
export function enqueueJob<J extends AsrJob>(queue: readonly J[], job: J): QueueChange<J> {
  switch (job.kind) {
    case 'final':
    case 'speculative': {
      const kept = queue.filter((j) => j.kind === 'final' || j.utteranceId !== job.utteranceId);
      return { queue: [...kept, job], dropped: queue.length - kept.length };
    }
    case 'partial': {
      if (queue.some((j) => j.kind !== 'partial')) return { queue, dropped: 1 };
      const kept = queue.filter((j) => j.kind !== 'partial');
      return { queue: [...kept, job], dropped: queue.length - kept.length };
    }
  }
}

/** Take the next job: the oldest final first, then a speculation, else the waiting partial. */
export function takeJob<J extends AsrJob>(
  queue: readonly J[],
): { job: J | null; queue: readonly J[] } {
  const final = queue.findIndex((j) => j.kind === 'final');
  const speculative = queue.findIndex((j) => j.kind === 'speculative');
  const at = final >= 0 ? final : speculative >= 0 ? speculative : queue.length > 0 ? 0 : -1;
  if (at < 0) return { job: null, queue };
  return { job: queue[at]!, queue: queue.filter((_, i) => i !== at) };
}

/** How often a speaker's partial hypothesis is refreshed while they talk, at most. */
export const PARTIAL_INTERVAL_MS = 1_000;
/**
 * The share of a core one speaker's timed partials may take. Every pass runs Whisper's full
 * 30 s encoder, so a partial costs about as much as a final (~0.9 s on the 2-core target),
 * and finals alone use about 0.29 of a core per talking speaker: a 1 s partial comes about
 * every 20 s of unbroken speech, i.e. rarely within the VAD's 12 s utterances. The pauses
 * give partials anyway (speculative finals, shared/speech/speculative-final.ts), within the
 * speaker's CPU budget (shared/speech/recognition-budget.ts).
 */
export const PARTIAL_DUTY = 0.05;

/**
 * Should a partial be asked for now? Only while someone is voiced (not in the hangover, when
 * the final is moments away), once enough new audio has arrived since the last one: an
 * interval, stretched when partials cost more than their share of the CPU.
 */
export function partialDue(input: {
  utteranceMs: number;
  lastPartialMs: number;
  inHangover: boolean;
  /** What the last partial took to compute (0 before the first). */
  partialCostMs?: number;
}): boolean {
  const interval = Math.max(PARTIAL_INTERVAL_MS, (input.partialCostMs ?? 0) / PARTIAL_DUTY);
  return !input.inHangover && input.utteranceMs - input.lastPartialMs >= interval;
}

/** Roughly the tokens a speaker produces: ~2.5 words a second, ~1.3 tokens a word, plus slack. */
const TOKENS_PER_SECOND = 3.5;
const TOKEN_SLACK = 4;
const MAX_TOKENS = 96;

/**
 * The decoding cap for audio of this length. Whisper stops at its end-of-text token; the cap
 * bounds the cost when it does not (noise, or the random-weight test models, which never do).
 */
export function maxTokensFor(seconds: number): number {
  return Math.min(MAX_TOKENS, Math.ceil(seconds * TOKENS_PER_SECOND) + TOKEN_SLACK);
}
