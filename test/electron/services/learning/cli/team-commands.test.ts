/**
 * The team side through the real runner: `inloop report` (a device's log; a folder of bundles,
 * written as one self-contained HTML file), and `inloop learn export | merge | apply` on a real
 * pack source that then still builds.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LearningService } from '../../../../../electron/services/learning/learning-service';
import { readPackSource } from '../../../../../electron/services/packs/source/read-pack-source';
import { SETTINGS_FILE } from '../../../../../electron/services/settings/settings-service';
import { inloopIn, writeSource } from '../learning-fixture';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'inloop-cli-team-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const inloop = (...argv: string[]) => inloopIn(dir, argv);

const swap = 'can I swap this jumper for a larger one';
const cards = [{ articleId: 'returns/exchange', packId: 'acme', passage: 'Exchange an item.' }];

/** A device's data folder that learned from `n` conversations and allows export. */
async function device(name: string, n: number): Promise<string> {
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
  for (let i = 0; i < n; i++) {
    const context = {
      turns: [{ role: 'customer' as const, text: swap }],
      suggestions: { intent: null, articles: cards, replies: [], escalation: [] },
    };
    const base = { at: Date.parse('2026-11-03T09:00:00Z') + i, conversationId: `${name}-${i}` };
    learning.observe({ ...base, kind: 'assessed', escalations: ['Churn risk'] }, context);
    learning.observe(
      { ...base, kind: 'copied', target: 'article', id: 'returns/exchange', position: 0 },
      context,
    );
    learning.observe({ ...base, kind: 'picked', target: 'intent', id: 'exchange' }, context);
  }
  await learning.close();
  return data;
}

describe('inloop report', () => {
  it('fails with a clear message for a data folder that does not exist', async () => {
    const result = await inloop('report', '--data-dir', join(dir, 'nowhere'));
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/no data folder at .*nowhere/);
  });

  it('reports an empty log in an existing folder, and refuses a bad date', async () => {
    await mkdir(join(dir, 'data'));
    const result = await inloop('report', '--json', '--data-dir', join(dir, 'data'));
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out)).toMatchObject({ conversations: 0, replies: [], gaps: [] });
    expect(result.err).toMatch(/no feedback log yet/);
    expect((await inloop('report', '--since', 'someday', '--data-dir', dir)).code).toBe(2);
  });

  it('builds the team report from a folder of bundles, as CSV and as one self-contained HTML file', async () => {
    const bundles = join(dir, 'bundles');
    await mkdir(bundles);
    for (const name of ['ana', 'ben']) {
      expect(
        (
          await inloop(
            'learn',
            'export',
            '--out',
            join(bundles, `${name}.jsonl`),
            '--data-dir',
            await device(name, 3),
          )
        ).code,
      ).toBe(0);
    }
    await writeFile(join(bundles, 'notes.jsonl'), 'not a bundle\n');
    const result = await inloop('report', '--from', 'bundles', '--csv', '--html', 'team.html');
    expect(result.code, result.err).toBe(0);
    expect(result.out).toContain('team,,agents,2');
    expect(result.out).toContain('correction,(none) -> exchange,conversations,6');
    const html = await readFile(join(dir, 'team.html'), 'utf8');
    expect(html).toContain('<svg');
    expect(html).toContain('Intents agents correct most');
    expect(html).not.toMatch(/<script|src=|href=|url\(/i);
    expect(html).toContain('notes.jsonl');
  });

  it('fails for a folder without bundles', async () => {
    await mkdir(join(dir, 'empty'));
    const result = await inloop('report', '--from', 'empty');
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/holds no team bundles/);
  });
});

describe('inloop learn', () => {
  it('exports nothing unless the settings allow it', async () => {
    const data = join(dir, 'data');
    await mkdir(data);
    const result = await inloop('learn', 'export', '--out', 'b.jsonl', '--data-dir', data);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/Exporting what this device learned is off/);
  });

  it('merges bundles into a reviewed proposal and applies it as the next version of the pack source', async () => {
    const source = join(dir, 'src');
    await writeSource(source);
    for (const name of ['ana', 'ben']) {
      await inloop(
        'learn',
        'export',
        '--out',
        join(dir, `${name}.jsonl`),
        '--data-dir',
        await device(name, 3),
      );
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
    expect(merged.out).toMatch(
      /acme 1\.2\.0 → 1\.3\.0, 1 intent examples, 1 articles with aliases/,
    );
    const diff = await readFile(join(dir, 'proposal', 'changes.diff'), 'utf8');
    expect(diff).toContain('+version: 1.3.0');
    expect(diff).toContain(`+    - ${swap}`);
    expect(diff).toMatch(/\+aliases: \[.*jumper.*\]/);
    const summary = await readFile(join(dir, 'proposal', 'PROPOSAL.md'), 'utf8');
    expect(summary).toContain('2 agents, 6 conversations');

    const applied = await inloop('learn', 'apply', 'proposal');
    expect(applied.code, applied.err).toBe(0);
    const next = await readPackSource(source);
    expect(next.problems).toEqual([]);
    expect(next.source!.meta.version).toBe('1.3.0');
    expect(next.source!.intents.find((i) => i.id === 'exchange')!.examples).toContain(swap);
    expect(
      next.source!.articles.find((a) => a.articleId === 'returns/exchange')!.aliases,
    ).toContain('jumper');
    expect(await readFile(join(source, 'intents.yaml'), 'utf8')).toMatch(
      /^# Intents of the test pack\./,
    );

    const again = await inloop('learn', 'apply', 'proposal');
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/changed since the proposal was made/);
  });
});
