/**
 * Intent detection over a conversation: the latest customer turns (the newest weighs most) are
 * scored by the lexical model, optionally mixed with embedding similarity, and the best intent
 * is returned only when its confidence reaches the model's threshold; otherwise "no intent".
 */
import { vectorize } from './features';
import type { IntentModel } from './intent-model';
import { scoreIntents } from './score-intents';

/** What detection reads of a turn. */
export interface IntentTurn {
  readonly role: 'customer' | 'agent';
  readonly text: string;
}

/** An example's embedding, for the neural half of the mix. */
export interface ExampleVector {
  readonly intentId: string;
  readonly vector: Float32Array;
}

/** Optional inputs of `detectIntent`. */
export interface DetectIntentOptions {
  /** Embedding of the latest customer turn (same model as `exampleVectors`). */
  readonly queryVector?: Float32Array;
  readonly exampleVectors?: readonly ExampleVector[];
  /** Overrides the model's threshold (0 always answers). */
  readonly threshold?: number;
  /** How much the embedding similarity counts beside the lexical mix (default 1). */
  readonly embeddingWeight?: number;
}

/** Weights of the latest customer turns, newest first. */
export const TURN_WEIGHTS: readonly number[] = [1, 0.4, 0.15];

function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
}

/** The lexical mix of one text per intent, in [0, 1]. */
export function lexicalScores(model: IntentModel, text: string): Float32Array {
  const s = scoreIntents(model, vectorize(model.vectorizer, text));
  const { logistic, centroid, neighbour } = model.options.weights;
  const total = logistic + centroid + neighbour;
  return s.logistic.map(
    (p, i) => (logistic * p + centroid * s.centroid[i]! + neighbour * s.neighbour[i]!) / total,
  );
}

function embeddingScores(model: IntentModel, options: DetectIntentOptions): Float32Array | null {
  const { queryVector, exampleVectors } = options;
  if (!queryVector || !exampleVectors || exampleVectors.length === 0) return null;
  const position = new Map(model.intents.map((intent, i) => [intent.id, i]));
  const best = new Float32Array(model.intents.length);
  for (const e of exampleVectors) {
    const i = position.get(e.intentId);
    if (i === undefined) continue;
    best[i] = Math.max(best[i]!, cosine(queryVector, e.vector));
  }
  return best;
}

/** A ranked intent: confidence in [0, 1] and the raw mixed score it rests on. */
export interface RankedIntent {
  readonly id: string;
  readonly confidence: number;
  readonly score: number;
}

/** The best intent with its confidence, before thresholding (null without customer turns). */
export function rankIntent(
  model: IntentModel,
  turns: readonly IntentTurn[],
  options: DetectIntentOptions = {},
): RankedIntent | null {
  const customer = turns.filter((t) => t.role === 'customer' && t.text.trim() !== '');
  const latest = customer.slice(-TURN_WEIGHTS.length).reverse();
  if (latest.length === 0) return null;
  const mixed = new Float32Array(model.intents.length);
  let total = 0;
  latest.forEach((turn, age) => {
    const w = TURN_WEIGHTS[age]!;
    const s = lexicalScores(model, turn.text);
    for (let i = 0; i < mixed.length; i++) mixed[i]! += w * s[i]!;
    total += w;
  });
  const embedding = embeddingScores(model, options);
  if (embedding) {
    const w = options.embeddingWeight ?? 1;
    for (let i = 0; i < mixed.length; i++)
      mixed[i] = (mixed[i]! / total + w * embedding[i]!) / (1 + w);
    total = 1;
  }
  let best = 0;
  for (let i = 1; i < mixed.length; i++) if (mixed[i]! > mixed[best]!) best = i;
  const score = mixed[best]! / total;
  // Confidence: the best intent's share of a softmax over intents (how clearly it wins),
  // scaled down when its absolute score is low (how well it matches at all).
  const t = model.options.temperature;
  let sum = 0;
  for (let i = 0; i < mixed.length; i++) sum += Math.exp((mixed[i]! / total - score) / t);
  const share = 1 / sum;
  const confidence = Math.min(
    1,
    Math.max(0, share * Math.min(1, score / model.options.minScore) ** 2),
  );
  return { id: model.intents[best]!.id, confidence, score };
}

/** The conversation's intent, or null when no intent is confident enough ("no intent"). */
export function detectIntent(
  model: IntentModel,
  turns: readonly IntentTurn[],
  options: DetectIntentOptions = {},
): { id: string; confidence: number } | null {
  const ranked = rankIntent(model, turns, options);
  const threshold = options.threshold ?? model.options.threshold;
  return ranked && ranked.confidence >= threshold
    ? { id: ranked.id, confidence: ranked.confidence }
    : null;
}
