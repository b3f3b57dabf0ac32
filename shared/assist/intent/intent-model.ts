/**
 * The intent model a pack set trains into when the engine is prepared (at install or load,
 * never per turn): a lexical scorer over the intents' examples (plus examples learned from the
 * agents' corrections), calibrated by cross-validation on those same examples, so that its
 * probabilities and its confident level come from the pack itself. Deterministic: the folds
 * and the training are seeded.
 */
import { AppError } from '../../result';
import {
  candidatePool,
  classFeatures,
  fitPlatt,
  rankByProbability,
  confidentLevel,
  type Calibration,
  type CalibrationSample,
  type HeldOutAnswer,
} from './calibration';
import {
  crossValidate,
  DEFAULT_CROSS_VALIDATION,
  type CrossValidationOptions,
  type HeldOutScores,
} from './cross-validate';
import { featureTerms } from './features';
import {
  DEFAULT_SCORER,
  trainScorer,
  type IntentScorer,
  type ScorerOptions,
} from './intent-scorer';
import { neutralise } from './neutralise';

/** What the model needs of a pack intent. */
export interface IntentDefinition {
  readonly id: string;
  readonly description: string;
  readonly examples: readonly string[];
}

/** Extra examples per intent id (redacted customer wording the agents confirmed). */
export type LearnedExamples = ReadonlyMap<string, readonly string[]>;

/** How the model is trained and calibrated. */
export interface IntentModelOptions {
  readonly scorer: ScorerOptions;
  readonly crossValidation: CrossValidationOptions;
  /** Share of confident answers that must be right on the held-out examples. */
  readonly precision: number;
  /**
   * Messages that belong to none of the intents (optional): they train a hidden class, and a
   * message closer to it than to any intent gets a low probability for every intent.
   */
  readonly outOfScopeExamples: readonly string[];
}

/** The product's promise: at least 9 confident answers in 10 are right. */
export const CONFIDENT_PRECISION = 0.9;

export const DEFAULT_INTENT_OPTIONS: IntentModelOptions = {
  scorer: DEFAULT_SCORER,
  crossValidation: DEFAULT_CROSS_VALIDATION,
  precision: CONFIDENT_PRECISION,
  outOfScopeExamples: [],
};

/** A trained, calibrated intent model; opaque outside this folder. */
export interface IntentModel {
  /** The intents the model answers with, in class order. */
  readonly intents: readonly { readonly id: string; readonly description: string }[];
  readonly scorer: IntentScorer;
  readonly calibration: Calibration;
}

/** The examples of each intent, learned ones added, neutralised, repeats (same wording) dropped. */
function trainingTexts(
  intents: readonly IntentDefinition[],
  learned: LearnedExamples,
): { texts: string[]; labels: number[] } {
  const texts: string[] = [];
  const labels: number[] = [];
  intents.forEach((intent, label) => {
    const seen = new Set<string>();
    for (const example of [...intent.examples, ...(learned.get(intent.id) ?? [])]) {
      const text = neutralise(example);
      const key = text
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        .trim();
      if (key === '' || seen.has(key)) continue;
      seen.add(key);
      texts.push(text);
      labels.push(label);
    }
  });
  return { texts, labels };
}

/** Fits the calibration on the held-out scores and finds the confident level. */
export function calibrateOn(
  heldOut: readonly HeldOutScores[],
  intents: number,
  precision: number,
): Calibration {
  const samples: CalibrationSample[] = [];
  for (const h of heldOut) {
    for (const c of candidatePool(h.scores.mixed, intents))
      samples.push({ features: classFeatures(h.scores, c), correct: c === h.label });
  }
  const fitted = fitPlatt(samples);
  const answers: HeldOutAnswer[] = heldOut.map((h) => {
    const top = rankByProbability(fitted, h.scores, intents)[0];
    return { probability: top?.probability ?? 0, correct: top?.c === h.label };
  });
  return {
    ...fitted,
    confident: confidentLevel(answers, precision),
    heldOut: heldOut.length,
    accuracy: answers.filter((a) => a.correct).length / Math.max(1, answers.length),
  };
}

/**
 * Trains and calibrates the model on the intents' examples and the `learned` ones (by intent
 * id; ids the intents do not have are ignored).
 */
export function buildIntentModel(
  intents: readonly IntentDefinition[],
  learned: LearnedExamples = new Map(),
  options: Partial<IntentModelOptions> = {},
): IntentModel {
  const opts: IntentModelOptions = { ...DEFAULT_INTENT_OPTIONS, ...options };
  if (intents.length === 0)
    throw new AppError('invalid_request', 'an intent model needs at least one intent');
  const { texts, labels } = trainingTexts(intents, learned);
  if (texts.length === 0) throw new AppError('invalid_request', 'the intents have no examples');
  const outOfScope = opts.outOfScopeExamples.length > 0 ? intents.length : -1;
  for (const example of opts.outOfScopeExamples) {
    texts.push(neutralise(example));
    labels.push(intents.length);
  }
  const terms = texts.map((t) => featureTerms(t));
  const classes = intents.length + (outOfScope >= 0 ? 1 : 0);
  const scorer = trainScorer(terms, labels, classes, outOfScope, opts.scorer);
  const heldOut = crossValidate(
    terms,
    labels,
    intents.length,
    outOfScope,
    opts.scorer,
    opts.crossValidation,
  );
  return {
    intents: intents.map(({ id, description }) => ({ id, description })),
    scorer,
    calibration: calibrateOn(heldOut, intents.length, opts.precision),
  };
}
