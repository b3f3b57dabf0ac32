import { describe, expect, it } from 'vitest';
import { embeddingText, passagesOfArticle } from '../../../../../electron/services/packs/build';
import { articleText } from '../../../../../shared/packs/article-text';
import type { Article } from '../../../../../shared/packs/pack-schemas';

const article: Article = {
  articleId: 'billing/refunds',
  title: 'Refunds',
  tags: [],
  blocks: [
    { kind: 'paragraph', text: 'Refunds go back to the original payment method.' },
    { kind: 'heading', level: 2, text: 'Card payments' },
    {
      kind: 'paragraph',
      text: Array.from(
        { length: 20 },
        (_, i) => `Case ${i}: card refunds take ${i + 3} days.`,
      ).join(' '),
    },
    { kind: 'list-item', depth: 0, ordered: true, text: 'Ask for the order ID.' },
    { kind: 'list-item', depth: 0, ordered: true, text: 'Offer the refund.' },
  ],
};

describe('passagesOfArticle', () => {
  it('numbers passages in reading order and keeps offsets into the article text', () => {
    const passages = passagesOfArticle(article);
    const text = articleText(article);
    expect(passages.length).toBeGreaterThan(1);
    passages.forEach((p, n) => {
      expect(p.id).toBe(`billing/refunds#${n}`);
      expect(p.text.length).toBeLessThanOrEqual(600);
      expect(text.slice(p.start, p.end)).toBe(p.text);
    });
    expect(passages.some((p) => p.section.includes('Card payments'))).toBe(true);
    expect(passages.some((p) => p.text.includes('2. Offer the refund.'))).toBe(true);
  });

  it('gives an empty article no passages', () => {
    expect(passagesOfArticle({ ...article, blocks: [] })).toEqual([]);
  });
});

describe('embeddingText', () => {
  const passage = passagesOfArticle(article)[0]!;
  it('joins title, section path and text', () => {
    expect(
      embeddingText({ ...passage, section: ['Card payments', 'Visa'], text: 'Five days.' }),
    ).toBe('Refunds — Card payments › Visa — Five days.');
  });
  it('does not repeat a section path that is only the title', () => {
    expect(embeddingText({ ...passage, section: ['Refunds'], text: 'Five days.' })).toBe(
      'Refunds — Five days.',
    );
    expect(embeddingText({ ...passage, section: [], text: 'Five days.' })).toBe(
      'Refunds — Five days.',
    );
  });
});
