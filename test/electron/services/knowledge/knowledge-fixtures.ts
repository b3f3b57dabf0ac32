/**
 * Real packs for the knowledge tests, written with `writePackFile` from plain articles: text
 * split into paragraphs, cut by the pack builder's own chunking, optionally with vectors from
 * a real embedder. Plus a temp data dir per test.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Article, CannedResponse, Intent } from '../../../../shared/packs/pack-schemas';
import type { Embedder } from '../../../../electron/services/embeddings/embedder';
import {
  embeddingText,
  passagesOfArticle,
} from '../../../../electron/services/packs/build/pack-passages';
import { writePackFile } from '../../../../electron/services/packs/pack-file';

export interface FixtureArticle {
  readonly articleId: string;
  readonly title: string;
  readonly text: string;
  readonly url?: string;
}

export interface FixturePack {
  readonly id: string;
  readonly version: string;
  readonly articles: readonly FixtureArticle[];
  readonly intents?: readonly Intent[];
  readonly responses?: readonly CannedResponse[];
  /** Embed passages with this embedder (the pack then carries vectors). */
  readonly embedder?: Embedder;
  readonly signKeyPem?: string;
}

const encoder = new TextEncoder();
const jsonl = (rows: readonly unknown[]) =>
  encoder.encode(rows.map((r) => `${JSON.stringify(r)}\n`).join(''));

/** A pack article from plain text: one paragraph block per blank-line separated block. */
export function toPackArticle(a: FixtureArticle): Article {
  return {
    articleId: a.articleId,
    title: a.title,
    ...(a.url ? { url: a.url } : {}),
    tags: [],
    blocks: a.text
      .split(/\n\s*\n/)
      .map((t) => t.trim())
      .filter(Boolean)
      .map((text) => ({ kind: 'paragraph' as const, text })),
  };
}

/** Writes the pack to `path` and returns it. */
/** The content entries of `pack` (no vectors), as the pack file frames them. */
export function fixtureEntries(
  pack: Pick<FixturePack, 'articles' | 'responses' | 'intents'>,
): Array<{ path: string; data: Uint8Array }> {
  const articles = pack.articles.map(toPackArticle);
  return [
    { path: 'content/articles.jsonl', data: jsonl(articles) },
    { path: 'content/passages.jsonl', data: jsonl(articles.flatMap(passagesOfArticle)) },
    { path: 'content/responses.json', data: encoder.encode(JSON.stringify(pack.responses ?? [])) },
    { path: 'content/intents.json', data: encoder.encode(JSON.stringify(pack.intents ?? [])) },
    { path: 'content/rules.json', data: encoder.encode('[]') },
  ];
}

export async function writeFixturePack(path: string, pack: FixturePack): Promise<string> {
  const articles = pack.articles.map(toPackArticle);
  const passages = articles.flatMap(passagesOfArticle);
  const entries = fixtureEntries(pack);
  let embedding: { model: string; dimension: number } | null = null;
  if (pack.embedder && passages.length > 0) {
    const vectors = await pack.embedder.embed(passages.map(embeddingText));
    const bytes = new Uint8Array(vectors.length * pack.embedder.dimension * 4);
    const view = new Float32Array(bytes.buffer);
    vectors.forEach((v, i) => view.set(v, i * pack.embedder!.dimension));
    entries.push({ path: 'index/embeddings.f32', data: bytes });
    embedding = { model: pack.embedder.modelId, dimension: pack.embedder.dimension };
  }
  await writePackFile(
    path,
    {
      manifest: {
        format: 1,
        pack: {
          id: pack.id,
          name: `${pack.id} pack`,
          version: pack.version,
          publisher: 'Test Publisher',
          description: '',
          language: 'en',
        },
        createdAt: '2026-01-01T00:00:00.000Z',
        counts: {
          articles: articles.length,
          passages: passages.length,
          responses: pack.responses?.length ?? 0,
          intents: pack.intents?.length ?? 0,
          rules: 0,
        },
        embedding,
      },
      entries,
    },
    pack.signKeyPem,
  );
  return path;
}

/** A fresh temp folder and its cleanup. */
export async function tempDir(prefix = 'inloop-knowledge-'): Promise<{
  dir: string;
  cleanup: () => Promise<void>;
}> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Two small support articles used across tests. */
export const BILLING_ARTICLES: FixtureArticle[] = [
  {
    articleId: 'billing/refunds',
    title: 'Refunds',
    url: 'https://help.example.com/refunds',
    text: 'Refunds go back to the card used for the order within 5 working days.\n\nCard refunds\n\nAsk the customer for the last four digits of the card before you issue a refund.',
  },
  {
    articleId: 'shipping/late-delivery',
    title: 'Late deliveries',
    text: 'When a parcel is late, check the tracking number first.\n\nIf the courier lost the parcel, send a replacement for free.',
  },
];
