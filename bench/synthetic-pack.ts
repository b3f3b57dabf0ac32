/**
 * Synthetic knowledge packs for the search benchmark: the doc2dial-dev articles varied into
 * as many articles as it takes to reach a passage count (sections reordered, sentences
 * dropped, a regional qualifier in the title), so terms and their spread stay realistic.
 * Passages are cut by the real chunker. Their vectors are random unit vectors labelled with a
 * real model id: embedding 100k passages with the model would take far longer than the bench.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Article, ArticleBlock, Passage } from '../shared/packs/pack-schemas';
import { passagesOfArticle } from '../electron/services/packs/build';
import { packContentEntries } from '../electron/services/packs/build/content-entries';
import { writePackFile } from '../electron/services/packs/pack-file';
import { seededRandom } from '../shared/seeded-random';

export interface Doc2dialArticle {
  articleId: string;
  title: string;
  text: string;
}

const REGIONS = ['Albany', 'Buffalo', 'Queens', 'Yonkers', 'Ithaca', 'Utica', 'Syracuse'];
const QUALIFIERS = ['online', 'by mail', 'in person', 'for veterans', 'for seniors', 'updated'];

export async function readDoc2dialArticles(path: string): Promise<Doc2dialArticle[]> {
  const lines = (await readFile(path, 'utf8')).split('\n').filter((l) => l.trim() !== '');
  return lines.map((line) => JSON.parse(line) as Doc2dialArticle);
}

/** Sections of a doc2dial text: a short line without a full stop heads the paragraphs after it. */
function sections(text: string): ArticleBlock[][] {
  const out: ArticleBlock[][] = [[]];
  for (const raw of text.split(/\n+/)) {
    const line = raw.trim();
    if (line === '') continue;
    if (line.length < 70 && !/[.?!:]$/.test(line))
      out.push([{ kind: 'heading', level: 2, text: line }]);
    else out.at(-1)!.push({ kind: 'paragraph', text: line });
  }
  return out.filter((s) => s.length > 0);
}

/** Variant `v` of an article (v = 0 is the article itself). */
function variant(article: Doc2dialArticle, v: number, random: () => number): Article {
  let parts = sections(article.text);
  if (v > 0) {
    parts = parts.sort(() => random() - 0.5);
    parts = parts.map((blocks) =>
      blocks.map((block) => {
        if (block.kind !== 'paragraph') return block;
        const sentences = block.text.split(/(?<=[.?!])\s+/);
        const kept = sentences.filter((_, i) => i === 0 || random() > 0.3);
        return { ...block, text: kept.join(' ') };
      }),
    );
  }
  const title =
    v === 0
      ? article.title
      : `${article.title} (${REGIONS[v % REGIONS.length]}, ${QUALIFIERS[v % QUALIFIERS.length]})`;
  return {
    articleId: v === 0 ? article.articleId : `${article.articleId}-v${v}`,
    title,
    tags: [],
    url: `https://help.example.gov/${article.articleId}${v ? `?v=${v}` : ''}`,
    blocks: parts.flat(),
  };
}

/** Articles with their passages, `size` passages in all (the last article may be cut short). */
export function syntheticCorpus(docs: readonly Doc2dialArticle[], size: number, seed = 7) {
  const random = seededRandom(seed);
  const corpus: { article: Article; passages: Passage[] }[] = [];
  let count = 0;
  for (let v = 0; count < size; v++) {
    for (const doc of docs) {
      if (count >= size) break;
      const article = variant(doc, v, random);
      const passages = passagesOfArticle(article).slice(0, size - count);
      if (passages.length === 0) continue;
      corpus.push({ article, passages });
      count += passages.length;
    }
  }
  return corpus;
}

/**
 * A pack's text entries are capped (64 MiB for `content/passages.jsonl`), which 100k
 * card-sized passages exceed; the bench splits a corpus into packs of at most this many.
 */
export const PASSAGES_PER_PACK = 40_000;

/** `count` random unit vectors of `dimension`, as the little-endian float32 embeddings entry. */
export function randomUnitVectors(count: number, dimension: number, seed = 11): Uint8Array {
  const random = seededRandom(seed);
  const floats = new Float32Array(count * dimension);
  for (let row = 0; row < count; row++) {
    let norm = 0;
    for (let c = 0; c < dimension; c++) {
      const x = random() * 2 - 1;
      floats[row * dimension + c] = x;
      norm += x * x;
    }
    const scale = 1 / Math.sqrt(norm);
    for (let c = 0; c < dimension; c++) floats[row * dimension + c]! *= scale;
  }
  // Float32Array is host-endian; every platform we run on is little-endian.
  return new Uint8Array(floats.buffer);
}

/**
 * Writes unsigned packs holding `size` passages in all, with random vectors labelled `model`,
 * into `dir`; returns their paths.
 */
export async function writeSyntheticPacks(
  dir: string,
  docs: readonly Doc2dialArticle[],
  size: number,
  embedding: { model: string; dimension: number },
): Promise<string[]> {
  const groups: { article: Article; passages: Passage[] }[][] = [[]];
  let inGroup = 0;
  for (const entry of syntheticCorpus(docs, size)) {
    if (inGroup + entry.passages.length > PASSAGES_PER_PACK) {
      groups.push([]);
      inGroup = 0;
    }
    groups.at(-1)!.push(entry);
    inGroup += entry.passages.length;
  }
  const files: string[] = [];
  for (const [n, group] of groups.entries()) {
    const file = join(dir, `bench-${size}-${n + 1}.inloop`);
    await writePack(file, `bench-${size}-${n + 1}`, group, embedding);
    files.push(file);
  }
  return files;
}

async function writePack(
  out: string,
  id: string,
  group: readonly { article: Article; passages: Passage[] }[],
  embedding: { model: string; dimension: number },
): Promise<void> {
  const articles = group.map((g) => g.article);
  const passages = group.flatMap((g) => g.passages);
  const source = {
    meta: {
      id,
      name: `Bench ${id}`,
      version: '1.0.0',
      publisher: 'Inloop bench',
      description: 'doc2dial-dev articles, varied',
      language: 'en',
    },
    articles,
    responses: [],
    intents: [],
    ranking: [],
    rules: [],
  };
  await writePackFile(out, {
    manifest: {
      format: 1,
      pack: source.meta,
      createdAt: new Date().toISOString(),
      counts: {
        articles: articles.length,
        passages: passages.length,
        responses: 0,
        intents: 0,
        rules: 0,
      },
      embedding,
    },
    entries: packContentEntries(
      source,
      passages,
      [],
      randomUnitVectors(passages.length, embedding.dimension),
    ),
  });
}
