/**
 * `npm run eval -- clinc150`: intent detection on CLINC150 (150 intents, in-scope `test`, and
 * `oos_test` for out-of-scope recall) at 10, 30 and all training examples per intent, beside
 * the TF-IDF + logistic regression baseline of the same run (see intent-eval.ts). Nothing is
 * tuned on CLINC: the model's calibration and confident level come from cross-validation on
 * the sampled training examples, as a pack's do; `hwu64` reports the same columns.
 */
import { existsSync, readFileSync } from 'node:fs';
import { intentTable, sharedDataPath, type Pair } from './intent-eval';
import type { EvalSuite } from './suites';

interface Clinc {
  train: Pair[];
  test: Pair[];
  oos_test: Pair[];
}

/** The `clinc150` suite. */
export const clinc150Suite: EvalSuite = {
  name: 'clinc150',
  async run() {
    const path = sharedDataPath('clinc150', 'data_full.json');
    if (!existsSync(path))
      return `skipped: ${path} is absent (shared dev data not beside the repo)`;
    const data = JSON.parse(readFileSync(path, 'utf8')) as Clinc;
    const outOfScope = data.oos_test.map(([text]) => text);
    return intentTable('CLINC150', data.train, data.test, outOfScope);
  },
};
