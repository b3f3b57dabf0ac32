/**
 * Query expansion (RM3, "pseudo-relevance feedback" in the literature): terms that are frequent in the best few passages and
 * rare in the collection are added to the query with a small weight, which finds passages
 * that say the same thing in the knowledge's own words rather than the customer's.
 */
import { idf, type Bm25Index } from './bm25';

/**
 * Expansion terms from documents `docs` (best first) of `index`, reading each document's terms
 * (of the field that expands the query, e.g. passage bodies) through `termsOf`.
 */
export function expansionTerms(
  index: Bm25Index,
  docs: readonly number[],
  termsOf: (doc: number) => readonly string[],
  termCount: number,
): Map<string, number> {
  const weights = new Map<string, number>();
  docs.forEach((d, rank) => {
    const terms = termsOf(d);
    if (terms.length === 0) return;
    const counts = new Map<string, number>();
    for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
    const docWeight = 1 / (rank + 1);
    for (const [t, tf] of counts) {
      weights.set(t, (weights.get(t) ?? 0) + (docWeight * tf) / terms.length);
    }
  });
  const scored = [...weights].map(([t, w]) => [t, w * idf(index, t)] as const);
  scored.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const top = scored.slice(0, termCount);
  const max = top[0]?.[1] ?? 1;
  return new Map(top.map(([t, w]) => [t, w / max]));
}
