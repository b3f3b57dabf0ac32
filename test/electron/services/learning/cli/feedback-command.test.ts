/**
 * `inloop feedback --batch`, then `inloop search --batch` and `inloop assist --batch` on the same
 * data folder: what the agents decided shows in what the device answers next. Real runner, real
 * services, a real pack built and installed in a temp folder (no embedding model).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFeedback } from '../../../../../electron/services/assist/feedback-log';
import { inloopIn, installSource, writeSource } from '../learning-fixture';

let dir: string;
let data: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'inloop-cli-feedback-'));
  data = join(dir, 'data');
  await writeSource(join(dir, 'src'));
  await installSource(join(dir, 'src'), data);
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const inloop = (...argv: string[]) => inloopIn(dir, [...argv, '--data-dir', data]);

const lines = (text: string) =>
  text
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

const SWAP = 'I want another size of this jumper';
const PORCH = 'The courier says delivered but the box is not on my porch';

describe('inloop feedback --batch', () => {
  it('teaches search and assist on the same data folder, as the screen would', async () => {
    await writeFile(join(dir, 'q.jsonl'), `${JSON.stringify({ id: 'q', query: SWAP })}\n`);
    const before = lines((await inloop('search', '--batch', 'q.jsonl', '--json')).out)[0]!;
    const firstBefore = (before.results as { articleId: string }[])[0]!.articleId;
    await writeFile(
      join(dir, 'a.jsonl'),
      `${JSON.stringify({ id: 'a', turns: [{ role: 'customer', text: PORCH }] })}\n`,
    );
    const assistBefore = lines((await inloop('assist', '--batch', 'a.jsonl', '--json')).out)[0]!;
    expect((assistBefore.intent as { id: string } | null)?.id).not.toBe('delivery');

    const events = [1, 2, 3].flatMap((n) => [
      {
        id: `swap-${n}`,
        turns: [{ role: 'customer', text: SWAP }],
        used: ['returns/policy'],
        dismissed: ['returns/exchange'],
      },
      { id: `porch-${n}`, turns: [{ role: 'customer', text: PORCH }], intent: 'delivery' },
    ]);
    await writeFile(join(dir, 'events.jsonl'), events.map((e) => JSON.stringify(e)).join('\n'));
    const recorded = await inloop('feedback', '--batch', 'events.jsonl');
    expect(recorded.code, recorded.err).toBe(0);
    expect(lines(recorded.out)).toEqual(
      events.map((e) => ({ id: e.id, recorded: 'used' in e ? 2 : 1, skipped: [] })),
    );
    const log = await readFeedback(join(data, 'feedback.jsonl'));
    expect(log.filter((r) => r.kind === 'picked')).toHaveLength(3);

    const after = lines((await inloop('search', '--batch', 'q.jsonl', '--json')).out)[0]!;
    expect(firstBefore).toBe('returns/exchange');
    expect((after.results as { articleId: string }[])[0]!.articleId).toBe('returns/policy');
    const assistAfter = lines((await inloop('assist', '--batch', 'a.jsonl', '--json')).out)[0]!;
    expect(assistAfter.intent).toMatchObject({ id: 'delivery' });
  });

  it('names a decision it could not record, and refuses a bad line before recording anything', async () => {
    await writeFile(
      join(dir, 'events.jsonl'),
      JSON.stringify({
        id: 'x',
        turns: [{ role: 'customer', text: SWAP }],
        used: ['nowhere/none'],
      }),
    );
    const result = await inloop('feedback', '--batch', 'events.jsonl');
    expect(lines(result.out)[0]).toEqual({
      id: 'x',
      recorded: 0,
      skipped: ['used nowhere/none: not among the cards shown'],
    });
    await writeFile(
      join(dir, 'bad.jsonl'),
      `${JSON.stringify({ id: 'ok', turns: [{ role: 'customer', text: SWAP }] })}\n{"id":"y","turns":[]}\n`,
    );
    const bad = await inloop('feedback', '--batch', 'bad.jsonl');
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/bad\.jsonl line 2/);
  });
});
