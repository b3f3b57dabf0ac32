/**
 * What a knowledge card and the pack manager show, rendered to HTML (no DOM here: the
 * interactive parts are covered by test/e2e/knowledge.spec.ts), and their pure helpers.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { passageSegments } from '../../renderer/src/components/highlighted-passage';
import { KnowledgeCard } from '../../renderer/src/components/knowledge-card';
import { nextCardIndex } from '../../renderer/src/components/knowledge-card-list';
import { packContents } from '../../renderer/src/components/pack-row';
import { publisherKeyProblem } from '../../renderer/src/containers/settings/trusted-keys';
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
  const html = renderToStaticMarkup(
    <KnowledgeCard
      hit={refund}
      packName="Acme Retail"
      onCopy={async () => true}
      onFeedback={() => {}}
      tabbable
      onFocus={() => {}}
    />,
  );

  it('shows title, section path, the pack and the passage with its match marked', () => {
    expect(html).toContain('>Refunds</h3>');
    // The section path leaves out the title it starts with: the card shows it already.
    expect(html).toContain('<p class="knowledge-card__section">Card payments</p>');
    expect(html).toContain('Acme Retail');
    expect(html).toContain('<mark class="knowledge-card__match">refund</mark>');
  });

  it('links the source so it opens outside the app, and offers copy and feedback', () => {
    expect(html).toMatch(
      /<a[^>]*href="https:\/\/help\.acme\.example\/refunds"[^>]*target="_blank"[^>]*rel="noopener noreferrer"/,
    );
    expect(html).toContain('aria-label="Helpful" title="Helpful" aria-pressed="false"');
    expect(html).toContain('aria-label="Not helpful"');
    expect(html).toContain('Copy');
  });
});

describe('helpers', () => {
  it('moves between cards with the arrow keys, stopping at the ends', () => {
    expect(nextCardIndex('ArrowDown', 0, 3)).toBe(1);
    expect(nextCardIndex('ArrowDown', 2, 3)).toBe(2);
    expect(nextCardIndex('ArrowUp', 0, 3)).toBe(0);
    expect(nextCardIndex('End', 0, 3)).toBe(2);
    expect(nextCardIndex('c', 0, 3)).toBeNull();
    expect(nextCardIndex('ArrowDown', 0, 0)).toBeNull();
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
