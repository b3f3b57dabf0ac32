/**
 * The knowledge service on real packs, a real LanceDB in a temp folder and the real ranker:
 * install, search with provenance, several packs, upgrade/rollback/remove, trust, uploads.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EventBus } from '../../../../electron/services/core/event-bus';
import { openKnowledge } from '../../../../electron/app/open-knowledge';
import { createPackIndexer } from '../../../../electron/services/knowledge';
import { KnowledgeService } from '../../../../electron/services/knowledge/knowledge-service';
import { PackInstaller } from '../../../../electron/services/packs';
import { generateSigningKeys } from '../../../../electron/services/packs/pack-file';
import { BILLING_ARTICLES, tempDir, writeFixturePack } from './knowledge-fixtures';

const keys = generateSigningKeys();
let dir: string;
let cleanup: () => Promise<void>;
let service: { close(): Promise<void> } | null = null;
const events: unknown[] = [];

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  events.length = 0;
});
afterEach(async () => {
  await service?.close();
  service = null;
  await cleanup();
});

async function open(trust = { trustedKeys: [keys.publicKeyPem], allowUnsigned: false }) {
  const bus = new EventBus();
  bus.subscribe((event, payload) => events.push({ event, payload }));
  const opened = await openKnowledge({
    dataDir: join(dir, 'data'),
    embeddings: { embedder: null, reason: 'INLOOP_EMBED_MODEL=none' },
    trust: () => trust,
    bus,
  });
  service = opened;
  return { knowledge: opened.knowledge.service, packs: opened.packs.service, close: opened.close };
}

const pack = (name: string, id = 'acme', version = '1.0.0', articles = BILLING_ARTICLES) =>
  writeFixturePack(join(dir, `${name}.inloop`), {
    id,
    version,
    articles,
    signKeyPem: keys.privateKeyPem,
    intents: [
      {
        id: 'refund',
        description: 'Customer wants money back',
        examples: ['I want a refund'],
        nextActions: [],
        responses: ['refund-ok'],
        articles: [],
      },
    ],
    responses: [
      {
        id: 'refund-ok',
        title: 'Refund',
        text: 'Your refund is on its way.',
        intents: [],
        tags: [],
      },
    ],
  });

describe('KnowledgeService', () => {
  it('installs a signed pack and finds the right passage with its provenance', async () => {
    const { knowledge, packs } = await open();
    const installed = await packs.install({ path: await pack('a') });
    expect(installed.current).toMatchObject({
      id: 'acme',
      version: '1.0.0',
      signerKeyId: keys.keyId,
    });

    const results = await knowledge.search({ query: 'customer wants their card refunded', k: 3 });
    const top = results.hits[0]!;
    expect(top).toMatchObject({
      articleId: 'billing/refunds',
      title: 'Refunds',
      packId: 'acme',
      url: 'https://help.example.com/refunds',
      score: 1,
    });
    const marked = top.highlights!.map(([s, e]) => top.passage.slice(s, e).toLowerCase());
    expect(marked).toContain('refunds');
    expect(marked).toContain('card');
    expect(results.mode).toEqual({
      mode: 'lexical',
      reason: 'INLOOP_EMBED_MODEL=none',
      embeddingModel: null,
    });
    expect(results.ms).toBeGreaterThan(0);
    expect(events).toEqual([{ event: 'knowledge:changed', payload: knowledge.status() }]);
    expect(knowledge.status()).toMatchObject({ packs: 1, passages: expect.any(Number) });
  });

  it('weighs the whole conversation toward the latest customer turn', async () => {
    const { knowledge, packs } = await open();
    await packs.install({ path: await pack('a') });
    const turns = [
      { role: 'customer' as const, text: 'I got a refund last month, thanks.' },
      { role: 'agent' as const, text: 'Glad to hear it. Anything else?' },
      { role: 'customer' as const, text: 'Yes, my parcel is late and the courier lost it' },
    ];
    const hits = knowledge.searchTurns(turns, 2);
    expect(hits[0]!.articleId).toBe('shipping/late-delivery');
    expect((await knowledge.search({ turns, k: 2 })).hits[0]!.articleId).toBe(
      'shipping/late-delivery',
    );
  });

  it('searches several packs at once, keeping same-named articles apart', async () => {
    const { knowledge, packs } = await open();
    await packs.install({ path: await pack('a') });
    const other = [
      {
        articleId: 'billing/refunds',
        title: 'Gift card refunds',
        text: 'Gift card refunds go to a new gift card.',
      },
    ];
    await packs.install({ path: await pack('b', 'gifts', '2.0.0', other) });
    const hits = (await knowledge.search({ query: 'gift card refund', k: 5 })).hits;
    expect(hits[0]).toMatchObject({ packId: 'gifts', title: 'Gift card refunds' });
    expect(hits.some((h) => h.packId === 'acme' && h.articleId === 'billing/refunds')).toBe(true);
    expect(knowledge.status().packs).toBe(2);
    expect(
      knowledge
        .content()
        .map((c) => c.packId)
        .sort(),
    ).toEqual(['acme', 'gifts']);
    expect(knowledge.content()[0]!.responses[0]).toMatchObject({ id: 'refund-ok', packId: 'acme' });
  });

  it('upgrades, rolls back and removes, and search follows the version in use', async () => {
    const { knowledge, packs } = await open();
    await packs.install({ path: await pack('v1') });
    const v2 = [
      {
        articleId: 'billing/refunds',
        title: 'Refunds',
        text: 'Refunds now take ten days by bank transfer.',
      },
    ];
    const upgraded = await packs.install({ path: await pack('v2', 'acme', '1.1.0', v2) });
    expect(upgraded.previous?.version).toBe('1.0.0');
    expect((await knowledge.search({ query: 'bank transfer refund' })).hits[0]!.passage).toContain(
      'ten days',
    );

    const back = await packs.rollback('acme');
    expect(back.current.version).toBe('1.0.0');
    const hits = (await knowledge.search({ query: 'bank transfer refund' })).hits;
    expect(hits.every((h) => !h.passage.includes('ten days'))).toBe(true);

    expect(await packs.remove('acme')).toEqual([]);
    expect((await knowledge.search({ query: 'refund' })).hits).toEqual([]);
    expect(events.map((e) => (e as { event: string }).event)).toEqual(
      Array(4).fill('knowledge:changed'),
    );
    expect(await readdir(join(dir, 'data', 'packs'))).toEqual(['registry.json']);
  });

  it('refuses an unsigned pack unless allowed, changing nothing', async () => {
    const { knowledge, packs } = await open();
    await packs.install({ path: await pack('a') });
    const unsigned = await writeFixturePack(join(dir, 'u.inloop'), {
      id: 'acme',
      version: '9.0.0',
      articles: [{ articleId: 'x', title: 'X', text: 'Evil replacement text.' }],
    });
    await expect(packs.install({ path: unsigned })).rejects.toMatchObject({
      code: 'unauthorized',
    });
    expect((await packs.list())[0]!.current.version).toBe('1.0.0');
    const hits = (await knowledge.search({ query: 'evil replacement' })).hits;
    expect(hits.some((h) => h.passage.includes('Evil'))).toBe(false);
    expect(events).toHaveLength(1);
  });

  it('installs uploaded bytes and leaves no upload behind', async () => {
    const { packs } = await open();
    const bytes = await readFile(await pack('a'));
    const installed = await packs.install({
      fileName: 'acme.inloop',
      bytesBase64: bytes.toString('base64'),
    });
    expect(installed.current.id).toBe('acme');
    expect(await readdir(join(dir, 'data', 'uploads'))).toEqual([]);
  });

  it('reopens with the installed packs, and ranks FTS candidates like the whole index', async () => {
    const first = await open();
    await first.packs.install({ path: await pack('a') });
    await first.close();
    const installed = await PackInstaller.open({
      dataDir: join(dir, 'data'),
      trust: () => ({ trustedKeys: [], allowUnsigned: false }),
      indexer: createPackIndexer(null),
    });
    const reopened = await KnowledgeService.open({
      packs: installed,
      embedder: null,
      fullScanMaxPassages: 0,
    });
    service = reopened;
    const viaFts = await reopened.search({ query: 'lost parcel tracking', k: 2 });
    expect(viaFts.hits[0]!.articleId).toBe('shipping/late-delivery');
    expect(viaFts.hits.map((h) => h.articleId)).toEqual(
      reopened
        .searchTurns([{ role: 'customer', text: 'lost parcel tracking' }], 2)
        .map((h) => h.articleId),
    );
  });
});
