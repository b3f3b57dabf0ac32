/**
 * The rotating log on a real temp folder: a year of writes stays under the size cap, records
 * past the retention are gone, readers see every remaining line in order, and the feedback log
 * and `inloop report`'s reader go through it.
 */
import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  logBytes,
  logFiles,
  logLimitsOf,
  readLogLines,
  RotatingLog,
  type LogLimits,
} from '../../../../electron/services/core/rotating-log';
import { FeedbackLog, readFeedback } from '../../../../electron/services/assist/feedback-log';
import { defaultSettings, SettingsPatchSchema } from '../../../../shared/schemas/settings';

const DAY = 24 * 60 * 60 * 1000;
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'inloop-rotating-log-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A clock the test moves by hand, starting now (the active file's birth is real time). */
function clock() {
  let t = Date.now();
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

const line = (n: number) => JSON.stringify({ n, text: 'x'.repeat(80) });

describe('RotatingLog', () => {
  it('keeps every file together under the size cap when written far past it, newest lines kept', async () => {
    const limits: LogLimits = { maxBytes: 16 * 1024, retentionDays: 365 };
    const log = new RotatingLog(join(dir, 'feedback.jsonl'), () => limits);
    const count = 2_000; // ~190 KiB of lines: twelve times the cap
    for (let n = 0; n < count; n++) await log.append(line(n));

    expect(await logBytes(log.path)).toBeLessThanOrEqual(limits.maxBytes);
    const kept = (await readLogLines(log.path)).map((l) => (JSON.parse(l) as { n: number }).n);
    expect(kept.at(-1)).toBe(count - 1);
    // In order and without gaps: the oldest records went, whole segments at a time.
    expect(kept).toEqual(Array.from({ length: kept.length }, (_, i) => kept[0]! + i));
    expect(kept.length).toBeGreaterThan(100);
    expect(kept[0]).toBeGreaterThan(0);
    // Active file plus closed segments named by their first and last write.
    const files = await logFiles(log.path);
    expect(files.length).toBeGreaterThan(1);
    for (const file of files.slice(0, -1)) expect(file).toMatch(/feedback\.\d+-\d+\.jsonl$/);
  });

  it('deletes records older than the retention, rotating the active file daily', async () => {
    const time = clock();
    const limits: LogLimits = { maxBytes: 1024 * 1024, retentionDays: 30 };
    const log = new RotatingLog(join(dir, 'corrections.jsonl'), () => limits, time.now);
    for (let day = 0; day < 90; day++) {
      await log.append(JSON.stringify({ day }));
      time.advance(DAY);
    }
    const days = (await readLogLines(log.path)).map((l) => (JSON.parse(l) as { day: number }).day);
    // Day 89 is "yesterday" now; 30 days of retention plus at most the active day's.
    expect(days.at(-1)).toBe(89);
    expect(days[0]).toBeGreaterThanOrEqual(89 - 31);
    expect(days.length).toBeLessThanOrEqual(32);
  });

  it('prunes by age without a write', async () => {
    const time = clock();
    const limits: LogLimits = { maxBytes: 1024 * 1024, retentionDays: 7 };
    const log = new RotatingLog(join(dir, 'learned.jsonl'), () => limits, time.now);
    await log.append('{"old":true}');
    time.advance(10 * DAY);
    await log.prune();
    expect(await readLogLines(log.path)).toEqual([]);
  });

  it('applies a lower cap from the settings at the next write', async () => {
    let limits: LogLimits = { maxBytes: 64 * 1024, retentionDays: 90 };
    const log = new RotatingLog(join(dir, 'feedback.jsonl'), () => limits);
    for (let n = 0; n < 500; n++) await log.append(line(n));
    expect(await logBytes(log.path)).toBeGreaterThan(8 * 1024);
    limits = { maxBytes: 8 * 1024, retentionDays: 90 };
    for (let n = 500; n < 520; n++) await log.append(line(n));
    expect(await logBytes(log.path)).toBeLessThanOrEqual(8 * 1024);
  });

  it('refuses a line larger than a segment, naming the sizes, and writes nothing', async () => {
    const log = new RotatingLog(join(dir, 'feedback.jsonl'), () => ({
      maxBytes: 4096,
      retentionDays: 1,
    }));
    await expect(log.append('y'.repeat(2000))).rejects.toThrow(/2001-byte line.*1024-byte/);
    await expect(log.append('a\nb')).rejects.toThrow(/newline/);
    expect(await readdir(dir)).toEqual([]);
  });

  it('continues a log written before rotation existed', async () => {
    const path = join(dir, 'feedback.jsonl');
    await writeFile(path, `${line(0)}\n${line(1)}\n`);
    const log = new RotatingLog(path, () => ({ maxBytes: 1024 * 1024, retentionDays: 90 }));
    await log.append(line(2));
    expect((await readLogLines(path)).length).toBe(3);
    expect((await stat(path)).size).toBeGreaterThan(0);
  });
});

describe('log limits from the settings', () => {
  it('defaults to 90 days and 64 MiB, and a patch of one field keeps the other', () => {
    expect(logLimitsOf(defaultSettings.privacy)).toEqual({
      maxBytes: 64 * 1024 * 1024,
      retentionDays: 90,
    });
    const patch = SettingsPatchSchema.parse({ privacy: { retentionDays: 30 } });
    expect(patch.privacy).toEqual({ retentionDays: 30 });
    expect(() => SettingsPatchSchema.parse({ privacy: { logMaxMiB: 0 } })).toThrow();
  });
});

describe('the feedback log', () => {
  it('reads its records back across rotated segments', async () => {
    const feedback = FeedbackLog.in(
      dir,
      () => true,
      () => ({ maxBytes: 8 * 1024, retentionDays: 90 }),
    );
    for (let i = 0; i < 200; i++) {
      await feedback.append({
        at: i,
        conversationId: 'c1',
        kind: 'copied',
        target: 'reply',
        id: `r${i}`,
      });
    }
    const records = await readFeedback(feedback.path);
    expect(records.at(-1)).toMatchObject({ id: 'r199' });
    expect(records.length).toBeLessThan(200);
    expect(await logBytes(feedback.path)).toBeLessThanOrEqual(8 * 1024);
  });
});
