/**
 * Learned article priors: an article the agent used (copied, opened, "this answered it") or
 * dismissed ("not relevant") for a conversation teaches a preference under each of the
 * conversation's query terms and under its intent, and so does the passage of the card (which
 * part of the article answered: most misses once the article is right are its wrong passage).
 * A use is weighted by the inverse of how likely the agent was to look at the position it was
 * shown at (a use of the fifth card says more than a use of the first, which agents read
 * anyway), with that weight capped. At search
 * time the preference of every candidate article is a share in [-1, 1] (its uses minus its
 * dismissals over everything learned under the key, plus one unseen decision), averaged over
 * the query's terms weighted as the conversation weighs them; in the live conversation, an
 * article the agent already used (or dismissed) in it counts for (or against) itself, and the
 * very card they used steps back. The passage's own evidence is the share of the article's
 * decisions under the query's terms that went to that very passage, each term counting less the
 * more passages it was used for (a word said about everything says little about which part).
 * Questions like this one that earlier uses answered vote for their passages too (`answer-memory`).
 * The score moves by at most `PRIOR_CAP` of the best score for the article and `PASSAGE_CAP` for
 * the passage, so one click can neither bury the pack's own ranking nor lift an article from
 * nowhere.
 */
import { analyze } from '../knowledge/analyzer';
import { words as tokenize } from '../knowledge/tokenizer';
import { answerVotes } from './answer-memory';
import {
  addToCell,
  articleKey,
  articleRef,
  emptyPriorRow,
  type LearnedState,
  type PriorRow,
} from './learned-state';

/** The most a learned prior moves a score (scores are normalised: the best hit has 1). */
export const PRIOR_CAP = 0.3;
/** The most a learned passage preference moves a score, on top of its article's prior. */
export const PASSAGE_CAP = 0.2;
/** Query terms a decision teaches, and a search reads: the most weighted of the conversation. */
export const PRIOR_TERMS = 16;
/** Position-bias exponent: the chance an agent reads the card at 0-based position p ∝ 1/(p+1)^η. */
export const POSITION_BIAS = 1;
/** A use counts at most this many times (the inverse-propensity cap). */
export const MAX_POSITION_WEIGHT = 3;
/** The unseen decision every key starts with: one decision gives a share of 1/2, not 1. */
const SMOOTHING = 1;
/**
 * An article the agent used earlier in this conversation counts this much evidence (of 1) for
 * the rest of it (dismissed: against); the card they used counts `USED_CARD_SHARE` against
 * itself: it has done its job, the customer's next question wants the next passage.
 */
export const CONVERSATION_SHARE = 0.7;
export const USED_CARD_SHARE = 0.3;
/**
 * How much a remembered question's vote counts toward its passage (`answer-memory.ts`): a
 * question alike in every word moves the passage by half its cap.
 */
export const ANSWER_SHARE = 0.5;
/** How much older customer turns count (the latest counts 1; agent turns count AGENT_SHARE). */
const TURN_DECAY = 0.6;
const AGENT_SHARE = 0.3;

/** What a prior reads of a turn. */
export interface PriorTurn {
  readonly role: 'customer' | 'agent';
  readonly text: string;
}

/**
 * The conversation's prior terms with their weights: each term at the weight of the latest turn
 * it occurs in (the latest customer turn 1, each earlier customer turn `TURN_DECAY` less, agent
 * turns `AGENT_SHARE` of that), the `PRIOR_TERMS` heaviest.
 */
export function priorQuery(turns: readonly PriorTurn[]): Map<string, number> {
  return priorTerms(turns).query;
}

/** `priorQuery`, with the word each term came from (what a team proposal shows as an alias). */
export function priorTerms(turns: readonly PriorTurn[]): {
  query: Map<string, number>;
  words: Map<string, string>;
} {
  const weights = new Map<string, number>();
  const words = new Map<string, string>();
  let age = 0;
  for (let i = turns.length - 1; i >= 0; i--) {
    const turn = turns[i]!;
    const w = TURN_DECAY ** age * (turn.role === 'customer' ? 1 : AGENT_SHARE);
    if (turn.role === 'customer') age += 1;
    for (const word of tokenize(turn.text)) {
      const term = analyze(word)[0];
      if (term === undefined || weights.has(term)) continue;
      weights.set(term, w);
      words.set(term, word);
    }
  }
  // Stable order: heaviest first, then as met from the latest turn back.
  const query = new Map([...weights].sort((a, b) => b[1] - a[1]).slice(0, PRIOR_TERMS));
  return { query, words };
}

