import { describe, expect, it } from 'vitest';
import { buildBm25Index, fieldNorms, scoreAll, scoreOne } from '../../../shared/knowledge/bm25';
import { topIndices } from '../../../shared/knowledge/fusion';

/** A small deterministic PRNG so failures reproduce. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

function sortedTop(scores: ArrayLike<number>, k: number): number[] {
  const idx: number[] = [];
  for (let i = 0; i < scores.length; i++) if (scores[i]! > 0) idx.push(i);
  return idx.sort((a, b) => scores[b]! - scores[a]! || a - b).slice(0, k);
}

describe('topIndices (bounded selection)', () => {
  it('equals a full sort on random arrays with many ties and zeros', () => {
    const next = random(3);
    for (let trial = 0; trial < 200; trial++) {
      const n = Math.floor(next() * 300);
      const scores = Float64Array.from({ length: n }, () =>
        next() < 0.3 ? 0 : Math.floor(next() * 8) / 4,
      );
      for (const k of [0, 1, 5, 30, 400])
        expect(topIndices(scores, k)).toEqual(sortedTop(scores, k));
    }
  });
});

describe('cached field norms', () => {
  const vocab = ['refund', 'card', 'cancel', 'renew', 'licence', 'fee', 'online', 'mail'];
  const next = random(9);
  const doc = () =>
    Array.from(
      { length: 1 + Math.floor(next() * 12) },
      () => vocab[Math.floor(next() * vocab.length)]!,
    );
  const index = buildBm25Index(Array.from({ length: 50 }, () => [doc(), doc(), doc()]));
  const params = {
    k1: 1.5,
    fields: [
      { weight: 1, b: 0.75 },
      { weight: 2, b: 0 },
      { weight: 0.5, b: 0.3 },
    ],
  };
  const query = new Map([
    ['refund', 1],
    ['cancel', 0.5],
    ['fee', 0.25],
  ]);

  it('equal the textbook formula computed fresh for every document', () => {
    const norms = fieldNorms(index, params);
    for (let d = 0; d < index.size; d++) {
      params.fields.forEach((spec, f) => {
        const fresh =
          spec.weight / (1 - spec.b + (spec.b * index.lengths[f]![d]!) / index.averageLengths[f]!);
        expect(norms[d * index.fieldCount + f]).toBe(fresh);
      });
    }
    expect(fieldNorms(index, params)).toBe(norms);
  });

  it('give the same scores through the inverted and the forward index, and change with the specs', () => {
    const all = scoreAll(index, query, params);
    for (let d = 0; d < index.size; d++)
      expect(scoreOne(index, query, params, d)).toBeCloseTo(all[d]!, 12);
    const titleOnly = {
      k1: 1.5,
      fields: [
        { weight: 0, b: 0 },
        { weight: 1, b: 0 },
        { weight: 0, b: 0 },
      ],
    };
    const other = scoreAll(index, query, titleOnly);
    expect([...other]).not.toEqual([...all]);
  });
});
