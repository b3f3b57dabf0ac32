/**
 * The questions this device's uses answered: for each card the agent used, the terms of the
 * customer's latest turn and the passage's fingerprint. A new question that resembles earlier
 * ones (cosine over their terms, each weighted by how rare it is among the remembered questions)
 * votes for the passages those answered. Term priors weigh every word on its own; a question is
 * its words together, which is what tells two passages of one article apart ("who is covered"
 * against "how do I apply" share the article's words, not each other's). The questions are kept
 * by `learnAnswer` (learned-state.ts: the oldest go past `LEARNED_LIMITS.answers`). Terms come
 * from redacted text, as everything here.
 */
import type { LearnedState } from './learned-state';

/** Questions that vote: the most similar ones, each at least this similar. */
export const ANSWER_NEIGHBOURS = 5;
export const ANSWER_MIN_SIMILARITY = 0.3;

/** How rare each term is among the remembered questions (each term's logarithm taken once). */
function idfOf(state: LearnedState): (term: string) => number {
  const known = new Map<string, number>();
  return (term) => {
    let w = known.get(term);
    if (w === undefined) {
      w = Math.log(1 + state.answers.length / ((state.answerTerms.get(term) ?? 0) + 0.5));
      known.set(term, w);
    }
    return w;
  };
}

/**
 * Passage fingerprint → the similarity of the most similar remembered question it answered,
 * over the `ANSWER_NEIGHBOURS` most similar questions at least `ANSWER_MIN_SIMILARITY` alike
 * among those answered by one of `candidates` (the passages the ranking offers: a question
 * answered elsewhere must not take a neighbour's place). Questions of the conversation
 * `conversationId` itself do not vote (what the agent used in it is the conversation's own
 * memory).
 */
export function answerVotes(
  state: LearnedState,
  question: ReadonlySet<string>,
  conversationId: string | null,
  candidates: ReadonlySet<string>,
): Map<string, number> {
  const votes = new Map<string, number>();
  if (state.answers.length === 0 || question.size === 0 || candidates.size === 0) return votes;
  const idf = idfOf(state);
  const weights = new Map<string, number>();
  let norm = 0;
  for (const t of question) {
    const w = idf(t);
    weights.set(t, w);
    norm += w * w;
  }
  const near: { passage: string; similarity: number }[] = [];
  for (const entry of state.answers) {
    if (conversationId !== null && entry.conversation === conversationId) continue;
    if (!candidates.has(entry.passage)) continue;
    let dot = 0;
    for (const t of entry.terms) dot += (weights.get(t) ?? 0) ** 2;
    if (dot === 0) continue;
    let own = 0;
    for (const t of entry.terms) own += idf(t) ** 2;
    const similarity = dot / Math.sqrt(norm * own);
    if (similarity >= ANSWER_MIN_SIMILARITY) near.push({ passage: entry.passage, similarity });
  }
  near.sort((a, b) => b.similarity - a.similarity);
  for (const { passage, similarity } of near.slice(0, ANSWER_NEIGHBOURS))
    votes.set(passage, Math.max(votes.get(passage) ?? 0, similarity));
  return votes;
}
