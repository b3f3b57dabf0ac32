/**
 * The intent evaluation shared by the `clinc150` and `hwu64` suites: at 10, 30 and all training
 * examples per intent (sampled per intent with seed 0), the intent model is built as a pack's
 * would be (its calibration and confident level from cross-validation on those examples only:
 * nothing is tuned on the test data or on the other dataset), and the TF-IDF + logistic
 * regression baseline is trained on the same examples in the same run.
 */
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { classifyMessage } from '../shared/assist/intent/detect-intent';
import { buildIntentModel } from '../shared/assist/intent/intent-model';
import { seededRandom } from '../shared/seeded-random';
import { trainLogisticBaseline } from './logistic-baseline';

/** A labelled query: `[text, intent]`. */
export type Pair = readonly [string, string];

/**
 * `perIntent` training examples of each intent, drawn at random (seeded) without replacement,
 * in intent order of first appearance; every example of an intent with fewer.
 */
export function samplePerIntent(train: readonly Pair[], perIntent: number, seed = 0): Pair[] {
  const byIntent = new Map<string, Pair[]>();
  for (const pair of train) byIntent.set(pair[1], [...(byIntent.get(pair[1]) ?? []), pair]);
  const random = seededRandom(seed);
  return [...byIntent.values()].flatMap((pairs) => {
    const shuffled = [...pairs];
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
    }
    return shuffled.slice(0, perIntent);
  });
}

/** What one model scored on one test set. */
export interface IntentScores {
  /** Examples per intent trained on (the mean, for "all"). */
  readonly perIntent: number;
  readonly baselineTop1: number;
  readonly baselineRecall3: number;
  readonly top1: number;
  /** Share of in-scope queries given a confident answer. */
  readonly answered: number;
  /** Share of the confident answers that are right. */
  readonly precision: number;
  /** Right intent as the confident answer or among the (at most three) candidates. */
  readonly candidateRecall: number;
  /** Right intent among the three most probable, answer or not (what candidates could reach). */
  readonly top3: number;
  /** Share of out-of-scope queries given no confident answer (NaN without such queries). */
  readonly oosRecall: number;
  /** The pack-derived confident level and the cross-validated accuracy it came from. */
  readonly confident: number;
  readonly cvAccuracy: number;
  /** Building the model, cross-validation and calibration included. */
  readonly buildMs: { readonly wall: number; readonly cpu: number };
}

/** Trains both models on `train` and scores them on `test` (and `outOfScope` queries). */
export function scoreIntentModels(
  train: readonly Pair[],
  test: readonly Pair[],
  outOfScope: readonly string[] = [],
): IntentScores {
  const byIntent = new Map<string, string[]>();
  for (const [text, label] of train) byIntent.set(label, [...(byIntent.get(label) ?? []), text]);
  const started = performance.now();
  const cpu = process.cpuUsage();
  const model = buildIntentModel(
    [...byIntent].map(([id, examples]) => ({ id, description: id, examples })),
  );
  const buildMs = { wall: performance.now() - started, cpu: process.cpuUsage(cpu).user / 1000 };
  const baseline = trainLogisticBaseline(train);
  let top1 = 0;
  let answered = 0;
  let right = 0;
  let candidateRecall = 0;
  let top3 = 0;
  let baselineTop1 = 0;
  let baselineRecall3 = 0;
  for (const [text, truth] of test) {
    const result = classifyMessage(model, text);
    if (result.ranked[0]?.id === truth) top1++;
    if (result.ranked.slice(0, 3).some((g) => g.id === truth)) top3++;
    if (result.intent) {
      answered++;
      if (result.intent.id === truth) right++;
    }
    if (result.intent?.id === truth || result.candidates.some((g) => g.id === truth))
      candidateRecall++;
    const theirs = baseline.rank(text);
    if (theirs[0] === truth) baselineTop1++;
    if (theirs.slice(0, 3).includes(truth)) baselineRecall3++;
  }
  const rejected = outOfScope.filter((text) => classifyMessage(model, text).intent === null);
  const n = Math.max(1, test.length);
  return {
    perIntent: train.length / byIntent.size,
    baselineTop1: baselineTop1 / n,
    baselineRecall3: baselineRecall3 / n,
    top1: top1 / n,
    answered: answered / n,
    precision: answered > 0 ? right / answered : Number.NaN,
    candidateRecall: candidateRecall / n,
    top3: top3 / n,
    oosRecall: outOfScope.length > 0 ? rejected.length / outOfScope.length : Number.NaN,
    confident: model.calibration.confident,
    cvAccuracy: model.calibration.accuracy,
    buildMs,
  };
}

/** The sizes every intent suite reports. */
export const SIZES: readonly number[] = [10, 30, Infinity];

const f3 = (x: number) => (Number.isNaN(x) ? '–' : x.toFixed(3));

/** The header of the intent table (both suites print the same columns). */
export const INTENT_TABLE_HEADER = [
  '| dataset | examples/intent | baseline top-1 | ours top-1 | baseline top-3 | ours top-3 | confident answers | confident precision | candidate recall@3 | OOS recall | confident level (CV accuracy) | build + calibrate ms (wall / cpu) |',
  '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
];

/** One row of the intent table. */
export function intentRow(dataset: string, size: number, s: IntentScores): string {
  const label = Number.isFinite(size) ? String(size) : `all (${s.perIntent.toFixed(0)})`;
  return `| ${[
    dataset,
    label,
    f3(s.baselineTop1),
    f3(s.top1),
    f3(s.baselineRecall3),
    f3(s.top3),
    f3(s.answered),
    f3(s.precision),
    f3(s.candidateRecall),
    f3(s.oosRecall),
    `${s.confident.toFixed(3)} (${s.cvAccuracy.toFixed(3)})`,
    `${s.buildMs.wall.toFixed(0)} / ${s.buildMs.cpu.toFixed(0)}`,
  ].join(' | ')} |`;
}

/** The intent table of one dataset: one row per size, models trained on samples of `train`. */
export function intentTable(
  dataset: string,
  train: readonly Pair[],
  test: readonly Pair[],
  outOfScope: readonly string[] = [],
): string {
  const rows = SIZES.map((size) =>
    intentRow(dataset, size, scoreIntentModels(samplePerIntent(train, size), test, outOfScope)),
  );
  return [...INTENT_TABLE_HEADER, ...rows].join('\n');
}

/** A folder or file of ../shared/data, from the repository root. */
export function sharedDataPath(...parts: string[]): string {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  return join(root, '..', 'shared', 'data', ...parts);
}
