/**
 * Keep it so (issue 16): policy files fast-check makes up, a fresh seed each run (printed).
 * Any text in the policy file (JSON with real and made-up keys and any values, or not JSON at
 * all) is read without an exception into a report the schema accepts, and every value the
 * report applies is one its key accepts: a bad value is a problem, never a setting.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPolicyFile } from '../../../../electron/services/policy/file-source';
import { checkPolicyValue } from '../../../../electron/services/policy/policy-values';
import { resolvePolicy } from '../../../../electron/services/policy/resolve-policy';
import { policyKeys, PolicyReportSchema } from '../../../../shared/schemas/policy';
import { fuzzRun } from '../../../fuzz-run';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'inloop-policy-fuzz-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const value = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(true, false, 0, 1, -1, 'on', 'off', '', 'https://feeds.acme.example/x.json'),
);
const level = fc.dictionary(
  fc.oneof(fc.constantFrom(...policyKeys), fc.string({ maxLength: 20 })),
  value,
  { maxKeys: 8 },
);
const policyFile = fc.record(
  {
    enforced: fc.oneof(level, value),
    defaults: fc.oneof(level, value),
    extra: value,
  },
  { requiredKeys: [] },
);
const text = fc.oneof(
  { weight: 4, arbitrary: policyFile.map((p) => JSON.stringify(p)) },
  { weight: 1, arbitrary: fc.string({ maxLength: 300 }) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b)) },
);

describe('policy files made up by fast-check', () => {
  it('are read into a valid report that applies only values their keys accept', async () => {
    const path = join(dir, 'policy.json');
    let applied = 0;
    await fc.assert(
      fc.asyncProperty(text, async (content) => {
        await writeFile(path, content);
        const reading = await readPolicyFile(path);
        const { report } = resolvePolicy([reading]);
        expect(PolicyReportSchema.safeParse(report).success).toBe(true);
        applied += report.entries.length;
        for (const entry of report.entries) {
          const checked = checkPolicyValue(entry.key, entry.value);
          expect(checked, entry.key).toMatchObject({ ok: true, value: entry.value });
        }
      }),
      fuzzRun('policy files', { runs: 400, ms: 10_000 }),
    );
    // Not vacuous: some made-up values were valid and applied.
    expect(applied).toBeGreaterThan(0);
  }, 60_000);
});
