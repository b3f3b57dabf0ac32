// Prints the closing line of `npm test`: the counts from vitest's and Playwright's JSON
// reports, and which steps failed. Exits non-zero when anything failed or nothing ran.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const [reports, seconds, ...failedSteps] = process.argv.slice(2);
const read = (name) => {
  const file = join(reports, name);
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
};
const counts = { passed: 0, failed: 0, skipped: 0 };
const vitest = read('vitest.json');
if (vitest) {
  counts.passed += vitest.numPassedTests;
  counts.failed += vitest.numFailedTests;
  counts.skipped += vitest.numPendingTests + (vitest.numTodoTests ?? 0);
}
const playwright = read('playwright.json');
if (playwright?.stats) {
  counts.passed += playwright.stats.expected;
  counts.failed += playwright.stats.unexpected + (playwright.stats.flaky ?? 0);
  counts.skipped += playwright.stats.skipped;
}
// Every skipped end-to-end test, with the reason it gave (e.g. no Electron binary here).
const skippedSpecs = [];
const walk = (suite) => {
  for (const spec of suite.specs ?? []) {
    for (const t of spec.tests ?? []) {
      if (t.status !== 'skipped') continue;
      const reason = (t.annotations ?? []).find((a) => a.type === 'skip')?.description;
      skippedSpecs.push(`${spec.title}${reason ? `: ${reason}` : ''}`);
    }
  }
  for (const child of suite.suites ?? []) walk(child);
};
for (const suite of playwright?.suites ?? []) walk(suite);
console.log('');
for (const line of skippedSpecs) console.log(`skipped: ${line}`);
console.log(
  `vitest: ${vitest ? `${vitest.numPassedTests} passed, ${vitest.numFailedTests} failed` : 'no report'}`,
);
console.log(
  `playwright: ${playwright?.stats ? `${playwright.stats.expected} passed, ${playwright.stats.unexpected} failed, ${playwright.stats.skipped} skipped` : 'no report'}`,
);
if (failedSteps.length) console.log(`failed steps: ${failedSteps.join(', ')}`);
console.log(`wall time: ${seconds} s`);
console.log(`tests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exit(failedSteps.length > 0 || counts.failed > 0 || counts.passed === 0 ? 1 : 0);
