/**
 * The pack index written in a child process (what `inloop serve` and the Electron app do, so
 * LanceDB's write memory leaves with it) against the one written in the installing process:
 * the same install, on the real tiny embedding model, a real LanceDB and the real ranker.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmbedder } from '../../../../electron/services/embeddings/create-embedder';
import type { Embedder } from '../../../../electron/services/embeddings/embedder';
import { createPackIndexer } from '../../../../electron/services/knowledge';
import { KnowledgeService } from '../../../../electron/services/knowledge/knowledge-service';
import { PackInstaller } from '../../../../electron/services/packs';
import { generateSigningKeys } from '../../../../electron/services/packs/pack-file';
import { hasSharedModel, sharedModelsDir, TINY_MODEL } from '../embeddings/shared-models';
import { BILLING_ARTICLES, tempDir, writeFixturePack } from './knowledge-fixtures';

const keys = generateSigningKeys();
const QUERIES = ['my refund has not arrived on my card', 'the courier lost my parcel', 'tracking'];

describe.skipIf(!hasSharedModel())('a pack index written in a child process', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let embedder: Embedder;

  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir('inloop-indexer-'));
    const choice = await createEmbedder({
      modelsDir: sharedModelsDir,
      env: { INLOOP_EMBED_MODEL: TINY_MODEL },
    });
    embedder = choice.embedder!;
  }, 60_000);
  afterAll(async () => {
    await embedder?.close();
    await cleanup();
  });

  async function installAndSearch(isolation: 'inline' | 'process', file: string) {
    const packs = await PackInstaller.open({
      dataDir: join(dir, isolation),
      trust: () => ({ trustedKeys: [keys.publicKeyPem], allowUnsigned: false }),
      indexer: createPackIndexer(embedder, { isolation }),
    });
    await packs.install({ path: file });
    // Candidates from LanceDB (FTS and vectors), not the in-memory full scan.
    const knowledge = await KnowledgeService.open({ packs, embedder, fullScanMaxPassages: 0 });
    try {
      const answers = [];
      for (const query of QUERIES) {
        const { hits } = await knowledge.search({ query, k: 3 });
        answers.push(hits.map((h) => ({ article: h.articleId, score: h.score })));
      }
      return { mode: knowledge.status().mode.mode, answers };
    } finally {
      await knowledge.close();
    }
  }

  it('searches the same as one written in the installing process, vectors included', async () => {
    const file = await writeFixturePack(join(dir, 'acme.inloop'), {
      id: 'acme',
      version: '1.0.0',
      articles: BILLING_ARTICLES,
      embedder,
      signKeyPem: keys.privateKeyPem,
    });
    const inline = await installAndSearch('inline', file);
    const isolated = await installAndSearch('process', file);
    expect(isolated.mode).toBe('hybrid');
    expect(inline.answers[0]!.length).toBeGreaterThan(0);
    expect(isolated.answers.map((a) => a.map((h) => h.article))).toEqual(
      inline.answers.map((a) => a.map((h) => h.article)),
    );
    isolated.answers.flat().forEach((hit, i) => {
      expect(hit.score).toBeCloseTo(inline.answers.flat()[i]!.score, 5);
    });
  }, 120_000);
});
