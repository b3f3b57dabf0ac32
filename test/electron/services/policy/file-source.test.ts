/**
 * The Linux policy file, from an /etc-style fixture in a temp folder: read at start, re-read
 * when it changes while the app runs (the source polls with fs.watchFile; the test waits for
 * the reading, it does not sleep).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createFilePolicySource,
  readPolicyFile,
  readingOfPolicyText,
} from '../../../../electron/services/policy/file-source';
import type { PolicyReading } from '../../../../electron/services/policy/policy-source';

let etc: string;
let path: string;
beforeEach(async () => {
  etc = await mkdtemp(join(tmpdir(), 'inloop-etc-'));
  path = join(etc, 'inloop', 'policy.json');
});
afterEach(() => rm(etc, { recursive: true, force: true }));

const write = async (document: unknown) => {
  await mkdir(join(etc, 'inloop'), { recursive: true });
  await writeFile(path, typeof document === 'string' ? document : JSON.stringify(document));
};

describe('reading /etc/inloop/policy.json', () => {
  it('reads both levels', async () => {
    await write({ enforced: { UpdateMode: 'none' }, defaults: { RecordFeedback: false } });
    expect(await readPolicyFile(path)).toEqual({
      source: path,
      levels: { enforced: { UpdateMode: 'none' }, defaults: { RecordFeedback: false } },
      problems: [],
    });
  });

  it('no file (nor folder) means no policy and no problem', async () => {
    expect(await readPolicyFile(path)).toEqual({
      source: path,
      levels: { enforced: {}, defaults: {} },
      problems: [],
    });
  });

  it('a file that is not JSON is unreadable as a whole, with the parser’s reason', async () => {
    await write('{ "enforced": { "UpdateMode": "none", }');
    const reading = await readPolicyFile(path);
    expect(reading.levels).toBeNull();
    expect(reading.problems[0]!.message).toMatch(/^not JSON/);
  });

  it('reports a level that is not an object and an unknown section, and keeps the rest', () => {
    const reading = readingOfPolicyText(
      'p',
      JSON.stringify({ enforced: ['UpdateMode'], defaults: { SaveAudio: false }, enforce: {} }),
    );
    expect(reading.levels).toEqual({ enforced: {}, defaults: { SaveAudio: false } });
    expect(reading.problems.map((p) => p.message)).toEqual([
      '"enforced" must be an object of policy keys (ignored)',
      'unknown section "enforce" (ignored): policy keys go under "enforced" or "defaults"',
    ]);
  });
});

describe('watching the file while the app runs', () => {
  it('gives a new reading when the file appears, changes and disappears', async () => {
    const readings: PolicyReading[] = [];
    let waiting: { until: (r: PolicyReading) => boolean; resolve: () => void } | null = null;
    const source = createFilePolicySource(path, { intervalMs: 20 });
    /** Resolves at the first reading showing `enforced`. */
    const next = (enforced: Record<string, unknown>) =>
      new Promise<void>((resolve) => {
        const until = (r: PolicyReading) =>
          JSON.stringify(r.levels?.enforced) === JSON.stringify(enforced);
        waiting = { until, resolve };
      });
    await source.start((reading) => {
      readings.push(reading);
      if (waiting?.until(reading)) waiting.resolve();
    });
    try {
      expect(readings.at(-1)!.levels).toEqual({ enforced: {}, defaults: {} });
      let change = next({ SaveAudio: false });
      await write({ enforced: { SaveAudio: false } });
      await change;
      expect(readings.at(-1)!.levels!.enforced).toEqual({ SaveAudio: false });
      change = next({ SaveAudio: false, UpdateMode: 'none' });
      await write({ enforced: { SaveAudio: false, UpdateMode: 'none' } });
      await change;
      expect(readings.at(-1)!.levels!.enforced).toEqual({ SaveAudio: false, UpdateMode: 'none' });
      change = next({});
      await rm(path);
      await change;
      expect(readings.at(-1)!.levels).toEqual({ enforced: {}, defaults: {} });
    } finally {
      source.close();
    }
  });
});
