/**
 * Reciprocal-rank fusion (Cormack, Clarke and Büttcher 2009) of several rankings of the same
 * items: an item's fused score is the sum over rankings of `weight / (k + rank)`, rank from 1.
 * It needs no score calibration between the lexical and the vector ranking, which is why hybrid
 * search uses it: BM25F scores and cosine distances live on unrelated scales.
 */

/** One ranking to fuse: item ids best first, and how much it counts. */
export interface Ranking<T> {
  readonly items: readonly T[];
  readonly weight?: number;
}

/** A fused item and its score (higher is better). */
export interface FusedItem<T> {
  readonly item: T;
  readonly score: number;
}

/** The textbook constant: dampens the advantage of the very first ranks. */
export const RRF_K = 60;

/**
 * Fuses `rankings` into one list, best first. Ties keep the order of first appearance (the
 * first ranking's order wins), so fusing one ranking returns it unchanged.
 */
export function reciprocalRankFusion<T>(
  rankings: readonly Ranking<T>[],
  k: number = RRF_K,
): FusedItem<T>[] {
  const scores = new Map<T, { score: number; first: number }>();
  let seen = 0;
  for (const ranking of rankings) {
    const weight = ranking.weight ?? 1;
    ranking.items.forEach((item, i) => {
      const entry = scores.get(item) ?? { score: 0, first: seen++ };
      entry.score += weight / (k + i + 1);
      scores.set(item, entry);
    });
  }
  return [...scores]
    .sort(([, a], [, b]) => b.score - a.score || a.first - b.first)
    .map(([item, { score }]) => ({ item, score }));
}
