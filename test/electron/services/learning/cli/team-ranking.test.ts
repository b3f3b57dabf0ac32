/**
 * The team's ranking end to end, through the real runner and services: two agents' devices
 * learn that for a question the second part of an article answered; their bundles merge into
 * `ranking.yaml` of the next pack version; built and installed on a fresh device (no learning
 * of its own), the same question finds that part first, where version 1 found the other.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openKnowledge } from '../../../../../electron/app/open-knowledge';
import { LearningService } from '../../../../../electron/services/learning/learning-service';
import { passagesOfArticle } from '../../../../../electron/services/packs/build/pack-passages';
import { readPackSource } from '../../../../../electron/services/packs/source/read-pack-source';
import { SETTINGS_FILE } from '../../../../../electron/services/settings/settings-service';
import type { SearchHit } from '../../../../../shared/schemas/knowledge';
import { inloopIn, installSource, writeSource } from '../learning-fixture';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'inloop-team-ranking-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const inloop = (...argv: string[]) => inloopIn(dir, argv);

const sentence = (topic: string, n: number) =>
  Array.from(
    { length: n },
    (_, i) => `The ${topic} step ${i + 1} is handled by the parcel team within two working days.`,
  ).join(' ');
/** An article of two parts the chunker keeps apart (each near its 600-character window). */
const LOST = [
  '# Lost parcels',
  '',
  '## Report a lost parcel',
  '',
  `Report a parcel as lost from the order page once it is 48 hours late. ${sentence('report', 6)}`,
  '',
  '## Money back for a lost parcel',
  '',
  `A refund for a lost parcel goes back to the card once the courier confirms the loss. ${sentence('refund', 6)}`,
  '',
].join('\n');
const QUESTION = 'my parcel is lost, what happens with the parcel now';

async function search(data: string, text: string): Promise<SearchHit[]> {
  const opened = await openKnowledge({
    dataDir: data,
    embeddings: { embedder: null, reason: 'test' },
    trust: () => ({ trustedKeys: [], allowUnsigned: true }),
  });
  try {
    return opened.knowledge.service.searchTurns([{ role: 'customer', text }], 5);
  } finally {
    await opened.close();
  }
}

/** A device that used `cards[position]` for the question in three conversations. */
async function device(name: string, cards: SearchHit[], position: number): Promise<string> {
  const data = join(dir, name);
  await mkdir(data, { recursive: true });
  await writeFile(
    join(data, SETTINGS_FILE),
    JSON.stringify({ version: 1, learning: { allowExport: true } }),
  );
  const learning = await LearningService.open({
    dataDir: data,
    settings: () => ({ enabled: true, allowExport: true, exportFolder: '', k: 3 }),
  });
  for (let i = 0; i < 3; i++)
    learning.observe(
      {
        kind: 'copied',
        target: 'article',
        id: cards[position]!.articleId,
        position,
        at: Date.parse('2026-11-03T09:00:00Z') + i,
        conversationId: `${name}-${i}`,
      },
      {
        turns: [{ role: 'customer', text: QUESTION }],
        suggestions: { intent: null, articles: cards, replies: [], escalation: [] },
      },
    );
  await learning.close();
  return data;
}

describe("the team's ranking", () => {
  it('puts the part two agents used first on a fresh device of the next version', async () => {
    const source = join(dir, 'src');
    await writeSource(source);
    await writeFile(join(source, 'articles/shipping/lost.md'), LOST);
    const parts = passagesOfArticle(
      (await readPackSource(source)).source!.articles.find((a) => a.articleId === 'shipping/lost')!,
    );
    expect(parts.length).toBeGreaterThanOrEqual(2);
    const v1 = join(dir, 'v1');
    await installSource(source, v1);
    const before = await search(v1, QUESTION);
    expect(before[0]!.articleId).toBe('shipping/lost');
    // The agents used the article's other part, shown below the first card.
    const position = before.findIndex(
      (c) => c.articleId === 'shipping/lost' && c.passage !== before[0]!.passage,
    );
    expect(position).toBeGreaterThan(0);
    const wanted = before[position]!.passage;

    for (const name of ['ana', 'ben']) {
      const data = await device(name, before, position);
      const out = join(dir, `${name}.jsonl`);
      expect((await inloop('learn', 'export', '--out', out, '--data-dir', data)).code).toBe(0);
    }
    const merged = await inloop(
      'learn',
      'merge',
      'ana.jsonl',
      'ben.jsonl',
      '--pack',
      'src',
      '--out',
      'proposal',
    );
    expect(merged.code, merged.err).toBe(0);
    const summary = await readFile(join(dir, 'proposal', 'PROPOSAL.md'), 'utf8');
    expect(summary).toMatch(/## The team's ranking \(`ranking\.yaml`: \d+ counts, 1 articles\)/);
    expect(summary).toContain('`shipping/lost`');
    expect((await inloop('learn', 'apply', 'proposal')).code).toBe(0);
    const ranking = await readFile(join(source, 'ranking.yaml'), 'utf8');
    expect(ranking).toMatch(/part: .+/);
    expect(ranking).toMatch(/agents: 2/);

    const v2 = join(dir, 'v2');
    await installSource(source, v2);
    const after = await search(v2, QUESTION);
    expect(after[0]!.passage).toBe(wanted);
    // Another question is ranked as before: the team's ranking speaks only for its words.
    const other = 'can I pay with another card';
    expect((await search(v2, other)).map((c) => c.passage)).toEqual(
      (await search(v1, other)).map((c) => c.passage),
    );
  });

  it('drops, with a warning, a part the lead has since rewritten; the rest still builds', async () => {
    const source = join(dir, 'src');
    await writeSource(source);
    await writeFile(
      join(source, 'ranking.yaml'),
      [
        'ranking:',
        '  - word: jumper',
        '    article: returns/exchange',
        '    used: 4',
        '  - word: jumper',
        '    article: returns/exchange',
        '    part: A sentence that is in no article',
        '    used: 2',
        '  - word: jumper',
        '    article: returns/gone',
        '    used: 1',
        '',
      ].join('\n'),
    );
    const built = await inloop('pack', 'build', 'src', '--out', 'acme.inloop');
    expect(built.code, built.err).toBe(0);
    expect(built.err).toMatch(/ranking\.yaml.*no part of the article starts with "A sentence/);
    expect(built.err).toMatch(/ranking\.yaml.*returns\/gone.*not in the pack/);
    expect(built.out).toMatch(/team ranking\W+1 counts \(ranking\.yaml\)/);
    await writeFile(join(source, 'ranking.yaml'), 'ranking:\n  - word: jumper\n    used: -1\n');
    const refused = await inloop('pack', 'build', 'src', '--out', 'acme.inloop');
    expect(refused.code).not.toBe(0);
    expect(refused.err).toMatch(/ranking\.yaml/);
  });
});
