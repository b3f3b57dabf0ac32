/**
 * Precision and recall of found spans against expected ones, per kind: a found span counts
 * when an expected span of the same kind has exactly the same offsets.
 */
import type { PiiKind, PiiSpan } from './detectors';

/** Counts and rates for one kind (or all kinds). */
export interface PiiScore {
  readonly expected: number;
  readonly found: number;
  readonly correct: number;
  readonly precision: number;
  readonly recall: number;
}

function rate(correct: number, of: number): number {
  return of === 0 ? 1 : correct / of;
}

/** Scores `found` against `expected` over many texts, per kind and overall ("all"). */
export function scorePii(
  pairs: readonly { readonly expected: readonly PiiSpan[]; readonly found: readonly PiiSpan[] }[],
): Map<PiiKind | 'all', PiiScore> {
  const tallies = new Map<PiiKind | 'all', { expected: number; found: number; correct: number }>();
  const tally = (k: PiiKind | 'all') => {
    let t = tallies.get(k);
    if (!t) tallies.set(k, (t = { expected: 0, found: 0, correct: 0 }));
    return t;
  };
  for (const { expected, found } of pairs) {
    for (const e of expected) {
      tally(e.kind).expected++;
      tally('all').expected++;
    }
    for (const f of found) {
      tally(f.kind).found++;
      tally('all').found++;
      if (expected.some((e) => e.kind === f.kind && e.start === f.start && e.end === f.end)) {
        tally(f.kind).correct++;
        tally('all').correct++;
      }
    }
  }
  const out = new Map<PiiKind | 'all', PiiScore>();
  for (const [k, t] of tallies) {
    out.set(k, { ...t, precision: rate(t.correct, t.found), recall: rate(t.correct, t.expected) });
  }
  return out;
}
