/**
 * `npm run eval -- hwu64`: intent detection on HWU64 (64 home-assistant intents; `test.jsonl`,
 * no out-of-scope queries) at 10, 30 and all training examples per intent sampled with seed 0
 * from `train.jsonl`, beside the TF-IDF + logistic regression baseline of the same run: the
 * same columns as `clinc150`, so a choice made on one is seen on the other.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  INTENT_TABLE_HEADER,
  intentRow,
  samplePerIntent,
  scoreIntentModels,
  SIZES,
  type Pair,
} from './intent-eval';
import type { EvalSuite } from './suites';

/** ../shared/data/hwu64 from the repository root. */
export function hwuPath(): string {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  return join(root, '..', 'shared', 'data', 'hwu64');
}

/** The `{"text","intent"}` lines of a HWU64 split as pairs. */
export function readHwuSplit(path: string): Pair[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const { text, intent } = JSON.parse(line) as { text: string; intent: string };
      return [text, intent] as const;
    });
}

/** The `hwu64` suite. */
export const hwu64Suite: EvalSuite = {
  name: 'hwu64',
  async run() {
    const dir = hwuPath();
    const trainPath = join(dir, 'train.jsonl');
    const testPath = join(dir, 'test.jsonl');
    if (!existsSync(trainPath) || !existsSync(testPath))
      return `skipped: ${dir} has no train.jsonl and test.jsonl (shared dev data not beside the repo)`;
    const train = readHwuSplit(trainPath);
    const test = readHwuSplit(testPath);
    const rows = SIZES.map((size) =>
      intentRow('HWU64', size, scoreIntentModels(samplePerIntent(train, size), test)),
    );
    return [...INTENT_TABLE_HEADER, ...rows].join('\n');
  },
};
