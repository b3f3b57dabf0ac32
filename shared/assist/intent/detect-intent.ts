/**
 * Intent detection over a conversation: the latest customer turns (the newest weighs most) are
 * scored by the lexical model, optionally mixed with embedding similarity, and the best intent
 * is returned only when its confidence reaches the model's threshold; otherwise "no intent".
 * Confidence weighs how clearly the intent wins and how much of the wording its examples cover.
 */
import { vectorize } from './features';
import { classCount, type IntentModel, type IntentModelOptions } from './intent-model';
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

/** The lexical mix of one text per class, in [0, 1], with the text's coverage by each class. */
export function lexicalScores(
  model: IntentModel,
  text: string,
): { mix: Float32Array; coverage: Float32Array } {
  const s = scoreIntents(model, vectorize(model.vectorizer, text));
  const { logistic, centroid, neighbour } = model.options.weights;
  const total = logistic + centroid + neighbour;
  const mix = s.logistic.map(
    (p, i) => (logistic * p + centroid * s.centroid[i]! + neighbour * s.neighbour[i]!) / total,
  );
  return { mix, coverage: s.coverage };
}

function embeddingScores(model: IntentModel, options: DetectIntentOptions): Float32Array | null {
  const { queryVector, exampleVectors } = options;
  if (!queryVector || !exampleVectors || exampleVectors.length === 0) return null;
  const position = new Map(model.intents.map((intent, i) => [intent.id, i]));
  const best = new Float32Array(classCount(model));
  for (const e of exampleVectors) {
    const i = position.get(e.intentId);
    if (i === undefined) continue;
    best[i] = Math.max(best[i]!, cosine(queryVector, e.vector));
  }
  return best;
}

/**
 * A ranked intent: confidence in [0, 1], the raw mixed score it rests on, and the share of the
 * customer's wording (char-gram IDF mass) the intent's examples contain.
 */
export interface RankedIntent {
  readonly id: string;
  readonly confidence: number;
  readonly score: number;
  readonly coverage: number;
}

/**
 * Confidence of the best class: its softmax share over all classes at `temperature` (how
 * clearly it wins) × `min(1, score × coverage / minScore)²` (how well it matches at all: a
 * message whose rare words no example of the intent contains matches less than its cosine says).
 */
export function intentConfidence(
  mixed: Float32Array,
  best: number,
  coverage: number,
  options: Pick<IntentModelOptions, 'temperature' | 'minScore'>,
): number {
  const score = mixed[best]!;
  let sum = 0;
  for (let i = 0; i < mixed.length; i++) sum += Math.exp((mixed[i]! - score) / options.temperature);
  const share = 1 / sum;
  const match = Math.min(1, (score * coverage) / options.minScore);
  return Math.min(1, Math.max(0, share * match ** 2));
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
  const classes = classCount(model);
  const mixed = new Float32Array(classes);
  // Coverage of the turns, each weighted by how much it says for the class: a content-free
  // "yes please" after "cancel my subscription" does not dilute the earlier turn's coverage.
  const covered = new Float32Array(classes);
  let total = 0;
  latest.forEach((turn, age) => {
    const w = TURN_WEIGHTS[age]!;
    const { mix, coverage } = lexicalScores(model, turn.text);
    for (let i = 0; i < classes; i++) {
      mixed[i]! += w * mix[i]!;
      covered[i]! += w * mix[i]! * coverage[i]!;
    }
    total += w;
  });
  for (let i = 0; i < classes; i++) {
    covered[i] = mixed[i]! > 0 ? Math.min(1, covered[i]! / mixed[i]!) : 0;
    mixed[i]! /= total;
  }
  const embedding = embeddingScores(model, options);
  if (embedding) {
    const w = options.embeddingWeight ?? 1;
    for (let i = 0; i < classes; i++) mixed[i] = (mixed[i]! + w * embedding[i]!) / (1 + w);
  }
  let best = 0;
  for (let i = 1; i < model.intents.length; i++) if (mixed[i]! > mixed[best]!) best = i;
  const coverage = covered[best]!;
  const outOfScope = model.outOfScope >= 0 && mixed[model.outOfScope]! > mixed[best]!;
  const confidence = outOfScope ? 0 : intentConfidence(mixed, best, coverage, model.options);
  return { id: model.intents[best]!.id, confidence, score: mixed[best]!, coverage };
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
