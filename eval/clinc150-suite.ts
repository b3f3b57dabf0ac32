/**
 * `npm run eval -- clinc150`: intent accuracy on CLINC150 (in-scope `test`) at 10 and 30
 * training examples per intent and with all of them, ours beside the TF-IDF + logistic
 * regression baseline trained in the same run on the same examples; then out-of-scope recall on
 * `oos_test` with the in-scope accuracy it costs, at a threshold tuned on `val` + `oos_val` only
 * (the highest OOS recall that costs at most 2 points of val accuracy).
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

/** The threshold with the best OOS recall on val that costs at most `maxCost` val accuracy. */
export function tuneThreshold(
  val: readonly (Scored & { truth: string })[],
  oosVal: readonly Scored[],
  maxCost = 0.02,
): number {
  const accAt = (t: number) =>
    val.filter((s) => s.label === s.truth && s.confidence >= t).length / val.length;
  const base = accAt(0);
  let best = 0;
  for (let t = 0; t <= 1; t += 0.0025) {
    if (base - accAt(t) > maxCost) break;
    best = t;
  }
  return best;
}

const f3 = (x: number) => x.toFixed(3);

function run(data: Clinc): string {
  const rows: string[] = [
    '| examples/intent | baseline acc | ours acc | ours train ms (wall / cpu) | threshold | OOS recall | in-scope acc at threshold | cost | baseline OOS recall (same rule) |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const size of [10, 30, Infinity]) {
    const train = firstPerIntent(data.train, size);
    const baseline = trainLogisticBaseline(train);
    const byIntent = new Map<string, string[]>();
    for (const [text, label] of train) byIntent.set(label, [...(byIntent.get(label) ?? []), text]);
    const started = performance.now();
    const cpu = process.cpuUsage();
    const model = buildIntentModel(
      [...byIntent].map(([id, examples]) => ({ id, description: id, examples })),
    );
    const trainMs = performance.now() - started;
    const trainCpuMs = process.cpuUsage(cpu).user / 1000;
    const ours = (text: string): Scored => {
      const r = rankIntent(model, [{ role: 'customer', text }], {})!;
      return { label: r.id, confidence: r.confidence };
    };
    const theirs = (text: string): Scored => {
      const p = baseline.predict(text);
      return { label: p.label, confidence: p.probability };
    };
    const cells = [0, 0];
    const oos: string[] = [];
    [ours, theirs].forEach((classify, which) => {
      const val = data.val.map(([t, truth]) => ({ ...classify(t), truth }));
      const threshold = tuneThreshold(
        val,
        data.oos_val.map(([t]) => classify(t)),
      );
      const test = data.test.map(([t, truth]) => ({ ...classify(t), truth }));
      const acc = test.filter((s) => s.label === s.truth).length / test.length;
      const accAt =
        test.filter((s) => s.label === s.truth && s.confidence >= threshold).length / test.length;
      const recall =
        data.oos_test.filter(([t]) => classify(t).confidence < threshold).length /
        data.oos_test.length;
      cells[which] = acc;
      if (which === 0) oos.push(f3(threshold), f3(recall), f3(accAt), f3(acc - accAt));
      else oos.push(f3(recall));
    });
    const label = Number.isFinite(size) ? String(size) : `all (${train.length / byIntent.size})`;
    rows.push(
      `| ${label} | ${f3(cells[1]!)} | ${f3(cells[0]!)} | ${trainMs.toFixed(0)} / ${trainCpuMs.toFixed(0)} | ${oos.join(' | ')} |`,
    );
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
