/** Learned article priors: what one decision may move, position bias, articles across versions. */
import { describe, expect, it } from 'vitest';
import {
  learnArticle,
  positionWeight,
  PRIOR_CAP,
  priorBoosts,
  priorQuery,
  scoresWithPriors,
  MAX_POSITION_WEIGHT,
  PASSAGE_CAP,
  passageFingerprint,
} from '../../../shared/learning/knowledge-priors';
import {
  compactLearnedState,
  emptyLearnedState,
  LEARNED_LIMITS,
  learnedStateFromFile,
  learnedStateToFile,
  type LearnedState,
} from '../../../shared/learning/learned-state';
import { LearnedStateFileSchema } from '../../../shared/schemas/learning';
import { observeRecord } from '../../../shared/learning/observe';

const turns = [{ role: 'customer' as const, text: 'How do I renew my driving licence online?' }];
const candidates = [
  { packId: 'dmv', articleId: 'renew-in-person', passage: 'Renew at an office.', score: 1 },
  { packId: 'dmv', articleId: 'renew-online', passage: 'Renew online with your card.', score: 0.9 },
  { packId: 'dmv', articleId: 'fees', passage: 'Fees for a licence.', score: 0.6 },
];

function use(state: LearnedState, articleId: string, position: number, used = true) {
  let first = true;
  learnArticle(
    state,
    { packId: 'dmv', articleId, used, position, query: priorQuery(turns), intentId: null },
    () => first && !(first = false),
  );
}

