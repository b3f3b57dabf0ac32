/**
 * The learning service on a temp data folder: learned state survives a restart, a damaged file
 * is moved aside without touching anything else, "forget" and the off switch do what Settings
 * say, and export stays off until allowed.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LearningService } from '../../../../electron/services/learning/learning-service';
import { LEARNED_FILE } from '../../../../electron/services/learning/learning-store';
import { EventBus } from '../../../../electron/services/core/event-bus';
import { priorQuery } from '../../../../shared/learning/knowledge-priors';
import type { LearningSettings } from '../../../../shared/schemas/learning';

let dir: string;
let settings: LearningSettings;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'inloop-learning-'));
  settings = { enabled: true, allowExport: false, exportFolder: '', k: 3 };
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const open = (bus?: EventBus) =>
  LearningService.open({
    dataDir: dir,
    settings: () => settings,
    saveDelayMs: 10_000,
    ...(bus ? { bus } : {}),
  });

const turns = [{ role: 'customer' as const, text: 'Can I swap this jumper for a larger size?' }];
const cards = [
  { articleId: 'returns/policy', packId: 'acme', passage: 'Returns within 30 days.' },
  { articleId: 'returns/exchange', packId: 'acme', passage: 'Swap an item for another size.' },
];
const candidates = cards.map((c, i) => ({ ...c, score: 1 - i * 0.1 }));

function useExchange(learning: LearningService, conversationId: string) {
  learning.observe(
    {
      kind: 'copied',
      target: 'article',
      id: 'returns/exchange',
      position: 1,
      at: Date.now(),
      conversationId,
    },
    { turns, suggestions: { intent: null, articles: cards, replies: [], escalation: [] } },
  );
}

describe('LearningService', () => {
  it('keeps what it learned across a restart, in one file of the data folder', async () => {
    const first = await open();
    expect(first.ranking.active()).toBe(false);
    useExchange(first, 'c1');
    useExchange(first, 'c2');
    await first.close();
    expect(await readdir(dir)).toEqual([LEARNED_FILE]);
    const again = await open();
    expect(again.ranking.active()).toBe(true);
    const scores = again.ranking.rescore(priorQuery(turns), candidates)!;
    expect(scores[1]).toBe(1);
    expect(again.summary()).toMatchObject({ events: 2, conversations: 2, counts: { articles: 1 } });
    expect(again.summary().bytes).toBeGreaterThan(0);
  });

  it('moves a damaged file aside and starts afresh, leaving the rest of the folder alone', async () => {
    await writeFile(join(dir, LEARNED_FILE), '{"format": 1, "terms": [oops');
    await writeFile(join(dir, 'registry.json'), '{"packs":[]}');
    const warnings: string[] = [];
    const learning = await LearningService.open({
      dataDir: dir,
      settings: () => settings,
      logger: { info() {}, warn: (m) => warnings.push(m), error() {} },
    });
    expect(learning.summary().events).toBe(0);
    expect(warnings[0]).toMatch(
      /unreadable .* moved it to .*learned\.corrupt-.*packs are unchanged/,
    );
    const files = await readdir(dir);
    expect(files.some((f) => f.startsWith('learned.corrupt-'))).toBe(true);
    expect(await readFile(join(dir, 'registry.json'), 'utf8')).toBe('{"packs":[]}');
  });

  it('learns nothing and applies nothing when Settings turn learning off, and keeps what it had', async () => {
    const learning = await open();
    useExchange(learning, 'c1');
    settings = { ...settings, enabled: false };
    expect(learning.ranking.active()).toBe(false);
    useExchange(learning, 'c2');
    settings = { ...settings, enabled: true };
    expect(learning.summary().events).toBe(1);
    expect(learning.ranking.active()).toBe(true);
  });

  it('forgets everything on request, tells the screen, and removes the file', async () => {
    const bus = new EventBus();
    const seen: unknown[] = [];
    bus.subscribe((event, payload) => event === 'learning:changed' && seen.push(payload));
    const learning = await open(bus);
    useExchange(learning, 'c1');
    await learning.flush();
    const summary = await learning.forget();
    expect(summary).toMatchObject({ events: 0, conversations: 0, bytes: 0 });
    expect(seen.at(-1)).toEqual(summary);
    expect(await readdir(dir)).toEqual([]);
    expect(learning.ranking.active()).toBe(false);
  });

  it('refuses to export until Settings allow it', async () => {
    const learning = await open();
    expect(() => learning.exportBundle(null)).toThrow(/Exporting what this device learned is off/);
    settings = { ...settings, allowExport: true };
    expect(learning.exportBundle(null)[0]).toMatchObject({ kind: 'meta', k: 3 });
  });

  it('writes an export only inside the folder managed policy allows', async () => {
    const learning = await open();
    settings = { ...settings, allowExport: true, exportFolder: join(dir, 'exports') };
    expect(() => learning.exportBundle(null, join(dir, 'elsewhere', 'b.jsonl'))).toThrow(
      /learning exports go to .*exports only \(policy LearningExportFolder\)/,
    );
    expect(learning.exportBundle(null, join(dir, 'exports', 'b.jsonl'))[0]).toMatchObject({
      kind: 'meta',
    });
  });
});
