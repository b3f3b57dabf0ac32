/**
 * `npm run eval -- pii`: per-kind precision and recall of `redact` on the PII test set
 * (test/shared/assist/pii-cases.ts, written with the detectors: a regression set, not an
 * unbiased sample).
 */
import { findPii } from '../shared/assist/pii/redact';
import { scorePii } from '../shared/assist/pii/pii-score';
import { expectedSpans, PII_CASES } from '../test/shared/assist/pii-cases';
import type { EvalSuite } from './suites';

/** The `pii` suite. */
export const piiSuite: EvalSuite = {
  name: 'pii',
  async run() {
    const scores = scorePii(
      PII_CASES.map((c) => ({ expected: expectedSpans(c), found: findPii(c.text) })),
    );
    const negatives = PII_CASES.filter((c) => c.pii.length === 0).length;
    const rows = [...scores]
      .sort(([a], [b]) => (a === 'all' ? 1 : b === 'all' ? -1 : a.localeCompare(b)))
      .map(
        ([kind, s]) =>
          `| ${kind} | ${s.expected} | ${s.found} | ${s.precision.toFixed(3)} | ${s.recall.toFixed(3)} |`,
      );
    return [
      `${PII_CASES.length} strings (${negatives} hard negatives with no PII); exact-offset matches.`,
      '',
      '| kind | expected | found | precision | recall |',
      '| --- | --- | --- | --- | --- |',
      ...rows,
    ].join('\n');
  },
};
