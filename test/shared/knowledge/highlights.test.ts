import { describe, expect, it } from 'vitest';
import { highlightRanges, highlightTerms } from '../../../shared/knowledge/highlights';
import { analyze } from '../../../shared/knowledge/analyzer';

const mark = (text: string, ranges: readonly (readonly [number, number])[]) =>
  ranges.map(([s, e]) => text.slice(s, e));

describe('highlightRanges', () => {
  it('marks words whose stem matches a query term, whatever their inflection', () => {
    const text = 'Refunds are refunded to the card. Refunding takes 5 days.';
    const terms = new Set(analyze('refund'));
    expect(mark(text, highlightRanges(text, terms))).toEqual(['Refunds', 'refunded', 'Refunding']);
  });

  it('never marks stop words and merges neighbouring matches', () => {
    const text = 'The credit card  limit, and the card';
    const terms = new Set([...analyze('credit card'), 'the']);
    expect(mark(text, highlightRanges(text, terms))).toEqual(['credit card', 'card']);
  });

  it('marks nothing without terms', () => {
    expect(highlightRanges('anything at all', new Set())).toEqual([]);
  });
});

describe('highlightTerms', () => {
  it('keeps heavy unigrams and drops faded terms and bigrams', () => {
    const terms = highlightTerms(
      new Map([
        ['refund', 1],
        ['card', 0.5],
        ['weather', 0.1],
        ['refund card', 1],
      ]),
    );
    expect([...terms].sort()).toEqual(['card', 'refund']);
  });
});
