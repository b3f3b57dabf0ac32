/** "Did you mean" suggestions for misspelt keys and ids. */
import { editDistance } from './learning/edits';

/** The candidate closest to `name` (case-insensitive edit distance at most 2), if any. */
export function closest(name: string, candidates: Iterable<string>): string | undefined {
  const target = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of candidates) {
    const distance = boundedDistance(target, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** ` (did you mean "x"?)`, or '' when nothing is close. */
export function didYouMean(name: string, candidates: Iterable<string>): string {
  const match = closest(name, candidates);
  return match !== undefined && match !== name ? ` (did you mean "${match}"?)` : '';
}

/** Levenshtein distance, bailing out early for strings too different in length to matter. */
function boundedDistance(a: string, b: string): number {
  return Math.abs(a.length - b.length) > 2 ? 3 : editDistance(a, b);
}
