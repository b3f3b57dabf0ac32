/**
 * Speculative finals: a final is due only after the VAD's 400 ms hangover, and a pass then
 * takes most of a second. So once a speaker has been quiet for a short while, a pass over the
 * utterance so far starts at once. If the utterance then ends with no new voiced audio, the
 * final's audio is exactly that pass's audio, and its result IS the final (no second pass);
 * if the speaker goes on, it was only a partial.
 */
import type { AsrJobKind } from './asr-queue';

/** Silence after which the utterance so far is transcribed, well inside the 400 ms hangover. */
export const SPECULATE_AFTER_MS = 200;

/**
 * Start a speculation now? When an utterance is open, long enough not to be discarded, its
 * speaker has been quiet for `SPECULATE_AFTER_MS`, and no speculation covers this voiced
 * audio yet (`speculatedEnd`: where the last one ended, sample offset).
 */
export function speculationDue(input: {
  readonly open: boolean;
  readonly silentMs: number;
  readonly voicedMs: number;
  readonly minUtteranceMs: number;
  /** Sample offset where the utterance's voiced audio ends so far. */
  readonly voicedEnd: number;
  readonly speculatedEnd: number | null;
}): boolean {
  return (
    input.open &&
    input.silentMs >= SPECULATE_AFTER_MS &&
    input.voicedMs >= input.minUtteranceMs &&
    input.speculatedEnd !== input.voicedEnd
  );
}

export interface Speculation {
  readonly utteranceId: string;
  /** Sample offsets of the audio it transcribes. */
  readonly start: number;
  readonly end: number;
}

/**
 * What the final of an utterance does with the speculation in flight: `promote` when it
 * covers exactly the final's audio (its result is the final), else `replace` (a fresh final
 * pass is queued; the speculation was a partial, stale now).
 */
export function finalFromSpeculation(
  speculation: Speculation | null,
  final: Speculation,
): 'promote' | 'replace' {
  return speculation !== null &&
    speculation.utteranceId === final.utteranceId &&
    speculation.start === final.start &&
    speculation.end === final.end
    ? 'promote'
    : 'replace';
}

/** How a running pass's result will be shown. */
export type PassRole = 'partial' | 'final' | 'undecided';

/**
 * Should the running pass stop (between decoder steps) because `queued` was just queued? A
 * pass whose result can only be a partial is stale once a final or a speculation of the same
 * speaker waits: stopping it lets the final start at once.
 */
export function cancelsRunning(running: PassRole | null, queued: AsrJobKind): boolean {
  return running === 'partial' && queued !== 'partial';
}
