/**
 * Combines passage-level and article-level evidence. Both score lists are divided by their
 * best score, then a passage's fused score is its own share plus `articleWeight` times its
 * article's share: a passage that matches the latest turn well, inside the article the whole
 * conversation is about, ranks first.
 */

/** Scores divided by the largest (all zeros stay zeros). */
export function maxNormalize(scores: ArrayLike<number>): Float64Array {
  let max = 0;
  for (let i = 0; i < scores.length; i++) max = Math.max(max, scores[i]!);
  const out = new Float64Array(scores.length);
  if (max > 0) for (let i = 0; i < scores.length; i++) out[i] = scores[i]! / max;
  return out;
}

/**
 * Fused scores of passages: `passage[i] + articleWeight * article[articleOf[i]]`, both already
 * normalised.
 */
export function fuseWithArticles(
  passage: ArrayLike<number>,
  article: ArrayLike<number>,
  articleOf: ArrayLike<number>,
  articleWeight: number,
): Float64Array {
  const out = new Float64Array(passage.length);
  for (let i = 0; i < passage.length; i++) {
    out[i] = passage[i]! + articleWeight * (article[articleOf[i]!] ?? 0);
  }
  return out;
}

/** Indices of the `k` largest scores (ties by index), best first; zeros are skipped. */
export function topIndices(scores: ArrayLike<number>, k: number): number[] {
  const idx: number[] = [];
  for (let i = 0; i < scores.length; i++) if (scores[i]! > 0) idx.push(i);
  idx.sort((a, b) => scores[b]! - scores[a]! || a - b);
  return idx.slice(0, k);
}
