/**
 * `npm run eval`: measures quality on the shared development data (never copied into the
 * repo) and prints one report per suite, each beside the baseline computed in the same run.
 * Pass suite names to run a subset: `npm run eval -- doc2dial`. A suite whose data folder is
 * missing says so and is skipped.
 */
import { suites } from './suites';

const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !suites.some((s) => s.name === w));
if (unknown.length) {
  console.error(
    `eval: unknown suite ${unknown.join(', ')}; have ${suites.map((s) => s.name).join(', ')}`,
  );
  process.exit(2);
}
for (const suite of suites) {
  if (wanted.length > 0 && !wanted.includes(suite.name)) continue;
  process.stderr.write(`eval: ${suite.name}…\n`);
  const report = await suite.run();
  console.log(`\n## ${suite.name}\n\n${report}`);
}
