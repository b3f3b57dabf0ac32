/**
 * Maximal-marginal-relevance selection for the final list: a passage that mostly repeats the
 * text of one already chosen (sliding windows overlap) is pushed down, so the top few cards
 * show different parts of the knowledge.
 */

/** What diversity needs to know of a candidate. */
export interface DiversityItem {
  readonly articleId: string;
  readonly start: number;
  readonly end: number;
  readonly score: number;
}

/** Share of the shorter passage's characters that the two passages have in common. */
export function textOverlap(a: DiversityItem, b: DiversityItem): number {
  if (a.articleId !== b.articleId) return 0;
  const common = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  if (common <= 0) return 0;
  return common / Math.max(1, Math.min(a.end - a.start, b.end - b.start));
}

/**
 * Picks `k` items greedily by `score - penalty * (max overlap with those picked)`; `items` must
 * be sorted best first, and their scores normalised (best = 1) so the penalty is comparable.
 */
export function diversify<T extends DiversityItem>(
  items: readonly T[],
  k: number,
  penalty: number,
): T[] {
  if (penalty <= 0) return items.slice(0, k);
  const left = [...items];
  const picked: T[] = [];
  while (picked.length < k && left.length > 0) {
    let best = 0;
    let bestValue = -Infinity;
    for (let i = 0; i < left.length; i++) {
      const item = left[i]!;
      let overlap = 0;
      for (const p of picked) overlap = Math.max(overlap, textOverlap(item, p));
      const value = item.score - penalty * overlap;
      if (value > bestValue) [best, bestValue] = [i, value];
    }
    picked.push(left.splice(best, 1)[0]!);
  }
  return picked;
}
