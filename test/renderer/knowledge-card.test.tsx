/**
 * What a knowledge card and the pack manager show, rendered to HTML (no DOM here: the
 * interactive parts are covered by test/e2e/knowledge.spec.ts), and their pure helpers.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { passageSegments } from '../../renderer/src/components/highlighted-passage';
import { KnowledgeCard } from '../../renderer/src/components/knowledge-card';
import { packContents } from '../../renderer/src/components/pack-row';
import { publisherKeyProblem } from '../../renderer/src/containers/settings/trusted-keys';
import { nextRovingIndex } from '../../renderer/src/keyboard/roving';
import { groupByArticle } from '../../renderer/src/panels/knowledge-groups';
import type { SearchHit } from '../../shared/schemas/knowledge';

const refund: SearchHit = {
  articleId: 'billing/refunds',
  title: 'Refunds',
  packId: 'acme-retail',
  passage: 'A refund reaches the card in 5 days.',
  score: 1,
  url: 'https://help.acme.example/refunds',
  section: ['Refunds', 'Card payments'],
  highlights: [[2, 8]],
};

describe('passageSegments', () => {
  it('marks the matched ranges and keeps the rest as plain text', () => {
    expect(
      passageSegments('refund to card', [
        [10, 14],
        [0, 6],
      ]),
    ).toEqual([
      { text: 'refund', matched: true },
      { text: ' to ', matched: false },
      { text: 'card', matched: true },
    ]);
  });

  it('merges overlapping ranges and ignores ones outside the text', () => {
    expect(
      passageSegments('refund', [
        [0, 3],
        [2, 6],
        [9, 12],
        [4, 4],
      ]),
    ).toEqual([{ text: 'refund', matched: true }]);
    expect(passageSegments('refund')).toEqual([{ text: 'refund', matched: false }]);
  });
});

describe('KnowledgeCard', () => {
  const other = { ...refund, passage: 'Store credit is instant.', section: ['Refunds', 'Credit'] };
  const html = renderToStaticMarkup(
    <KnowledgeCard
      group={{ key: 'acme-retail/billing/refunds', best: refund, more: [other] }}
      packName="Acme Retail"
      onCopy={async () => true}
      onFeedback={() => {}}
      tabbable
      onFocus={() => {}}
    />,
  );

  it('shows title, pack and section path, and the passage with its match marked', () => {
    expect(html).toMatch(/<h3 class="knowledge-card__title"[^>]*>Refunds<\/h3>/);
    // The section path leaves out the title it starts with: the card shows it already.
    expect(html).toContain('Acme Retail</span><span> · Card payments</span>');
    expect(html).toContain('<mark class="knowledge-card__match">refund</mark>');
    // The article's other passages wait behind "more".
    expect(html).toContain('More from this article (1)');
    expect(html).not.toContain('Store credit is instant.');
  });

  it('is one Tab stop: its link and buttons stay out of the Tab order', () => {
    expect(html).toMatch(/<article[^>]*tabindex="0"/);
    expect(html).toMatch(
      /<a[^>]*href="https:\/\/help\.acme\.example\/refunds"[^>]*target="_blank"[^>]*rel="noopener noreferrer"[^>]*tabindex="-1"/,
    );
    expect(html.match(/<button[^>]*>/g)?.every((tag) => tag.includes('tabindex="-1"'))).toBe(true);
    expect(html).toContain('aria-label="Helpful"');
    expect(html).toContain('aria-label="Copy the passage"');
  });
});

describe('groupByArticle', () => {
  it('makes one card per article, led by its best passage, in rank order', () => {
    const hit = (articleId: string, passage: string, packId = 'p') => ({
      ...refund,
      articleId,
      passage,
      packId,
    });
    const groups = groupByArticle([
      hit('a', 'a1'),
      hit('b', 'b1'),
      hit('a', 'a2'),
      hit('a', 'a1'),
      hit('a', 'x', 'q'),
    ]);
    expect(groups.map((g) => [g.key, g.best.passage, g.more.map((m) => m.passage)])).toEqual([
      ['p/a', 'a1', ['a2']],
      ['p/b', 'b1', []],
      ['q/a', 'x', []],
    ]);
  });
});

describe('helpers', () => {
  it('moves between the items of a list with the arrow keys, stopping at the ends', () => {
    expect(nextRovingIndex('ArrowDown', 0, 3)).toBe(1);
    expect(nextRovingIndex('ArrowRight', 0, 3)).toBe(1);
    expect(nextRovingIndex('ArrowDown', 2, 3)).toBe(2);
    expect(nextRovingIndex('ArrowUp', 0, 3)).toBe(0);
    expect(nextRovingIndex('ArrowLeft', 2, 3)).toBe(1);
    expect(nextRovingIndex('End', 0, 3)).toBe(2);
    expect(nextRovingIndex('c', 0, 3)).toBeNull();
    expect(nextRovingIndex('ArrowDown', 0, 0)).toBeNull();
  });

  it("sums up a pack's contents, leaving out what it has none of", () => {
    expect(packContents({ articles: 1, passages: 12, responses: 0, intents: 4, rules: 0 })).toBe(
      '1 article · 12 passages · 4 intents',
    );
  });

  it('says what is wrong with a publisher key before it is saved', () => {
    const pem = '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA\n-----END PUBLIC KEY-----';
    expect(publisherKeyProblem('Acme', pem, [])).toBeNull();
    expect(publisherKeyProblem(' ', pem, [])).toMatch(/Give the key a name/);
    expect(publisherKeyProblem('Acme', pem, ['Acme'])).toMatch(/already trusted/);
    expect(publisherKeyProblem('Acme', 'ssh-ed25519 AAAA', [])).toMatch(/BEGIN PUBLIC KEY/);
  });
});
