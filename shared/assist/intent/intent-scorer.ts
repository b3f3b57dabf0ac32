/**
 * The lexical scorer a pack's intents train into: TF-IDF vectors of every example (word grams
 * + char grams), a nearest-neighbour index over them, one centroid per intent (whose postings
 * also say which intents' examples carry each feature: the coverage scorer), and a logistic
 * regression over the word features. Needs no neural model. Trained from precomputed feature
 * terms, so cross-validation featurises the examples once for all its folds.
 */
import {
  fitTerms,
  normalise,
  unitVector,
  type FeatureTerms,
  type SparseVector,
  type Vectorizer,
} from './features';
import { DEFAULT_SOFTMAX, trainSoftmax, type SoftmaxModel } from './softmax';

/** Mix of the three similarity scorers (they need not sum to 1), and the training cost. */
export interface ScorerOptions {
  readonly weights: {
    readonly logistic: number;
    readonly centroid: number;
    readonly neighbour: number;
  };
  /** Logistic regression epochs. */
  readonly epochs: number;
}

export const DEFAULT_SCORER: ScorerOptions = {
  weights: { logistic: 1, centroid: 2, neighbour: 2 },
  epochs: 3,
};

/**
 * An inverted index in compressed-sparse-row form: the postings of feature f are
 * `rows/weights[offsets[f] .. offsets[f + 1])` (which examples or intents carry it, how much).
 */
export interface Postings {
  readonly offsets: Int32Array;
  readonly rows: Int32Array;
  readonly weights: Float32Array;
}

/** Builds the inverted index of `vectors` (row i = vectors[i]) over `features` ids. */
export function invert(vectors: readonly SparseVector[], features: number): Postings {
  const offsets = new Int32Array(features + 1);
  for (const x of vectors) for (const id of x.ids) offsets[id + 1]!++;
  for (let f = 0; f < features; f++) offsets[f + 1]! += offsets[f]!;
  const fill = offsets.slice(0, features);
  const rows = new Int32Array(offsets[features]!);
  const weights = new Float32Array(offsets[features]!);
  vectors.forEach((x, row) => {
    for (let k = 0; k < x.ids.length; k++) {
      const at = fill[x.ids[k]!]!++;
      rows[at] = row;
      weights[at] = x.values[k]!;
    }
  });
  return { offsets, rows, weights };
}

/** A trained scorer over `classes` classes; opaque outside this folder. */
export interface IntentScorer {
  /** Classes scored: the intents, plus the hidden out-of-scope class when there is one. */
  readonly classes: number;
  /** Class of the out-of-scope examples (the last one, never answered), or -1. */
  readonly outOfScope: number;
  readonly options: ScorerOptions;
  readonly vectorizer: Vectorizer;
  readonly exampleLabels: Int32Array;
  readonly exampleIndex: Postings;
  readonly centroidIndex: Postings;
  readonly logistic: SoftmaxModel;
}

/** The word-group part of `x` (its leading ids), renormalised: the logistic regression's input. */
export function wordPart(v: Vectorizer, x: SparseVector): SparseVector {
  let n = 0;
  while (n < x.ids.length && x.ids[n]! < v.charOffset) n++;
  return unitVector(x.ids.slice(0, n), x.values.slice(0, n));
}

/**
 * Trains a scorer on examples given as feature terms with their class (0..classes-1); a class
 * may have no examples (a fold that holds all of them out), it then never scores.
 */
export function trainScorer(
  terms: readonly FeatureTerms[],
  labels: readonly number[],
  classes: number,
  outOfScope: number,
  options: ScorerOptions = DEFAULT_SCORER,
): IntentScorer {
  const { vectorizer, vectors: xs } = fitTerms(terms);
  const features = vectorizer.idf.length;
  const exampleIndex = invert(xs, features);
  const sums = Array.from({ length: classes }, () => new Map<number, number>());
  xs.forEach((x, row) => {
    const sum = sums[labels[row]!]!;
    for (let k = 0; k < x.ids.length; k++)
      sum.set(x.ids[k]!, (sum.get(x.ids[k]!) ?? 0) + x.values[k]!);
  });
  const centroidIndex = invert(sums.map(normalise), features);
  const logistic = trainSoftmax(
    xs.map((x) => wordPart(vectorizer, x)),
    labels,
    classes,
    vectorizer.charOffset,
    { ...DEFAULT_SOFTMAX, epochs: options.epochs, minGradient: 1e-2 },
  );
  return {
    classes,
    outOfScope,
    options,
    vectorizer,
    exampleLabels: Int32Array.from(labels),
    exampleIndex,
    centroidIndex,
    logistic,
  };
}
