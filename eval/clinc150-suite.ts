/**
 * `npm run eval -- clinc150`: intent accuracy on CLINC150 (in-scope `test`) at 10 and 30
 * training examples per intent and with all of them, ours beside the TF-IDF + logistic
 * regression baseline trained in the same run on the same examples; then out-of-scope recall on
 * `oos_test` with the in-scope accuracy it costs, at a threshold tuned on `val` only (the highest
 * OOS recall that costs at most 2 points of val accuracy; `oos_val` recall is shown beside it). The main claim uses the
 * intents' examples only (a pack need not ship out-of-scope examples); the last columns retrain
 * with CLINC's `oos_train` as optional out-of-scope examples, tuned and measured the same way.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { rankIntent } from '../shared/assist/intent/detect-intent';
import { buildIntentModel } from '../shared/assist/intent/intent-model';
import { trainLogisticBaseline } from './logistic-baseline';
import type { EvalSuite } from './suites';

type Pair = readonly [string, string];
interface Clinc {
  train: Pair[];
  val: Pair[];
  test: Pair[];
  oos_train: Pair[];
  oos_val: Pair[];
  oos_test: Pair[];
}

/** ../shared/data/clinc150/data_full.json from the repository root. */
export function clincPath(): string {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  return join(root, '..', 'shared', 'data', 'clinc150', 'data_full.json');
}

/** The first `perIntent` training examples of each intent, in file order. */
export function firstPerIntent(train: readonly Pair[], perIntent: number): Pair[] {
  const seen = new Map<string, number>();
  return train.filter(([, label]) => {
    const n = seen.get(label) ?? 0;
    seen.set(label, n + 1);
    return n < perIntent;
  });
}

interface Scored {
  readonly label: string;
  readonly confidence: number;
}

/**
 * The threshold with the best OOS recall that costs at most `maxCost` val accuracy: OOS recall
 * only grows with the threshold, so it is the highest one within the cost, i.e. the confidence
 * of the correct val answer just above the `maxCost` share of val (exact, not on a grid).
 */
export function tuneThreshold(
  val: readonly (Scored & { truth: string })[],
  maxCost = 0.02,
): number {
  const correct = val
    .filter((s) => s.label === s.truth)
    .map((s) => s.confidence)
    .sort((a, b) => a - b);
  if (correct.length === 0) return 0;
  // Rejecting everything below correct[k] costs k correct answers, at most maxCost of val.
  const k = Math.min(correct.length - 1, Math.floor(maxCost * val.length + 1e-9));
  return correct[k]!;
}

const f3 = (x: number) => x.toFixed(3);

interface Measured {
  readonly acc: number;
  readonly threshold: number;
  readonly recall: number;
  readonly accAt: number;
  /** OOS recall on `oos_val` at the same threshold (what tuning saw). */
  readonly valRecall: number;
}

/** Accuracy on `test`, and OOS recall on `oos_test` at the threshold tuned on val + oos_val. */
function measure(data: Clinc, classify: (text: string) => Scored): Measured {
  const val = data.val.map(([t, truth]) => ({ ...classify(t), truth }));
  const threshold = tuneThreshold(val);
  const valRecall =
    data.oos_val.filter(([t]) => classify(t).confidence < threshold).length / data.oos_val.length;
  const test = data.test.map(([t, truth]) => ({ ...classify(t), truth }));
  const acc = test.filter((s) => s.label === s.truth).length / test.length;
  const accAt =
    test.filter((s) => s.label === s.truth && s.confidence >= threshold).length / test.length;
  const recall =
    data.oos_test.filter(([t]) => classify(t).confidence < threshold).length / data.oos_test.length;
  return { acc, threshold, recall, accAt, valRecall };
}

/** Trains our model on `train` (and optional out-of-scope examples), timing it. */
function trainOurs(train: readonly Pair[], outOfScope: readonly string[] = []) {
  const byIntent = new Map<string, string[]>();
  for (const [text, label] of train) byIntent.set(label, [...(byIntent.get(label) ?? []), text]);
  const started = performance.now();
  const cpu = process.cpuUsage();
  const model = buildIntentModel(
    [...byIntent].map(([id, examples]) => ({ id, description: id, examples })),
    {},
    outOfScope,
  );
  const wallMs = performance.now() - started;
  const cpuMs = process.cpuUsage(cpu).user / 1000;
  const classify = (text: string): Scored => {
    const r = rankIntent(model, [{ role: 'customer', text }], {})!;
    return { label: r.id, confidence: r.confidence };
  };
  return { classify, wallMs, cpuMs, intents: byIntent.size };
}

function run(data: Clinc): string {
  const rows: string[] = [
    '| examples/intent | baseline acc | ours acc | ours train ms (wall / cpu) | threshold | oos_val recall | OOS recall | in-scope acc at threshold | cost | baseline OOS recall (same rule) | with oos_train: OOS recall | cost |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const size of [10, 30, Infinity]) {
    const train = firstPerIntent(data.train, size);
    const baseline = trainLogisticBaseline(train);
    const theirs = measure(data, (text) => {
      const p = baseline.predict(text);
      return { label: p.label, confidence: p.probability };
    });
    const model = trainOurs(train);
    const ours = measure(data, model.classify);
    const withOos = measure(
      data,
      trainOurs(
        train,
        data.oos_train.map(([t]) => t),
      ).classify,
    );
    const label = Number.isFinite(size) ? String(size) : `all (${train.length / model.intents})`;
    const cells = [
      label,
      f3(theirs.acc),
      f3(ours.acc),
      `${model.wallMs.toFixed(0)} / ${model.cpuMs.toFixed(0)}`,
      ours.threshold.toPrecision(2),
      f3(ours.valRecall),
      f3(ours.recall),
      f3(ours.accAt),
      f3(ours.acc - ours.accAt),
      f3(theirs.recall),
      f3(withOos.recall),
      f3(withOos.acc - withOos.accAt),
    ];
    rows.push(`| ${cells.join(' | ')} |`);
  }
  return rows.join('\n');
}

/** The `clinc150` suite. */
export const clinc150Suite: EvalSuite = {
  name: 'clinc150',
  async run() {
    const path = clincPath();
    if (!existsSync(path))
      return `skipped: ${path} is absent (shared dev data not beside the repo)`;
    return run(JSON.parse(readFileSync(path, 'utf8')) as Clinc);
  },
};
