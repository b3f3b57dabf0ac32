/**
 * Score normalisation and article fusion give the same scores whether they write a new array
 * or work in place (search ranks 100k passages in one array per ranking).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuseWithArticles, maxNormalize } from '../../../shared/knowledge/fusion';

const scores = fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { maxLength: 50 });

describe('maxNormalize and fuseWithArticles', () => {
  it('divide by the best score and add the article share, in place or not alike', () => {
    fc.assert(
      fc.property(scores, scores, fc.double({ min: 0, max: 2, noNaN: true }), (p, a, w) => {
        const articleOf = p.map((_, i) => (a.length ? i % a.length : 0));
        const article = maxNormalize(a);
        const copied = fuseWithArticles(maxNormalize(p), article, articleOf, w);
        const own = Float64Array.from(p);
        maxNormalize(own, own);
        const inPlace = fuseWithArticles(own, article, articleOf, w, own);
        expect(inPlace).toBe(own);
        expect([...inPlace]).toEqual([...copied]);
        const best = Math.max(0, ...p);
        if (best > 0) expect(Math.max(...maxNormalize(p))).toBe(1);
      }),
    );
  });

  it('leave all-zero scores zero', () => {
    expect([...maxNormalize([0, 0, 0])]).toEqual([0, 0, 0]);
    const reused = Float64Array.from([5, 5]);
    expect([...maxNormalize([0, 0], reused)]).toEqual([0, 0]);
  });
});
