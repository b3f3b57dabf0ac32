/**
 * Cross-validation over a pack's intent examples: the examples are dealt into folds (seeded,
 * per intent, so every intent is held out in turn), a scorer is trained without each fold, and
 * each held-out example is scored by the scorer that never saw it. Large packs hold out a
 * sample of at most `maxHeldOut` examples (the same number per intent), which is all the
 * calibration needs; each fold then trains on nearly the whole pack.
 */
import { vectorizeTerms, type FeatureTerms } from './features';
import { trainScorer, type ScorerOptions } from './intent-scorer';
import { matchScores, type MatchScores } from './score-intents';
import { seededRandom } from '../../seeded-random';

/** How the examples are dealt. */
export interface CrossValidationOptions {
  readonly folds: number;
  readonly seed: number;
  /** At most this many held-out examples in all (spread evenly over the intents). */
  readonly maxHeldOut: number;
}

export const DEFAULT_CROSS_VALIDATION: CrossValidationOptions = {
  folds: 5,
  seed: 0,
  maxHeldOut: 1000,
};

/**
 * Folds actually used: `folds` when every example is held out, fewer when only a sample is (one
 * for a pack over `folds` times the sample), each still holding out at most about 1 / `folds`
 * of the pack: the trainings are the cost, and a fold that holds out 7 % of a large pack is as
 * realistic as one that holds out 20 %.
 */
export function foldCount(examples: number, heldOut: number, folds: number): number {
  if (examples === 0) return folds;
  return Math.min(folds, Math.max(1, Math.ceil((folds * heldOut) / examples)));
}

/** A held-out example's scores, by the scorer trained without it. */
export interface HeldOutScores {
  readonly label: number;
  readonly scores: MatchScores;
}

/** The fold of each example (-1: never held out, always trained on). */
export function dealFolds(
  labels: readonly number[],
  intents: number,
  options: CrossValidationOptions,
): Int32Array {
  const fold = new Int32Array(labels.length).fill(-1);
  const byIntent = Array.from({ length: intents }, () => [] as number[]);
  labels.forEach((label, i) => {
    if (label < intents) byIntent[label]!.push(i);
  });
  const perIntent = Math.max(1, Math.ceil(options.maxHeldOut / Math.max(1, intents)));
  const random = seededRandom(options.seed);
  const held = byIntent.map((rows) => {
    for (let i = rows.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [rows[i], rows[j]] = [rows[j]!, rows[i]!];
    }
    return rows.slice(0, perIntent);
  });
  const total = held.reduce((n, rows) => n + rows.length, 0);
  const folds = foldCount(
    byIntent.reduce((n, rows) => n + rows.length, 0),
    total,
    options.folds,
  );
  // Continue the deal where the previous intent stopped, so folds stay even in size.
  let dealt = 0;
  for (const rows of held) for (const row of rows) fold[row] = dealt++ % folds;
  return fold;
}

/**
 * Scores every held-out example. `labels` below `intents` are intents; a label equal to
 * `intents` is the hidden out-of-scope class (trained on, never held out).
 */
export function crossValidate(
  terms: readonly FeatureTerms[],
  labels: readonly number[],
  intents: number,
  outOfScope: number,
  scorer: ScorerOptions,
  options: CrossValidationOptions = DEFAULT_CROSS_VALIDATION,
): HeldOutScores[] {
  const classes = intents + (outOfScope >= 0 ? 1 : 0);
  const fold = dealFolds(labels, intents, options);
  const out: HeldOutScores[] = [];
  const folds = Math.max(0, ...fold) + 1;
  for (let k = 0; k < folds; k++) {
    const train: number[] = [];
    const held: number[] = [];
    fold.forEach((f, i) => (f === k ? held : train).push(i));
    if (held.length === 0 || train.length === 0) continue;
    const model = trainScorer(
      train.map((i) => terms[i]!),
      train.map((i) => labels[i]!),
      classes,
      outOfScope,
      scorer,
    );
    for (const i of held) {
      const x = vectorizeTerms(model.vectorizer, terms[i]!);
      out.push({ label: labels[i]!, scores: matchScores(model, x) });
    }
  }
  return out;
}
