/**
 * `npm run eval -- pii`: per-kind precision and recall of `redact` on two sets: the PII test
 * set (test/shared/assist/pii-cases.ts, written with the detectors: a regression set, not an
 * unbiased sample) and the held-out set (test/shared/assist/pii-heldout.ts, 70 messages
 * written after the issue-16 detectors, never used to tune them).
 */
import { findPii } from '../shared/assist/pii/redact';
import { scorePii } from '../shared/assist/pii/pii-score';
import { expectedSpans, PII_CASES, type PiiCase } from '../test/shared/assist/pii-cases';
import { PII_HELDOUT } from '../test/shared/assist/pii-heldout';
import type { EvalSuite } from './suites';

/** One set's table: per kind, then all kinds together. */
function table(title: string, cases: readonly PiiCase[]): string[] {
  const scores = scorePii(
    cases.map((c) => ({ expected: expectedSpans(c), found: findPii(c.text) })),
  );
  const negatives = cases.filter((c) => c.pii.length === 0);
  // Order numbers, prices, dates, tracking codes: none of them may lose a character to a mask.
  const maskedNegatives = negatives.filter((c) => findPii(c.text).length > 0).length;
  const rows = [...scores]
    .sort(([a], [b]) => (a === 'all' ? 1 : b === 'all' ? -1 : a.localeCompare(b)))
    .map(
      ([kind, s]) =>
        `| ${kind} | ${s.expected} | ${s.found} | ${s.precision.toFixed(3)} | ${s.recall.toFixed(3)} |`,
    );
  return [
    `### ${title}`,
    '',
    `${cases.length} strings (${negatives.length} with no PII); exact-offset matches.`,
    `Strings with no PII (order numbers, prices, dates, tracking codes) with anything masked: ${maskedNegatives} of ${negatives.length}.`,
    '',
    '| kind | expected | found | precision | recall |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    '',
  ];
}

/** The `pii` suite. */
export const piiSuite: EvalSuite = {
  name: 'pii',
  async run() {
    return [
      ...table('PII test set (written with the detectors)', PII_CASES),
      ...table('Held-out set (written after the detectors)', PII_HELDOUT),
    ].join('\n');
  },
};