/** The terms of the customer's latest turn among the conversation's prior terms (weight 1). */
export function questionTerms(query: ReadonlyMap<string, number>): string[] {
  return [...query].filter(([, q]) => q === 1).map(([term]) => term);
}

/** How much a decision at 0-based `position` counts (unknown position: the cap). */
export function positionWeight(position: number | null): number {
  if (position === null || position < 0) return MAX_POSITION_WEIGHT;
  return Math.min(MAX_POSITION_WEIGHT, (position + 1) ** POSITION_BIAS);
}

/** One decision about an article in a conversation. */
export interface ArticleDecision {
  readonly packId: string;
  readonly articleId: string;
  readonly used: boolean;
  /** 0-based rank it was shown at; null when it was not among the cards (found by search). */
  readonly position: number | null;
  readonly query: ReadonlyMap<string, number>;
  /** The word each query term came from. */
  readonly words?: ReadonlyMap<string, string>;
  readonly intentId: string | null;
  /** The fingerprint of the card's passage (`passageFingerprint`), when the card said it. */
  readonly passage?: string;
}

function addTo(
  row: PriorRow | undefined,
  article: number,
  decision: ArticleDecision,
  w: number,
  word = '',
): PriorRow {
  const target = row ?? emptyPriorRow(word);
  const [used, dismissed] = decision.used ? [w, 0] : [0, w];
  addToCell(target.cells, article, used, dismissed);
  if (decision.passage) addToCell(target.passages, decision.passage, used, dismissed);
  target.weight += w;
  return target;
}

/**
 * Learns one article decision (in place). `newKeys` collects the terms and intent first learned
 * in this conversation, whose conversation count goes up by one.
 */
export function learnArticle(
  state: LearnedState,
  decision: ArticleDecision,
  firstInConversation: (key: string) => boolean,
): void {
  const article = articleRef(state, decision.packId, decision.articleId);
  // A use is corrected for position; a dismissal is a look the agent did take: weight 1.
  const w = decision.used ? positionWeight(decision.position) : 1;
  for (const [term, q] of decision.query) {
    const word = decision.words?.get(term) ?? term;
    const row = addTo(state.terms.get(term), article, decision, w * q, word);
    if (firstInConversation(`t:${term}`)) row.conversations += 1;
    state.terms.set(term, row);
  }
  if (decision.intentId !== null) {
    const row = addTo(state.intentPriors.get(decision.intentId), article, decision, w);
    if (firstInConversation(`i:${decision.intentId}`)) row.conversations += 1;
    state.intentPriors.set(decision.intentId, row);
  }
}

/** The share of `article` in `row`, in [-1, 1]; 0 when the row does not know it. */
function share(row: PriorRow, article: number): number {
  const cell = row.cells.get(article);
  return cell ? (cell.used - cell.dismissed) / (row.weight + SMOOTHING) : 0;
}

/** How much a row says about which passage: less the more passages it was learned for. */
const passageSpecificity = (row: PriorRow): number => 1 / Math.log2(1 + row.passages.size);

/**
 * The passage's share of its article's decisions under `rows`, in [-1, 1]: its uses minus its
 * dismissals over the article's decisions (plus one unseen), each row weighted by its query
 * weight and its specificity.
 */
function passageShare(
  rows: readonly { row: PriorRow; q: number }[],
  article: number,
  fingerprint: string,
): number {
  let passage = 0;
  let all = 0;
  for (const { row, q } of rows) {
    const articleCell = row.cells.get(article);
    if (!articleCell) continue;
    const w = q * passageSpecificity(row);
    all += w * (articleCell.used + articleCell.dismissed);
    const cell = row.passages.get(fingerprint);
    if (cell) passage += w * (cell.used - cell.dismissed);
  }
  return passage / (all + SMOOTHING);
}

