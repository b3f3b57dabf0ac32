/**
 * Intent of one customer message. The message is neutralised (names, ids, dates, amounts out),
 * then scored whole and sentence by sentence; each intent keeps its best calibrated probability
 * over those parts. The best intent is the answer when its probability reaches the pack's
 * confident level; below it there is no answer, only up to three candidates for the agent to
 * pick from.
 */
import { rankByProbability } from './calibration';
import { vectorize } from './features';
import type { IntentModel } from './intent-model';
import { messageUnits } from './message-units';
import { neutralise } from './neutralise';
import { matchScores } from './score-intents';

/** What detection reads of a turn. */
export interface IntentTurn {
  readonly role: 'customer' | 'agent';
  readonly text: string;
}

/** An intent with its calibrated probability (0..1) of being the customer's need. */
export interface IntentGuess {
  readonly id: string;
  readonly confidence: number;
}

/** What a message says about intent. */
export interface MessageIntent {
  /** The most probable intents, most probable first, before any threshold. */
  readonly ranked: readonly IntentGuess[];
  /** The answer, when the best intent reaches the confident level. */
  readonly intent: IntentGuess | null;
  /** Without an answer: up to three intents worth asking the agent about. */
  readonly candidates: readonly IntentGuess[];
}

/** At most this many candidates are offered. */
export const MAX_CANDIDATES = 3;
/** A candidate needs at least this probability (1 in 20) to be worth a key. */
export const CANDIDATE_FLOOR = 0.05;

/** The intents `text` most probably states, each at its best over the message's parts. */
export function rankMessage(model: IntentModel, text: string): IntentGuess[] {
  const best = new Map<number, number>();
  for (const unit of messageUnits(neutralise(text))) {
    const m = matchScores(model.scorer, vectorize(model.scorer.vectorizer, unit));
    for (const { c, probability } of rankByProbability(model.calibration, m, model.intents.length))
      if (probability > (best.get(c) ?? -1)) best.set(c, probability);
  }
  return [...best]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .map(([c, confidence]) => ({ id: model.intents[c]!.id, confidence }));
}

/**
 * The answer or the candidates for `ranked` (from `rankMessage`): candidates are the likeliest
 * intents above `CANDIDATE_FLOOR`, scaled down when their probabilities add up past 1.
 */
export function decide(model: IntentModel, ranked: readonly IntentGuess[]): MessageIntent {
  const top = ranked[0];
  if (top && top.confidence >= model.calibration.confident)
    return { ranked, intent: top, candidates: [] };
  const likely = ranked.slice(0, MAX_CANDIDATES).filter((g) => g.confidence >= CANDIDATE_FLOOR);
  const sum = likely.reduce((s, g) => s + g.confidence, 0);
  const candidates =
    sum > 1 ? likely.map((g) => ({ ...g, confidence: g.confidence / sum })) : likely;
  return { ranked, intent: null, candidates };
}

/** The intent of one message: the answer, or candidates when unsure. */
export function classifyMessage(model: IntentModel, text: string): MessageIntent {
  return decide(model, rankMessage(model, text));
}
