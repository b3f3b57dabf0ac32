/** The questions used cards answered: what votes for which passage, and what stays bounded. */
import { describe, expect, it } from 'vitest';
import { answerVotes } from '../../../shared/learning/answer-memory';
import {
  passageFingerprint,
  priorBoosts,
  priorQuery,
  questionTerms,
} from '../../../shared/learning/knowledge-priors';
import {
  emptyLearnedState,
  learnAnswer,
  learnedStateFromFile,
  learnedStateToFile,
  LEARNED_LIMITS,
} from '../../../shared/learning/learned-state';
import { observeRecord } from '../../../shared/learning/observe';
import { LearnedStateFileSchema } from '../../../shared/schemas/learning';

const parts = [
  {
    packId: 'va',
    articleId: 'camp-lejeune',
    passage: 'Who is covered: Veterans, Reservists.',
    score: 1,
  },
  {
    packId: 'va',
    articleId: 'camp-lejeune',
    passage: 'How to apply: file form 10-10EZ.',
    score: 0.9,
  },
];
/** The passages a ranking offers. */
const offered = new Set(parts.map((p) => passageFingerprint(p.passage)));
const cards = parts.map(({ packId, articleId, passage }) => ({ packId, articleId, passage }));
const ask = (text: string) => [{ role: 'customer' as const, text }];

/** An agent uses card `position` after the customer asked `text`, in conversation `id`. */
function use(
  state: ReturnType<typeof emptyLearnedState>,
  id: string,
  text: string,
  position: number,
) {
  observeRecord(
    state,
    { kind: 'copied', target: 'article', id: 'camp-lejeune', position, at: 1, conversationId: id },
    {
      turns: ask(text),
      suggestions: { intent: null, articles: cards, replies: [], escalation: [] },
      packs: [],
    },
  );
}

describe('answer memory', () => {
  it('lifts the passage that answered a question like this one, not its sibling', () => {
    const state = emptyLearnedState();
    use(state, 'c1', 'how do I apply for the camp lejeune benefit', 1);
    use(state, 'c2', 'who is covered by the camp lejeune benefit', 0);
    const boosts = (text: string) =>
      priorBoosts(state, { query: priorQuery(ask(text)), conversationId: 'c3' }, parts)!;
    const apply = boosts('what do I need to apply');
    expect(apply[1]).toBeGreaterThan(apply[0]!);
    const covered = boosts('am I covered');
    expect(covered[0]).toBeGreaterThan(covered[1]!);
  });

  it("does not vote with the conversation's own questions", () => {
    const state = emptyLearnedState();
    use(state, 'c1', 'how do I apply for the benefit', 1);
    const question = new Set(questionTerms(priorQuery(ask('how do I apply'))));
    expect(answerVotes(state, question, 'c1', offered).size).toBe(0);
    expect(
      answerVotes(state, question, 'c2', offered).get(passageFingerprint(parts[1]!.passage)),
    ).toBeGreaterThan(0);
  });

  it('lets only questions answered by an offered passage vote, so others do not crowd them out', () => {
    const state = emptyLearnedState();
    // Six near-identical questions another article answered, one looser one this article did.
    for (let i = 0; i < 6; i++)
      learnAnswer(state, { terms: ['apply', 'benefit', `x${i}`], passage: 'elsewhere', at: i });
    learnAnswer(state, {
      terms: ['apply', 'form', 'camp', 'lejeune'],
      passage: passageFingerprint(parts[1]!.passage),
      at: 9,
    });
    const votes = answerVotes(state, new Set(['apply', 'benefit', 'camp']), null, offered);
    expect([...votes.keys()]).toEqual([passageFingerprint(parts[1]!.passage)]);
  });

  it('ignores a question sharing no rare word', () => {
    const state = emptyLearnedState();
    use(state, 'c1', 'how do I apply for the benefit', 1);
    expect(answerVotes(state, new Set(['parking', 'ticket']), null, offered).size).toBe(0);
  });

  it('keeps the newest questions past its cap, and its term counts with them', () => {
    const state = emptyLearnedState();
    for (let i = 0; i < LEARNED_LIMITS.answers + 10; i++)
      learnAnswer(state, { terms: [`t${i}`, 'shared'], passage: 'p', at: i });
    expect(state.answers).toHaveLength(LEARNED_LIMITS.answers);
    expect(state.answers[0]!.at).toBe(10);
    expect(state.answerTerms.get('t0')).toBeUndefined();
    expect(state.answerTerms.get('shared')).toBe(LEARNED_LIMITS.answers);
  });

  it('survives the file, without the conversation it was learned in', () => {
    const state = emptyLearnedState();
    use(state, 'c1', 'how do I apply for the benefit', 1);
    const file = LearnedStateFileSchema.parse(
      JSON.parse(JSON.stringify(learnedStateToFile(state))),
    );
    expect(file.answers).toEqual([[expect.any(Array), passageFingerprint(parts[1]!.passage), 1]]);
    const again = learnedStateFromFile(file);
    const question = new Set(questionTerms(priorQuery(ask('how do I apply'))));
    expect(answerVotes(again, question, 'c1', offered)).toEqual(
      answerVotes(state, question, 'c2', offered),
    );
  });
});