/** What a search knows beside the turns: the conversation's intent and id, when it has them. */
export interface SearchContext {
  readonly intentId?: string | null;
  /** The live conversation the search is for (the assist path); absent for a search box query. */
  readonly conversationId?: string | null;
}

/** What a search asks the priors: the conversation's prior terms, intent and id. */
export interface PriorContext extends SearchContext {
  readonly query: ReadonlyMap<string, number>;
}

/**
 * The score change of each candidate (by pack and article id), in [-PRIOR_CAP, PRIOR_CAP]; null
 * when nothing learned applies (the ranking stays exactly as it was).
 */
export function priorBoosts(
  state: LearnedState,
  context: PriorContext,
  candidates: readonly PriorCandidate[],
): Float64Array | null {
  const rows: { row: PriorRow; q: number }[] = [];
  let total = 0;
  for (const [term, q] of context.query) {
    total += q;
    const row = state.terms.get(term);
    if (row) rows.push({ row, q });
  }
  // What the agent did earlier in this very conversation (the assist path says which it is).
  const memo =
    context.conversationId && state.current?.id === context.conversationId ? state.current : null;
  const intentRow = context.intentId ? state.intentPriors.get(context.intentId) : undefined;
  if (intentRow) {
    rows.push({ row: intentRow, q: 1 });
    total += 1;
  } else if (context.intentId) total += 1;
  const fingerprints = candidates.map((c) => passageFingerprint(c.passage));
  const answers = answerVotes(
    state,
    new Set(questionTerms(context.query)),
    context.conversationId ?? null,
    new Set(fingerprints),
  );
  if ((rows.length === 0 || total === 0) && !memo?.articleVotes.size && answers.size === 0)
    return null;
  const boosts = new Float64Array(candidates.length);
  let any = false;
  candidates.forEach((c, i) => {
    const key = articleKey(c.packId, c.articleId);
    const article = state.articleIndex.get(key);
    if (article === undefined) return;
    const fingerprint = fingerprints[i]!;
    let sum = 0;
    for (const { row, q } of rows) sum += q * share(row, article);
    let evidence = total > 0 ? sum / total : 0;
    let passage =
      passageShare(rows, article, fingerprint) + ANSWER_SHARE * (answers.get(fingerprint) ?? 0);
    if (memo) {
      evidence += CONVERSATION_SHARE * Math.sign(memo.articleVotes.get(key) ?? 0);
      if (memo.usedPassages.has(fingerprint)) passage -= USED_CARD_SHARE;
    }
    boosts[i] = PRIOR_CAP * clamp(evidence) + PASSAGE_CAP * clamp(passage);
    if (boosts[i] !== 0) any = true;
  });
  return any ? boosts : null;
}

const clamp = (x: number): number => Math.max(-1, Math.min(1, x));

/** A scored candidate of a ranking. */
export interface PriorCandidate {
  readonly packId: string;
  readonly articleId: string;
  /** The passage's text (its fingerprint follows it across pack versions). */
  readonly passage: string;
  readonly score: number;
}

/** A short fingerprint of a passage's text (FNV-1a, 32 bits, base 36). */
export function passageFingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

/**
 * The learned re-ranking step: the score of each of `candidates` (best first, best score 1)
 * plus its prior, normalised so the best is 1 again; null when no prior applies (the ranking
 * stays the pack's own). The caller re-orders (and re-diversifies) by them.
 */
export function scoresWithPriors(
  state: LearnedState,
  context: PriorContext,
  candidates: readonly PriorCandidate[],
): number[] | null {
  const boosts = priorBoosts(state, context, candidates);
  if (!boosts) return null;
  const moved = candidates.map((c, i) => Math.max(0, c.score + boosts[i]!));
  const best = Math.max(...moved) || 1;
  return moved.map((s) => s / best);
}

/** The learned re-ranking step as the knowledge service calls it (the learning service's). */
export interface LearnedRanking {
  /** True when learned priors may change a ranking (learning on and something learned). */
  active(): boolean;
  /** `scoresWithPriors` over the device's learned state, for the conversation's `priorQuery`. */
  rescore(
    query: ReadonlyMap<string, number>,
    candidates: readonly PriorCandidate[],
    context?: SearchContext,
  ): number[] | null;
}
