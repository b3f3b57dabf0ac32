/**
 * The lexical intent model a pack's intents train into at load: TF-IDF vectors of every example
 * (word grams + char grams), a nearest-neighbour index over them, one centroid per intent (whose
 * postings also say which intents' examples carry each feature: the coverage scorer), and a
 * logistic regression over the word features. Needs no neural model. Optional out-of-scope
 * examples train one more, hidden class that answers "no intent" when it wins.
 */
import { AppError } from '../../result';
import {
  fitTransform,
  normalise,
  unitVector,
  type SparseVector,
  type Vectorizer,
} from './features';
import { DEFAULT_SOFTMAX, trainSoftmax, type SoftmaxModel } from './softmax';

/** What the model needs of a pack intent. */
export interface IntentDefinition {
  readonly id: string;
  readonly description: string;
  readonly examples: readonly string[];
}

/** Knobs of the classifier; the defaults are tuned on CLINC150 val (see docs). */
export interface IntentModelOptions {
  /** Below this confidence `detectIntent` answers "no intent". */
  readonly threshold: number;
  /**
   * Match (mixed lexical score × char-gram coverage) under which confidence is scaled down (by
   * the squared ratio): the absolute floor that rejects off-topic messages even in a pack with
   * only a few intents.
   */
  readonly minScore: number;
  /** Mix of the three scorers (they need not sum to 1). */
  readonly weights: {
    readonly logistic: number;
    readonly centroid: number;
    readonly neighbour: number;
  };
  /** Logistic regression epochs (the training cost). */
  readonly epochs: number;
  /** Temperature of the softmax over intents turning mixed scores into a confidence. */
  readonly temperature: number;
}

export const DEFAULT_INTENT_OPTIONS: IntentModelOptions = {
  threshold: 0.5,
  minScore: 0.2,
  weights: { logistic: 1, centroid: 2, neighbour: 2 },
  epochs: 3,
  temperature: 0.05,
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

/** A trained intent model; opaque outside this folder. */
export interface IntentModel {
  /** The intents the model answers with, in class order. */
  readonly intents: readonly { readonly id: string; readonly description: string }[];
  /**
   * Class of the out-of-scope examples (`intents.length`: the last class, never answered), or
   * -1 without them.
   */
  readonly outOfScope: number;
  readonly options: IntentModelOptions;
  readonly vectorizer: Vectorizer;
  readonly exampleLabels: Int32Array;
  readonly exampleIndex: Postings;
  readonly centroidIndex: Postings;
  readonly logistic: SoftmaxModel;
}

/** Classes the model scores: its intents, plus the out-of-scope class when it has one. */
export function classCount(model: IntentModel): number {
  return model.intents.length + (model.outOfScope >= 0 ? 1 : 0);
}

/** The word-group part of `x` (its leading ids), renormalised: the logistic regression's input. */
export function wordPart(v: Vectorizer, x: SparseVector): SparseVector {
  let n = 0;
  while (n < x.ids.length && x.ids[n]! < v.charOffset) n++;
  return unitVector(x.ids.slice(0, n), x.values.slice(0, n));
}

/**
 * Trains the model on the intents' examples. `outOfScopeExamples` (optional: messages that
 * belong to none of the intents) train a hidden class; a message closest to it gets confidence 0.
 */
export function buildIntentModel(
  intents: readonly IntentDefinition[],
  options: Partial<IntentModelOptions> = {},
  outOfScopeExamples: readonly string[] = [],
): IntentModel {
  const opts: IntentModelOptions = { ...DEFAULT_INTENT_OPTIONS, ...options };
  if (intents.length === 0)
    throw new AppError('invalid_request', 'an intent model needs at least one intent');
  const outOfScope = outOfScopeExamples.length > 0 ? intents.length : -1;
  const classes: readonly IntentDefinition[] =
    outOfScope < 0
      ? intents
      : [...intents, { id: '', description: '', examples: outOfScopeExamples }];
  const texts: string[] = [];
  const labels: number[] = [];
  classes.forEach((intent, i) => {
    for (const e of intent.examples) {
      texts.push(e);
      labels.push(i);
    }
  });
  if (texts.length === outOfScopeExamples.length)
    throw new AppError('invalid_request', 'the intents have no examples');
  const { vectorizer, vectors: xs } = fitTransform(texts);
  const features = vectorizer.idf.length;
  const exampleIndex = invert(xs, features);
  const sums = classes.map(() => new Map<number, number>());
  xs.forEach((x, row) => {
    const sum = sums[labels[row]!]!;
    for (let k = 0; k < x.ids.length; k++)
      sum.set(x.ids[k]!, (sum.get(x.ids[k]!) ?? 0) + x.values[k]!);
  });
  const centroidIndex = invert(sums.map(normalise), features);
  const logistic = trainSoftmax(
    xs.map((x) => wordPart(vectorizer, x)),
    labels,
    classes.length,
    vectorizer.charOffset,
    { ...DEFAULT_SOFTMAX, epochs: opts.epochs, minGradient: 1e-2 },
  );
  return {
    intents: intents.map(({ id, description }) => ({ id, description })),
    outOfScope,
    options: opts,
    vectorizer,
    exampleLabels: Int32Array.from(labels),
    exampleIndex,
    centroidIndex,
    logistic,
  };
}
