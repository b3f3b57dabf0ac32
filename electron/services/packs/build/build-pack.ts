/**
 * `buildPack`: a pack source folder in, one `.inloop` file out. Reads and validates the whole
 * source (every problem at once), cuts articles into passages, embeds them when an embedder is
 * given, and writes the file atomically, signed when a key is given.
 */
import type { PackManifest, PackProblem, Passage } from '../../../../shared/packs/pack-schemas';
import type { Embedder } from '../../embeddings/embedder';
import { writePackFile } from '../pack-file';
import { keyIdOfKey, parsePrivateKey } from '../pack-file/pack-keys';
import { readPackSource } from '../source/read-pack-source';
import { embedPassages } from './embed-passages';
import { packContentEntries } from './content-entries';
import { passagesOfArticle } from './pack-passages';
import { resolveRanking } from './pack-ranking';

/** Where a build is, for a progress bar: `done` of `total` in the current phase. */
export interface BuildProgress {
  readonly phase: 'reading' | 'chunking' | 'embedding' | 'writing';
  readonly done: number;
  readonly total: number;
}

export interface BuildPackOptions {
  /** The `.inloop` file to write (replaced atomically). */
  readonly out: string;
  /** Embeds passages when given; null or absent builds a lexical-only pack. */
  readonly embedder?: Embedder | null;
  /**
   * Starts an embedder only once the source is valid (so problems show before a model
   * loads); used when `embedder` is absent. The caller closes what it returns.
   */
  readonly loadEmbedder?: () => Promise<Embedder | null>;
  /** ed25519 PKCS#8 PEM private key; absent builds an unsigned (development) pack. */
  readonly signKeyPem?: string;
  readonly onProgress?: (progress: BuildProgress) => void;
  /** The manifest's `createdAt` (tests pin it). */
  readonly now?: () => Date;
}

/** What a build did, or every problem that stopped it. */
export type BuildPackResult =
  | {
      readonly ok: true;
      readonly manifest: PackManifest;
      readonly passages: readonly Passage[];
      /** Key id of the signing key, or null for an unsigned pack. */
      readonly signedBy: string | null;
      /** Files in the source folder skipped on purpose. */
      readonly ignored: readonly string[];
      /** What the build fixed on its own (a repeated example dropped), for the team lead. */
      readonly warnings: readonly PackProblem[];
      /** Counts of the team's ranking the pack carries (`ranking.yaml`, parts resolved). */
      readonly ranking: number;
    }
  | {
      readonly ok: false;
      readonly problems: readonly PackProblem[];
      readonly warnings: readonly PackProblem[];
    };

/** Builds the pack in `srcDir` into `options.out`. Source problems are returned, not thrown. */
export async function buildPack(
  srcDir: string,
  options: BuildPackOptions,
): Promise<BuildPackResult> {
  const progress = options.onProgress ?? (() => {});
  // A bad key should fail before minutes of embedding, not after.
  const signedBy =
    options.signKeyPem === undefined ? null : keyIdOfKey(parsePrivateKey(options.signKeyPem));

  progress({ phase: 'reading', done: 0, total: 1 });
  const { source, problems, warnings, ignored } = await readPackSource(srcDir);
  if (!source) return { ok: false, problems, warnings };
  progress({ phase: 'reading', done: 1, total: 1 });

  const passages: Passage[] = [];
  source.articles.forEach((article, i) => {
    passages.push(...passagesOfArticle(article));
    progress({ phase: 'chunking', done: i + 1, total: source.articles.length });
  });

  const embedder =
    options.embedder ?? (passages.length > 0 ? ((await options.loadEmbedder?.()) ?? null) : null);
  let embeddings: Uint8Array | null = null;
  if (embedder && passages.length > 0) {
    progress({ phase: 'embedding', done: 0, total: passages.length });
    embeddings = await embedPassages(embedder, passages, (done) =>
      progress({ phase: 'embedding', done, total: passages.length }),
    );
  }

  const ranking = resolveRanking(source.ranking, passages);
  const allWarnings = [...warnings, ...ranking.warnings];
  progress({ phase: 'writing', done: 0, total: 1 });
  const manifest = await writePackFile(
    options.out,
    {
      manifest: {
        format: 1,
        pack: source.meta,
        createdAt: (options.now?.() ?? new Date()).toISOString(),
        counts: {
          articles: source.articles.length,
          passages: passages.length,
          responses: source.responses.length,
          intents: source.intents.length,
          rules: source.rules.length,
        },
        embedding:
          embeddings && embedder
            ? { model: embedder.modelId, dimension: embedder.dimension }
            : null,
      },
      entries: packContentEntries(source, passages, ranking.rows, embeddings),
    },
    options.signKeyPem,
  );
  progress({ phase: 'writing', done: 1, total: 1 });
  return {
    ok: true,
    manifest,
    passages,
    signedBy,
    ignored,
    warnings: allWarnings,
    ranking: ranking.rows.length,
  };
}
