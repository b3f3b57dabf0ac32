/**
 * Calibration of intent scores on a pack's own examples. Cross-validation gives, for each
 * held-out example, how well it matched each likely intent; a logistic (Platt) fit over those
 * (intent, example) pairs turns three match features into the probability that the intent is
 * the right one, and the answers it gives on the held-out examples set the confident level:
 * the lowest probability at which the pack's held-out answers are still `precision` right.
 * Nothing here is tuned on a public dataset: every value comes from the pack's examples.
 */
import type { MatchScores } from './score-intents';

/** A fitted calibration: probability = σ(bias + Σ weights·(features − mean)/scale). */
export interface Calibration {
  readonly mean: readonly number[];
  readonly scale: readonly number[];
  /** One per feature, never negative: the probability only grows with each feature. */
  readonly weights: readonly number[];
  readonly bias: number;
  /** Probability at or above which the best intent is given as the answer. */
  readonly confident: number;
  /** Held-out examples the calibration was measured on. */
  readonly heldOut: number;
  /** Share of them whose best intent was right (cross-validated accuracy). */
  readonly accuracy: number;
}

/** The margin of class `c` in `scores` over the best other class. */
function margin(scores: Float32Array, c: number): number {
  let other = 0;
  for (let j = 0; j < scores.length; j++) if (j !== c && scores[j]! > other) other = scores[j]!;
  return scores[c]! - other;
}

/**
 * The match features of class `c`, each rising with the evidence for it: per scorer (the mix,
 * the logistic regression, the centroid and the nearest example) its score and its margin over
 * the best other class (how clearly it wins), and the log of the class's coverage (how much of
 * the wording its examples contain: off-topic words lower it). The calibration weighs them for
 * the pack, keeping only those that help on its held-out examples.
 */
export function classFeatures(m: MatchScores, c: number): number[] {
  return [
    m.mixed[c]!,
    margin(m.mixed, c),
    m.logistic[c]!,
    margin(m.logistic, c),
    m.centroid[c]!,
    margin(m.centroid, c),
    m.neighbour[c]!,
    margin(m.neighbour, c),
    Math.log(Math.max(0.01, m.coverage[c]!)),
  ];
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** The calibrated probability of `features` (from `classFeatures`), in [0, 1]. */
export function calibratedProbability(
  calibration: Pick<Calibration, 'mean' | 'scale' | 'weights' | 'bias'>,
  features: readonly number[],
): number {
  let z = calibration.bias;
  features.forEach((f, i) => {
    z += (calibration.weights[i]! * (f - calibration.mean[i]!)) / calibration.scale[i]!;
  });
  return sigmoid(z);
}

/** One (intent, held-out example) pair: its match features and whether the intent is right. */
export interface CalibrationSample {
  readonly features: readonly number[];
  readonly correct: boolean;
}

/**
 * Fits the logistic calibration by Newton's method on standardised features with an L2 prior of
 * strength `l2` (1, as scikit-learn's default C = 1). While a weight comes out negative, the
 * most negative one's feature is dropped and the rest refitted, so the probability never falls
 * as a feature grows.
 */
export function fitPlatt(
  samples: readonly CalibrationSample[],
  l2 = 1,
): Pick<Calibration, 'mean' | 'scale' | 'weights' | 'bias'> {
  const d = samples[0]?.features.length ?? 0;
  const n = samples.length;
  const mean = Array.from({ length: d }, (_, i) =>
    n > 0 ? samples.reduce((s, x) => s + x.features[i]!, 0) / n : 0,
  );
  const scale = mean.map((m, i) => {
    const v = n > 0 ? samples.reduce((s, x) => s + (x.features[i]! - m) ** 2, 0) / n : 0;
    return v > 1e-12 ? Math.sqrt(v) : 1;
  });
  const xs = samples.map((s) => s.features.map((f, i) => (f - mean[i]!) / scale[i]!));
  const ys = samples.map((s) => (s.correct ? 1 : 0));
  const active = Array.from({ length: d }, () => true);
  for (;;) {
    const { weights, bias } = newton(xs, ys, active, l2);
    let negative = -1;
    weights.forEach((w, i) => {
      if (active[i] && w < 0 && (negative < 0 || w < weights[negative]!)) negative = i;
    });
    if (negative < 0) return { mean, scale, weights, bias };
    active[negative] = false;
  }
}

/** Penalised logistic regression over the `active` features (the others get weight 0). */
function newton(
  xs: readonly number[][],
  ys: readonly number[],
  active: readonly boolean[],
  l2: number,
): { weights: number[]; bias: number } {
  const on = active.flatMap((a, i) => (a ? [i] : []));
  const k = on.length + 1; // the bias last, not penalised
  const beta = new Array<number>(k).fill(0);
  const positives = ys.reduce((s, y) => s + y, 0);
  beta[k - 1] = Math.log((positives + 0.5) / (ys.length - positives + 0.5));
  for (let iter = 0; iter < 30; iter++) {
    const grad = new Array<number>(k).fill(0);
    const hess = Array.from({ length: k }, () => new Array<number>(k).fill(0));
    xs.forEach((x, r) => {
      const row = [...on.map((i) => x[i]!), 1];
      const p = sigmoid(row.reduce((s, v, j) => s + v * beta[j]!, 0));
      const w = Math.max(p * (1 - p), 1e-12);
      for (let a = 0; a < k; a++) {
        grad[a]! += (p - ys[r]!) * row[a]!;
        for (let b = 0; b < k; b++) hess[a]![b]! += w * row[a]! * row[b]!;
      }
    });
    for (let a = 0; a < k - 1; a++) {
      grad[a]! += l2 * beta[a]!;
      hess[a]![a]! += l2;
    }
    hess[k - 1]![k - 1]! += 1e-9;
    const step = solve(hess, grad);
    let moved = 0;
    for (let a = 0; a < k; a++) {
      beta[a]! -= step[a]!;
      moved = Math.max(moved, Math.abs(step[a]!));
    }
    if (moved < 1e-6) break;
  }
  const weights = active.map(() => 0);
  on.forEach((i, j) => (weights[i] = beta[j]!));
  return { weights, bias: beta[k - 1]! };
}

/** Solves `a · x = b` by Gaussian elimination with partial pivoting (a small, dense system). */
function solve(a: readonly number[][], b: readonly number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++)
      if (Math.abs(m[r]![col]!) > Math.abs(m[pivot]![col]!)) pivot = r;
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    const p = m[col]![col]!;
    if (Math.abs(p) < 1e-15) continue;
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = m[r]![col]! / p;
      for (let c = col; c <= n; c++) m[r]![c]! -= f * m[col]![c]!;
    }
  }
  return m.map((row, i) => (Math.abs(row[i]!) < 1e-15 ? 0 : row[n]! / row[i]!));
}