describe('knowledge priors', () => {
  it('leaves the ranking alone when nothing learned applies', () => {
    expect(
      scoresWithPriors(emptyLearnedState(), { query: priorQuery(turns) }, candidates),
    ).toBeNull();
  });

  it("lifts an article agents used under these words above the pack's first", () => {
    const state = emptyLearnedState();
    for (let i = 0; i < 3; i++) use(state, 'renew-online', 1);
    const scores = scoresWithPriors(state, { query: priorQuery(turns) }, candidates)!;
    expect(scores[1]).toBe(1);
    expect(scores[0]).toBeLessThan(1);
  });

  it('lets one dismissal move an article by at most the cap, so it is not buried', () => {
    const state = emptyLearnedState();
    use(state, 'renew-in-person', 0, false);
    const boosts = priorBoosts(state, { query: priorQuery(turns) }, candidates)!;
    expect(boosts[0]).toBeLessThan(0);
    expect(Math.abs(boosts[0]!)).toBeLessThanOrEqual(PRIOR_CAP / 2);
    const scores = scoresWithPriors(state, { query: priorQuery(turns) }, candidates)!;
    expect(scores[0]).toBeGreaterThan(scores[2]!);
  });

  it('counts a use of a lower card more than a use of the first, up to a cap', () => {
    expect(positionWeight(0)).toBe(1);
    expect(positionWeight(1)).toBeGreaterThan(positionWeight(0));
    expect(positionWeight(4)).toBe(MAX_POSITION_WEIGHT);
    expect(positionWeight(null)).toBe(MAX_POSITION_WEIGHT);
  });

  it('follows an article by pack and article id, whatever its passage text in a new version', () => {
    const state = emptyLearnedState();
    for (let i = 0; i < 3; i++) use(state, 'renew-online', 1);
    const upgraded = candidates.map((c) => ({ ...c, passage: `${c.passage} (rewritten in 2.0)` }));
    expect(scoresWithPriors(state, { query: priorQuery(turns) }, upgraded)![1]).toBe(1);
    const otherPack = candidates.map((c) => ({ ...c, packId: 'other' }));
    expect(scoresWithPriors(state, { query: priorQuery(turns) }, otherPack)).toBeNull();
  });

  it('keeps an article used earlier in this conversation up for the rest of it, and only it', () => {
    const state = emptyLearnedState();
    const cards = candidates.map((c) => ({
      articleId: c.articleId,
      packId: c.packId,
      passage: c.passage,
    }));
    observeRecord(
      state,
      { kind: 'copied', target: 'article', id: 'fees', position: 2, at: 1, conversationId: 'c1' },
      {
        turns,
        suggestions: { intent: null, articles: cards, replies: [], escalation: [] },
        packs: [],
      },
    );
    const next = [...turns, { role: 'customer' as const, text: 'and what does it cost?' }];
    const same = scoresWithPriors(
      state,
      { query: priorQuery(next), conversationId: 'c1' },
      candidates,
    )!;
    const other = scoresWithPriors(
      state,
      { query: priorQuery(next), conversationId: 'c2' },
      candidates,
    )!;
    expect(same[2]).toBeGreaterThan(other[2]!);
  });

  describe('passages', () => {
    // One article in three parts; the pack ranks its eligibility part first for these words.
    const parts = [
      { packId: 'dmv', articleId: 'renew', passage: 'Who can renew: residents.', score: 1 },
      { packId: 'dmv', articleId: 'renew', passage: 'Renewal fees: 30 dollars.', score: 0.85 },
      { packId: 'dmv', articleId: 'renew', passage: 'Renew by mail with form MV-44.', score: 0.8 },
      { packId: 'dmv', articleId: 'fees', passage: 'Fees for a licence.', score: 0.7 },
    ];
    const ask = [{ role: 'customer' as const, text: 'How much does renewing cost?' }];
    function usePart(state: LearnedState, index: number, text = ask) {
      let first = true;
      learnArticle(
        state,
        {
          packId: 'dmv',
          articleId: 'renew',
          used: true,
          position: index,
          query: priorQuery(text),
          intentId: null,
          passage: passageFingerprint(parts[index]!.passage),
        },
        () => first && !(first = false),
      );
    }

    it("lifts the part of the article agents used under these words above the article's first part", () => {
      const state = emptyLearnedState();
      for (let i = 0; i < 2; i++) usePart(state, 1);
      const scores = scoresWithPriors(state, { query: priorQuery(ask) }, parts)!;
      expect(scores[1]).toBe(1);
      expect(scores[0]).toBeLessThan(1);
      // The article's other parts stay above another article: the article prior lifts them all.
      expect(scores[2]).toBeGreaterThan(scores[3]!);
    });

    it('moves a passage by at most its cap on top of the article prior', () => {
      const state = emptyLearnedState();
      for (let i = 0; i < 50; i++) usePart(state, 1);
      const boosts = priorBoosts(state, { query: priorQuery(ask) }, parts)!;
      expect(boosts[1]! - boosts[0]!).toBeLessThanOrEqual(PASSAGE_CAP + 1e-9);
      expect(boosts[1]).toBeLessThanOrEqual(PRIOR_CAP + PASSAGE_CAP + 1e-9);
    });

    it('does not follow a rewritten passage, but keeps its article up', () => {
      const state = emptyLearnedState();
      for (let i = 0; i < 2; i++) usePart(state, 2);
      const rewritten = parts.map((p) => ({ ...p, passage: `${p.passage} (2.0)` }));
      const boosts = priorBoosts(state, { query: priorQuery(ask) }, rewritten)!;
      expect(boosts[0]).toBeCloseTo(boosts[2]!, 9);
      expect(boosts[0]).toBeGreaterThan(0);
    });

    it('learns the card the agent used, not the first card of its article', () => {
      const state = emptyLearnedState();
      const cards = parts.map(({ packId, articleId, passage }) => ({ packId, articleId, passage }));
      observeRecord(
        state,
        { kind: 'copied', target: 'article', id: 'renew', position: 2, at: 1, conversationId: 'c' },
        {
          turns: ask,
          suggestions: { intent: null, articles: cards, replies: [], escalation: [] },
          packs: [],
        },
      );
      const scores = scoresWithPriors(state, { query: priorQuery(ask) }, parts)!;
      expect(scores[2]).toBeGreaterThan(scores[1]!);
    });

    it('keeps what it learned per passage through the file, and reads a file from before', () => {
      const state = emptyLearnedState();
      for (let i = 0; i < 2; i++) usePart(state, 1);
      const file = LearnedStateFileSchema.parse(
        JSON.parse(JSON.stringify(learnedStateToFile(state))),
      );
      const again = learnedStateFromFile(file);
      expect(priorBoosts(again, { query: priorQuery(ask) }, parts)).toEqual(
        priorBoosts(state, { query: priorQuery(ask) }, parts),
      );
      const before = { ...file, terms: file.terms.map((row) => row.slice(0, 5)) };
      const old = learnedStateFromFile(LearnedStateFileSchema.parse(before));
      const boosts = priorBoosts(old, { query: priorQuery(ask) }, parts)!;
      expect(boosts[1]).toBeCloseTo(boosts[0]!, 9);
      expect(boosts[1]).toBeGreaterThan(boosts[3]!);
    });
  });

  it('stays within its cell caps, keeping the heaviest preference and each row its own weight', () => {
    const state = emptyLearnedState();
    const query = new Map(Array.from({ length: 16 }, (_, t) => [`term${t}`, 1] as const));
    const decide = (articleId: string, passage: string) =>
      learnArticle(
        state,
        { packId: 'p', articleId, used: true, position: 0, query, intentId: null, passage },
        () => false,
      );
    for (let i = 0; i < 20; i++) decide('favourite', 'fav-passage');
    const many = Math.ceil(LEARNED_LIMITS.termCells / 16) + 10;
    for (let i = 0; i < many; i++) decide(`a${i}`, `p${i}`);
    compactLearnedState(state);
    let cells = 0;
    let passages = 0;
    for (const row of state.terms.values()) {
      cells += row.cells.size;
      passages += row.passages.size;
      let weight = 0;
      for (const cell of row.cells.values()) weight += cell.used + cell.dismissed;
      expect(row.weight).toBeCloseTo(weight, 6);
    }
    expect(cells).toBeLessThanOrEqual(LEARNED_LIMITS.termCells);
    expect(passages).toBeLessThanOrEqual(LEARNED_LIMITS.termCells);
    const favourite = state.articleIndex.get('p\u0000favourite')!;
    expect(state.terms.get('term0')!.cells.has(favourite)).toBe(true);
    expect(state.terms.get('term0')!.passages.has('fav-passage')).toBe(true);
  });
});
