/**
 * Sentence vectors from a BERT encoder's token states, as sentence-transformers and
 * transformers.js's `feature-extraction` pipeline (`pooling: 'mean', normalize: true`) make
 * them: the mean of the token states the attention mask keeps, scaled to unit length.
 */

/**
 * `hidden` is `[batch, length, dimension]` row-major, `mask[b * length + t]` is 1 for a real
 * token; returns `[batch, dimension]`, each row of norm 1 (a zero row stays zero).
 */
export function meanPoolNormalized(
  hidden: Float32Array,
  mask: ArrayLike<number | bigint>,
  batch: number,
  length: number,
  dimension: number,
): Float32Array {
  const out = new Float32Array(batch * dimension);
  for (let b = 0; b < batch; b++) {
    const row = out.subarray(b * dimension, (b + 1) * dimension);
    let count = 0;
    for (let t = 0; t < length; t++) {
      if (Number(mask[b * length + t]) === 0) continue;
      count++;
      const at = (b * length + t) * dimension;
      for (let d = 0; d < dimension; d++) row[d]! += hidden[at + d]!;
    }
    let norm = 0;
    for (let d = 0; d < dimension; d++) {
      row[d]! /= Math.max(1, count);
      norm += row[d]! * row[d]!;
    }
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let d = 0; d < dimension; d++) row[d]! *= scale;
  }
  return out;
}
