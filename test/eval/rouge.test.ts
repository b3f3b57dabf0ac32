import { describe, expect, it } from 'vitest';
import { rouge, rougeTokens } from '../../eval/rouge';

describe('rouge', () => {
  it('tokenises like rouge-score: lower case, non-alphanumerics split, long words stemmed', () => {
    expect(rougeTokens("#Person2#'s Refunds arrived")).toEqual(['person2', 's', 'refund', 'arriv']);
    expect(rougeTokens('Refunds', false)).toEqual(['refunds']);
  });

  it('scores a worked example by hand', () => {
    // candidate: the cat was found under the bed (7) · reference: the cat was under the bed (6)
    // unigrams: 6 shared → P 6/7, R 6/6; bigrams: the cat, cat was, under the, the bed → 4 of 6 and 5
    // LCS "the cat was under the bed" = 6.
    const s = rouge('the cat was found under the bed', ['the cat was under the bed'], false);
    expect(s.rouge1).toBeCloseTo((2 * (6 / 7) * 1) / (6 / 7 + 1), 10);
    expect(s.rouge2).toBeCloseTo((2 * (4 / 6) * (4 / 5)) / (4 / 6 + 4 / 5), 10);
    expect(s.rougeL).toBeCloseTo((2 * (6 / 7) * 1) / (6 / 7 + 1), 10);
  });

  it('takes the best reference and gives 0 for nothing in common or empty text', () => {
    const s = rouge('refund issued', ['the order shipped', 'refund issued today']);
    expect(s.rouge1).toBeCloseTo(0.8, 10);
    expect(rouge('hello', ['goodbye']).rouge1).toBe(0);
    expect(rouge('', ['goodbye']).rougeL).toBe(0);
  });
});
