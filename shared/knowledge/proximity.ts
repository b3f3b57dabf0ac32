/**
 * Query-term proximity: the best share of the query's weight that one short stretch of a
 * passage covers. A passage whose matching words sit together in one sentence usually answers
 * the question; one with the same words scattered across unrelated sentences usually does not.
 */

/**
 * The largest total weight of distinct query terms inside any `window` consecutive terms of
 * `terms`, divided by the query's total weight (0..1).
 */
export function proximityShare(
  terms: readonly string[],
  query: ReadonlyMap<string, number>,
  window: number,
): number {
  let total = 0;
  for (const w of query.values()) total += w;
  if (total <= 0 || terms.length === 0) return 0;
  const inWindow = new Map<string, number>();
  let covered = 0;
  let best = 0;
  for (let i = 0; i < terms.length; i++) {
    const t = terms[i]!;
    const w = query.get(t) ?? 0;
    if (w > 0) {
      const n = inWindow.get(t) ?? 0;
      if (n === 0) covered += w;
      inWindow.set(t, n + 1);
    }
    const out = i - window >= 0 ? terms[i - window]! : null;
    if (out !== null && (query.get(out) ?? 0) > 0) {
      const n = inWindow.get(out)! - 1;
      inWindow.set(out, n);
      if (n === 0) covered -= query.get(out)!;
    }
    best = Math.max(best, covered);
  }
  return best / total;
}
