/**
 * How a list of texts is cut into model batches. Pure. Texts are grouped by length (longest
 * first), so a batch pads to similar lengths: a 600-character passage does not make 31 short
 * queries pay for its padding. The vectors are put back in the caller's order afterwards.
 */

/** Indices into `texts`, one array per batch of at most `maxBatch`. */
export function planBatches(texts: readonly string[], maxBatch: number): number[][] {
  const size = Math.max(1, Math.floor(maxBatch));
  const order = texts.map((_, i) => i).sort((a, b) => texts[b]!.length - texts[a]!.length || a - b);
  const batches: number[][] = [];
  for (let start = 0; start < order.length; start += size) {
    batches.push(order.slice(start, start + size));
  }
  return batches;
}
