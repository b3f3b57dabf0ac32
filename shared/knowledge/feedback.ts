/**
 * Pseudo-relevance feedback (RM3-style): terms that are frequent in the best few passages and
 * rare in the collection are added to the query with a small weight, which finds passages
 * that say the same thing in the knowledge's own words rather than the customer's.
 */
import { idf, type Bm25Index } from './bm25';

/** Feedback terms from documents `docs` (best first) of field `field` of `index`. */
export function feedbackTerms(
  index: Bm25Index,
  docs: readonly number[],
  field: number,
  termCount: number,
): Map<string, number> {
  const weights = new Map<string, number>();
  docs.forEach((d, rank) => {
    const counts = index.forward[d]?.[field];
    const length = index.lengths[field]?.[d] ?? 0;
    if (!counts || length === 0) return;
    const docWeight = 1 / (rank + 1);
    for (const [t, tf] of counts) weights.set(t, (weights.get(t) ?? 0) + (docWeight * tf) / length);
  });
  const scored = [...weights].map(([t, w]) => [t, w * idf(index, t)] as const);
  scored.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const top = scored.slice(0, termCount);
  const max = top[0]?.[1] ?? 1;
  return new Map(top.map(([t, w]) => [t, w / max]));
}
