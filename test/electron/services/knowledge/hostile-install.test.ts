/**
 * Hostile or broken packs offered to the installed service: each is refused with a clear
 * error, and the installed version stays in use, searchable, with nothing left behind.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openKnowledge } from '../../../../electron/app/open-knowledge';
import type { KnowledgeService } from '../../../../electron/services/knowledge';
import type { PackInstaller } from '../../../../electron/services/packs';
import { writePackFile } from '../../../../electron/services/packs/pack-file';
import { BILLING_ARTICLES, fixtureEntries, tempDir, writeFixturePack } from './knowledge-fixtures';
import { forgePack } from '../packs/pack-file/pack-fixtures';

let dir: string;
let cleanup: () => Promise<void>;
let knowledge: KnowledgeService;
let packs: PackInstaller;
let close: () => Promise<void>;

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  const opened = await openKnowledge({
    dataDir: join(dir, 'data'),
    embeddings: { embedder: null, reason: 'test' },
    trust: () => ({ trustedKeys: [], allowUnsigned: true }),
  });
  ({ close } = opened);
  knowledge = opened.knowledge.service;
  packs = opened.packs.service;
  const v1 = await writeFixturePack(join(dir, 'v1.inloop'), {
    id: 'acme',
    version: '1.0.0',
    articles: BILLING_ARTICLES,
  });
  await packs.install({ path: v1 });
});
afterEach(async () => {
  await close();
  await cleanup();
});

async function expectUnchanged() {
  const [entry, ...rest] = await packs.list();
  expect(rest).toEqual([]);
  expect(entry!.current.version).toBe('1.0.0');
  expect((await knowledge.search({ query: 'refund card' })).hits[0]!.articleId).toBe(
    'billing/refunds',
  );
  expect((await readdir(join(dir, 'data', 'packs'))).sort()).toEqual(['acme', 'registry.json']);
  expect(await readdir(join(dir, 'data', 'packs', 'acme'))).toHaveLength(1);
}

it('refuses a tampered pack', async () => {
  const good = await writeFixturePack(join(dir, 'v2.inloop'), {
    id: 'acme',
    version: '2.0.0',
    articles: BILLING_ARTICLES,
  });
  const bytes = await readFile(good);
  bytes[bytes.length - 3]! ^= 0xff;
  await writeFile(join(dir, 'tampered.inloop'), bytes);
  await expect(packs.install({ path: join(dir, 'tampered.inloop') })).rejects.toThrow(
    /entry|truncated|inflate|SHA-256|compressed/i,
  );
  await expectUnchanged();
});

it('refuses a well-formed pack whose passages name an article it does not have', async () => {
  const text = (s: string) => new TextEncoder().encode(s);
  const path = join(dir, 'orphan.inloop');
  await writePackFile(path, {
    manifest: {
      format: 1,
      pack: {
        id: 'acme',
        name: 'Acme',
        version: '3.0.0',
        publisher: 'X',
        description: '',
        language: 'en',
      },
      createdAt: '2026-01-01T00:00:00.000Z',
      counts: { articles: 0, passages: 1, responses: 0, intents: 0, rules: 0 },
      embedding: null,
    },
    entries: [
      { path: 'content/articles.jsonl', data: text('') },
      {
        path: 'content/passages.jsonl',
        data: text(
          `${JSON.stringify({ id: 'ghost#0', articleId: 'ghost', title: 'Ghost', section: [], text: 'Boo.' })}\n`,
        ),
      },
      { path: 'content/responses.json', data: text('[]') },
      { path: 'content/intents.json', data: text('[]') },
      { path: 'content/rules.json', data: text('[]') },
    ],
  });
  await expect(packs.install({ path })).rejects.toMatchObject({
    code: 'invalid_request',
    message: 'pack acme: content/passages.jsonl line 1: article ghost is not in the pack',
  });
  await expectUnchanged();
});

it('refuses a team ranking that names a part the pack does not have', async () => {
  const path = join(dir, 'ranking.inloop');
  const entries = fixtureEntries({ articles: BILLING_ARTICLES });
  const ranking = [
    {
      word: 'refund',
      articleId: 'billing/refunds',
      passageId: 'billing/refunds#99',
      used: 3,
      dismissed: 0,
    },
  ];
  entries.push({
    path: 'content/ranking.json',
    data: new TextEncoder().encode(JSON.stringify(ranking)),
  });
  const passages = new TextDecoder().decode(entries[1]!.data).trim().split('\n').length;
  await writePackFile(path, {
    manifest: {
      format: 1,
      pack: {
        id: 'acme',
        name: 'Acme',
        version: '3.0.0',
        publisher: 'X',
        description: '',
        language: 'en',
      },
      createdAt: '2026-01-01T00:00:00.000Z',
      counts: { articles: BILLING_ARTICLES.length, passages, responses: 0, intents: 0, rules: 0 },
      embedding: null,
    },
    entries,
  });
  await expect(packs.install({ path })).rejects.toMatchObject({
    code: 'invalid_request',
    message: 'pack acme: content/ranking.json row 1: passage billing/refunds#99 is not in the pack',
  });
  await expectUnchanged();
});

it('refuses a file that is not a pack at all', async () => {
  await writeFile(join(dir, 'junk.inloop'), 'PK\u0003\u0004 definitely not a pack');
  await expect(packs.install({ path: join(dir, 'junk.inloop') })).rejects.toThrow();
  await expectUnchanged();
});

for (const id of ['registry.json', 'constructor', 'con', 'nul', 'com1', 'lpt9', 'acme.']) {
  it(`refuses a pack whose id is the reserved name '${id}', changing nothing`, async () => {
    // Our writer refuses the id too: this pack is framed by hand, as another tool could.
    const entries = fixtureEntries({ articles: BILLING_ARTICLES });
    const path = join(dir, 'reserved.inloop');
    await writeFile(
      path,
      forgePack(entries, (m) => {
        m.pack.id = id;
        m.embedding = null;
        m.counts = {
          articles: BILLING_ARTICLES.length,
          passages: 0,
          responses: 0,
          intents: 0,
          rules: 0,
        };
      }),
    );
    await expect(packs.install({ path })).rejects.toMatchObject({
      message: expect.stringContaining(`'${id}' is reserved`),
    });
    await expectUnchanged();
    // What the store itself reads keeps working (the probe: EISDIR on every command after).
    const reopened = await openKnowledge({
      dataDir: join(dir, 'data'),
      embeddings: { embedder: null, reason: 'test' },
      trust: () => ({ trustedKeys: [], allowUnsigned: true }),
    });
    expect((await reopened.packs.service.list()).map((p) => p.current.id)).toEqual(['acme']);
    await reopened.close();
  });
}

it('answers "no such pack" for lookups of object property names', async () => {
  for (const id of ['constructor', 'tostring', '__proto__', 'hasownproperty']) {
    await expect(packs.remove(id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(packs.rollback(id)).rejects.toMatchObject({ code: 'not_found' });
  }
  await expectUnchanged();
});
