/**
 * Reads a knowledge-pack source folder, the folder a team lead edits, and validates all of
 * it in one pass: every problem is reported at once, each with its file and, where there is
 * one, its line. The pack is returned only when there are no problems.
 *
 * Folder layout: `pack.yaml` (required), `articles/**` (.md, .html, .htm, .txt),
 * `responses.yaml`, `intents.yaml`, `rules.yaml`, `ranking.yaml` (all optional; the last is
 * written by `inloop learn merge`).
 */
import { readFile, stat } from 'node:fs/promises';
import {
  IntentSchema,
  PackMetaSchema,
  RankingEntrySchema,
  ResponseSchema,
  RuleSchema,
  type Article,
  type PackProblem,
  type PackSource,
} from '../../../../shared/packs/pack-schemas';
import { articleIdFromPath } from './article-id';
import { listSourceFiles, type SourceFile } from './list-source-files';
import { checkPack, repeatedExamples } from './pack-checks';
import { parseArticle, type ParsedArticle } from './parse-article';
import { decodeUtf8 } from './utf8';
import { parseListFile, parseMapFile } from './yaml-files';

export interface PackSourceResult {
  /** The parsed pack, or null when there is any problem. */
  source: PackSource | null;
  /** Every problem found, ordered by file and line. */
  problems: PackProblem[];
  /** What the build fixed on its own and the team lead should know (a repeated example dropped). */
  warnings: PackProblem[];
  /** Files skipped on purpose (hidden files, pictures, a README beside pack.yaml). */
  ignored: string[];
}

const READ_CONCURRENCY = 8;

/** Read and validate the pack source folder `dir`. */
export async function readPackSource(dir: string): Promise<PackSourceResult> {
  const info = await stat(dir).catch(() => null);
  if (!info?.isDirectory()) {
    return {
      source: null,
      problems: [{ file: '.', message: `${dir} is not a folder` }],
      warnings: [],
      ignored: [],
    };
  }
  const listing = await listSourceFiles(dir);
  const problems = [...listing.problems];
  const readText = async (file: SourceFile | undefined): Promise<string | null> => {
    if (!file) return null;
    const decoded = decodeUtf8(await readFile(file.path));
    if (decoded.ok) return decoded.text;
    problems.push({
      file: file.rel,
      line: decoded.line,
      message: 'not valid UTF-8 text (from this line on): save the file with UTF-8 encoding',
    });
    return null;
  };

  const metaText = await readText(listing.packFiles['pack.yaml']);
  if (!listing.packFiles['pack.yaml']) {
    problems.push({
      file: 'pack.yaml',
      message: 'missing: every pack source needs pack.yaml with id, name, version and publisher',
    });
  }
  const meta = metaText === null ? null : parseMapFile('pack.yaml', metaText, PackMetaSchema);
  const responses = parseListFile(
    'responses.yaml',
    (await readText(listing.packFiles['responses.yaml'])) ?? '',
    'responses',
    'response',
    ResponseSchema,
  );
  const intents = parseListFile(
    'intents.yaml',
    (await readText(listing.packFiles['intents.yaml'])) ?? '',
    'intents',
    'intent',
    IntentSchema,
  );
  const rules = parseListFile(
    'rules.yaml',
    (await readText(listing.packFiles['rules.yaml'])) ?? '',
    'rules',
    'rule',
    RuleSchema,
  );
  const ranking = parseListFile(
    'ranking.yaml',
    (await readText(listing.packFiles['ranking.yaml'])) ?? '',
    'ranking',
    'entry',
    RankingEntrySchema,
  );

  const parsedArticles: ParsedArticle[] = [];
  for (let i = 0; i < listing.articles.length; i += READ_CONCURRENCY) {
    const batch = listing.articles.slice(i, i + READ_CONCURRENCY);
    const texts = await Promise.all(batch.map((file) => readText(file)));
    batch.forEach((file, k) => {
      const text = texts[k];
      if (text === null || text === undefined) return;
      parsedArticles.push(parseArticle(file.rel, file.format, text));
    });
  }

  problems.push(
    ...(meta?.problems ?? []),
    ...parsedArticles.flatMap((a) => a.problems),
    ...responses.problems,
    ...intents.problems,
    ...rules.problems,
    ...ranking.problems,
    ...checkPack({
      articles: listing.articles.map((file) => ({
        file: file.rel,
        articleId: articleIdFromPath(file.rel.slice('articles/'.length)),
      })),
      responses: responses.entries,
      intents: intents.entries,
      rules: rules.entries,
    }),
  );
  problems.sort(byFileAndLine);
  const repeated = repeatedExamples(intents.entries);
  const warnings = repeated.warnings.sort(byFileAndLine);

  if (problems.length > 0 || !meta?.value)
    return { source: null, problems, warnings, ignored: listing.ignored };
  const source: PackSource = {
    meta: meta.value,
    articles: parsedArticles.map((a) => a.article).filter((a): a is Article => a !== null),
    responses: responses.entries.flatMap((e) => (e.value ? [e.value] : [])),
    intents: intents.entries.flatMap((e) => {
      if (!e.value) return [];
      const drop = repeated.drop.get(e.index);
      return [
        drop ? { ...e.value, examples: e.value.examples.filter((_, i) => !drop.has(i)) } : e.value,
      ];
    }),
    rules: rules.entries.flatMap((e) => (e.value ? [e.value] : [])),
    ranking: ranking.entries.flatMap((e) => (e.value ? [e.value] : [])),
  };
  return { source, problems, warnings, ignored: listing.ignored };
}

function byFileAndLine(a: PackProblem, b: PackProblem): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return (a.line ?? 0) - (b.line ?? 0);
}
