/**
 * The CPU budget of one speaker's recognition. Finals are never dropped, whatever they cost;
 * the optional passes (speculative finals at pauses, timed partials) run only while the
 * speaker's recognizer has used less than its share of a core over the last half minute, so
 * the real-time factor stays near the share when a speaker talks without a break, and the
 * optional passes come back as soon as there is room (turn-taking calls have plenty).
 */

/** The share of a core one speaker's recognition may use, speculative finals included. */
export const RECOGNITION_SHARE = 0.3;
/**
 * Timed partials stop earlier, leaving the rest of the share to speculative finals, which
 * shorten the wait for the final and cost nothing more when the utterance ends.
 */
export const PARTIAL_SHARE = 0.25;
/** The window over which the share is measured. */
export const BUDGET_WINDOW_MS = 30_000;

/** A pass the recognizer ran, on the channel's clock (ms). */
export interface BusySpan {
  readonly start: number;
  readonly end: number;
}

/** Busy time inside `[now - windowMs, now]`. */
export function busyWithin(spans: readonly BusySpan[], now: number, windowMs: number): number {
  const from = now - windowMs;
  let busy = 0;
  for (const span of spans)
    busy += Math.max(0, Math.min(span.end, now) - Math.max(span.start, from));
  return busy;
}

/** The spans still inside the window (the rest can be forgotten). */
export function recentSpans(
  spans: readonly BusySpan[],
  now: number,
  windowMs: number = BUDGET_WINDOW_MS,
): BusySpan[] {
  return spans.filter((span) => span.end > now - windowMs);
}

/**
 * May an optional pass that will cost about `costMs` start now? Only if, with it, the busy
 * time of the window stays within `share` of the window.
 */
export function optionalPassAffordable(input: {
  readonly spans: readonly BusySpan[];
  readonly now: number;
  /** What the last pass took (0 before the first: the first is always affordable). */
  readonly costMs: number;
  readonly share?: number;
  readonly windowMs?: number;
}): boolean {
  const windowMs = input.windowMs ?? BUDGET_WINDOW_MS;
  const share = input.share ?? RECOGNITION_SHARE;
  return busyWithin(input.spans, input.now, windowMs) + input.costMs <= share * windowMs;
}
