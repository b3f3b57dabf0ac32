/**
 * Combines passage-level and article-level evidence. Both score lists are divided by their
 * best score, then a passage's fused score is its own share plus `articleWeight` times its
 * article's share: a passage that matches the latest turn well, inside the article the whole
 * conversation is about, ranks first.
 */

/**
 * Scores divided by the largest (all zeros stay zeros), into `out` (a new array unless given;
 * `out` may be `scores` itself: each element is read before it is written).
 */
export function maxNormalize(
  scores: ArrayLike<number>,
  out: Float64Array = new Float64Array(scores.length),
): Float64Array {
  let max = 0;
  for (let i = 0; i < scores.length; i++) max = Math.max(max, scores[i]!);
  if (max > 0) for (let i = 0; i < scores.length; i++) out[i] = scores[i]! / max;
  else if (out !== scores) out.fill(0);
  return out;
}

/**
 * Fused scores of passages: `passage[i] + articleWeight * article[articleOf[i]]`, both already
 * normalised, into `out` (a new array unless given; it may be `passage` itself).
 */
export function fuseWithArticles(
  passage: ArrayLike<number>,
  article: ArrayLike<number>,
  articleOf: ArrayLike<number>,
  articleWeight: number,
  out: Float64Array = new Float64Array(passage.length),
): Float64Array {
  for (let i = 0; i < passage.length; i++) {
    out[i] = passage[i]! + articleWeight * (article[articleOf[i]!] ?? 0);
  }
  return out;
}

/** True when `a` ranks before `b`: higher score, then lower index. */
function before(scores: ArrayLike<number>, a: number, b: number): boolean {
  return scores[a]! > scores[b]! || (scores[a] === scores[b] && a < b);
}

/**
 * Indices of the `k` largest scores (ties by index), best first; zeros are skipped. A bounded
 * min-heap of the `k` best so far keeps this O(n log k) instead of sorting every match.
 */
export function topIndices(scores: ArrayLike<number>, k: number): number[] {
  const heap: number[] = [];
  if (k <= 0) return heap;
  const sift = (from: number) => {
    let i = from;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let worst = i;
      if (l < heap.length && before(scores, heap[worst]!, heap[l]!)) worst = l;
      if (r < heap.length && before(scores, heap[worst]!, heap[r]!)) worst = r;
      if (worst === i) return;
      [heap[i], heap[worst]] = [heap[worst]!, heap[i]!];
      i = worst;
    }
  };
  for (let i = 0; i < scores.length; i++) {
    if (!(scores[i]! > 0)) continue;
    if (heap.length < k) {
      heap.push(i);
      let c = heap.length - 1;
      while (c > 0) {
        const parent = (c - 1) >> 1;
        if (!before(scores, heap[parent]!, heap[c]!)) break;
        [heap[parent], heap[c]] = [heap[c]!, heap[parent]!];
        c = parent;
      }
    } else if (before(scores, i, heap[0]!)) {
      heap[0] = i;
      sift(0);
    }
  }
  return heap.sort((a, b) => scores[b]! - scores[a]! || a - b);
}
