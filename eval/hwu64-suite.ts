/**
 * `npm run eval -- hwu64`: intent detection on HWU64 (64 home-assistant intents; `test.jsonl`,
 * no out-of-scope queries) at 10, 30 and all training examples per intent sampled with seed 0
 * from `train.jsonl`, beside the TF-IDF + logistic regression baseline of the same run: the
 * same columns as `clinc150`, so a choice made on one is seen on the other.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { intentTable, sharedDataPath, type Pair } from './intent-eval';
import type { EvalSuite } from './suites';

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
    const dir = sharedDataPath('hwu64');
    const trainPath = join(dir, 'train.jsonl');
    const testPath = join(dir, 'test.jsonl');
    if (!existsSync(trainPath) || !existsSync(testPath))
      return `skipped: ${dir} has no train.jsonl and test.jsonl (shared dev data not beside the repo)`;
    return intentTable('HWU64', readHwuSplit(trainPath), readHwuSplit(testPath));
  },
};