/** A held-out example's answer: the calibrated probability of its best intent, and if right. */
export interface HeldOutAnswer {
  readonly probability: number;
  readonly correct: boolean;
}

/**
 * The confident level: the lowest probability at which held-out answers are right at least
 * `precision` of the time, both locally (the isotonic fit of rightness against probability at
 * that level: an answer just above the level is as good as promised, not only the average of
 * all better ones) and over all answers at or above it, counted by the rule of succession
 * ((right + 1) / (answers + 2)) so a pack with few examples must show several right answers
 * first. 1 (nothing is confident) when no level qualifies.
 */
export function confidentLevel(answers: readonly HeldOutAnswer[], precision: number): number {
  const blocks = isotonic(answers);
  let level = 1;
  let right = 0;
  let seen = 0;
  for (let b = blocks.length - 1; b >= 0; b--) {
    const block = blocks[b]!;
    right += block.right;
    seen += block.count;
    if (block.right / block.count < precision || (right + 1) / (seen + 2) < precision) break;
    level = block.from;
  }
  return level;
}

/** A run of answers (by probability) pooled by the isotonic fit. */
interface Block {
  /** Lowest probability in the block. */
  from: number;
  right: number;
  count: number;
}

/**
 * The isotonic (pool-adjacent-violators) fit of rightness against probability: blocks of
 * answers, lowest probabilities first, whose rates of right answers never fall.
 */
export function isotonic(answers: readonly HeldOutAnswer[]): Block[] {
  const sorted = [...answers].sort((a, b) => a.probability - b.probability);
  const blocks: Block[] = [];
  sorted.forEach((a, i) => {
    const tied = i > 0 && sorted[i - 1]!.probability === a.probability;
    let block: Block = { from: a.probability, right: a.correct ? 1 : 0, count: 1 };
    if (tied) {
      const last = blocks.pop()!;
      block = { from: last.from, right: last.right + block.right, count: last.count + 1 };
    }
    while (blocks.length > 0) {
      const last = blocks[blocks.length - 1]!;
      if (last.right / last.count < block.right / block.count) break;
      blocks.pop();
      block = { from: last.from, right: last.right + block.right, count: last.count + block.count };
    }
    blocks.push(block);
  });
  return blocks;
}

/** How many of the best-scoring intents get a calibrated probability (the rest are ~0). */
export const CANDIDATE_POOL = 5;

/** A class with its calibrated probability. */
export interface ClassProbability {
  readonly c: number;
  readonly probability: number;
}

/** The `CANDIDATE_POOL` intents (classes below `intents`) with the best mixed scores, best first. */
export function candidatePool(mixed: Float32Array, intents: number): number[] {
  const pool: number[] = [];
  for (let c = 0; c < intents; c++) {
    if (pool.length < CANDIDATE_POOL) pool.push(c);
    else if (mixed[c]! > mixed[pool[pool.length - 1]!]!) pool[pool.length - 1] = c;
    else continue;
    pool.sort((a, b) => mixed[b]! - mixed[a]! || a - b);
  }
  return pool;
}

/**
 * The calibrated probabilities of the candidate pool of `m` (never the hidden out-of-scope
 * class), most probable first.
 */
export function rankByProbability(
  calibration: Pick<Calibration, 'mean' | 'scale' | 'weights' | 'bias'>,
  m: MatchScores,
  intents: number,
): ClassProbability[] {
  return candidatePool(m.mixed, intents)
    .map((c) => ({ c, probability: calibratedProbability(calibration, classFeatures(m, c)) }))
    .sort((a, b) => b.probability - a.probability || a.c - b.c);
}
