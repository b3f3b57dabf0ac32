/**
 * The doc2dial suite: the product path measured end to end. The dev articles become a pack
 * source (plain-text articles), `buildPack` builds it, the knowledge service installs it into
 * a temp data dir, and every dialogue state runs through the same `KnowledgeService.search`
 * the app uses: lexical (INLOOP_EMBED_MODEL=none) and hybrid with
 * inloop-test/minilm-tiny-random (random weights: its vectors are noise, so the hybrid row
 * measures the code path and the cost, not what a real model would add). Beside them, from the
 * same run, the plain BM25 baselines of the data README.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scoreAll } from '../shared/knowledge/bm25';
import { conversationQuery } from '../shared/knowledge/conversation-query';
import { topIndices } from '../shared/knowledge/fusion';
import { DEFAULT_INDEX_OPTIONS, indexPassages } from '../shared/knowledge/knowledge-index';
import type { Article, Passage, Turn } from '../shared/knowledge/types';
import { createEmbedder } from '../electron/services/embeddings/create-embedder';
import type { Embedder } from '../electron/services/embeddings/embedder';
import { openKnowledge } from '../electron/app/open-knowledge';
import type { KnowledgeService } from '../electron/services/knowledge';
import { buildPack } from '../electron/services/packs/build';
import { loadDoc2Dial, splitByDialogue } from './doc2dial';
import { evaluate, type EvalResult, type Ranker } from './evaluate';
import type { EvalSuite } from './suites';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const modelsDir = join(repoRoot, '..', 'shared', 'models');
const HYBRID_MODEL = 'inloop-test/minilm-tiny-random';

/** Back-to-back tiles of whole words, each at most `maxChars` long. */
export function tiles(article: Article, maxChars = 600): Passage[] {
  const out: Passage[] = [];
  let start = -1;
  let end = 0;
  const flush = () => {
    if (start < 0) return;
    const text = article.text.slice(start, end);
    out.push({
      ...article,
      passageId: `${article.articleId}#${out.length}`,
      sectionPath: [],
      text,
      start,
      end,
    });
    start = -1;
  };
  for (const m of article.text.matchAll(/\S+/g)) {
    const wordEnd = m.index + m[0].length;
    if (start >= 0 && wordEnd - start > maxChars) flush();
    if (start < 0) start = m.index;
    end = wordEnd;
  }
  flush();
  return out;
}

/** Plain BM25 (k1 1.2, b 0.75, English stop words, no stemming) over 600-char tiles. */
export function plainBm25(articles: readonly Article[]): Ranker {
  const analyzer = { stem: false, removeStopWords: true };
  const index = indexPassages(
    articles,
    articles.flatMap((a) => tiles(a)),
    {
      ...DEFAULT_INDEX_OPTIONS,
      analyzer,
    },
  );
  const flat = { decay: 1, agentWeight: 1, bigramWeight: 0, maxTurns: Infinity };
  const params = { k1: 1.2, fields: [{ weight: 1, b: 0.75 }] };
  return (turns: readonly Turn[]) => {
    const query = conversationQuery(turns, flat, analyzer);
    const scores = scoreAll(index.passageIndex, query, params);
    return topIndices(scores, 10).map((i) => index.passages[i]!);
  };
}

/** Writes the articles as a pack source folder of plain-text articles (doc2dial-dev, version 1.0.0). */
export async function writeSource(folder: string, articles: readonly Article[]): Promise<void> {
  const meta = 'id: doc2dial-dev\nname: doc2dial dev\nversion: 1.0.0\npublisher: eval\n';
  await writeFile(join(folder, 'pack.yaml'), meta);
  for (const a of articles) {
    const path = join(folder, 'articles', `${a.articleId}.txt`);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, `---\ntitle: ${JSON.stringify(a.title)}\n---\n${a.text}`);
  }
}

function serviceRanker(service: KnowledgeService): Ranker {
  return async (turns) =>
    (await service.search({ turns: [...turns], k: 10 })).hits.map((h) => ({
      articleId: h.articleId,
      text: h.passage,
    }));
}

const pct = (x: number) => x.toFixed(3);
function row(name: string, r: EvalResult): string {
  const h = r.all;
  return `| ${name} | ${pct(h.at1)} | ${pct(h.at5)} | ${pct(h.at10)} | ${r.medianMs.toFixed(1)} | ${r.p95Ms.toFixed(1)} |`;
}

/** The pack installed by the app's installer; the knowledge service that searches it. */
async function installed(work: string, pack: string, embedder: Embedder | null, reason: string) {
  const opened = await openKnowledge({
    dataDir: join(work, `data-${embedder ? 'hybrid' : 'lexical'}`),
    embeddings: { embedder, reason },
    trust: () => ({ trustedKeys: [], allowUnsigned: true }),
  });
  await opened.packs.service.install({ path: pack });
  return { service: opened.knowledge.service, close: opened.close };
}

export const doc2dialSuite: EvalSuite = {
  name: 'doc2dial',
  async run() {
    const data = loadDoc2Dial();
    if (!data) return 'skipped: ../shared/data/doc2dial-dev is not there';
    const work = await mkdtemp(join(tmpdir(), 'inloop-eval-doc2dial-'));
    try {
      await mkdir(join(work, 'src'));
      await writeSource(join(work, 'src'), data.articles);
      const pack = join(work, 'doc2dial.inloop');
      const built = await buildPack(join(work, 'src'), { out: pack });
      if (!built.ok) throw new Error(`pack build failed: ${JSON.stringify(built.problems[0])}`);
      const { states } = data;
      const { heldOut } = splitByDialogue(states);
      const lines = [
        `${states.length} dialogue states, ${data.articles.length} articles, ${built.manifest.counts.passages} passages in the built pack; hit@k as in shared/data/README.md (span words counted with repeats)`,
        '',
        '| ranker | hit@1 | hit@5 | hit@10 | p50 ms | p95 ms |',
        '| --- | --- | --- | --- | --- | --- |',
      ];
      const lexical = await installed(work, pack, null, 'INLOOP_EMBED_MODEL=none');
      lines.push(
        row(
          'Inloop lexical (KnowledgeService.search)',
          await evaluate(serviceRanker(lexical.service), states),
        ),
      );
      lines.push(
        row(
          'Inloop lexical, held-out half only',
          await evaluate(serviceRanker(lexical.service), heldOut),
        ),
      );
      await lexical.close();
      const { embedder, reason } = await createEmbedder({
        modelsDir,
        env: { ...process.env, INLOOP_EMBED_MODEL: HYBRID_MODEL },
      });
      if (embedder) {
        const hybrid = await installed(work, pack, embedder, '');
        const mode = hybrid.service.mode();
        const result = await evaluate(serviceRanker(hybrid.service), states);
        lines.push(row(`Inloop ${mode.mode} with ${HYBRID_MODEL} (random weights)`, result));
        await hybrid.close();
        await embedder.close();
      } else {
        lines.push(`| hybrid skipped: ${reason} | | | | | |`);
      }
      const bm25 = plainBm25(data.articles);
      lines.push(row('plain BM25, latest customer turn', await evaluate(bm25, states, true)));
      lines.push(row('plain BM25, whole conversation', await evaluate(bm25, states)));
      return lines.join('\n');
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  },
};
