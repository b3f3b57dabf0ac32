/**
 * How far the text an agent sent is from the reply they copied: the edit distance, and the
 * ratio that says whether the reply was sent (as offered or lightly edited) or replaced.
 */

/** An edit ratio up to this means the reply was sent (as offered or lightly edited). */
export const SENT_MAX_EDIT_RATIO = 0.5;

/** Levenshtein distance between `a` and `b` (two-row dynamic programme). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * How much of a copied reply the agent changed before sending, in [0, 1]: the edit distance over
 * the longer of the two texts (over the suggestion alone, a longer sent text read as 106 %).
 */
export function editRatio(distance: number, copied: string, sent: string): number {
  const longer = Math.max(copied.length, sent.length, 1);
  return Math.round(Math.min(1, distance / longer) * 1000) / 1000;
}
