/**
 * The content of a verified pack, parsed and checked against the pack schemas, and the
 * `content.json` an installed version keeps beside its LanceDB tables: article texts (with
 * their helpdesk urls), passages in index order, responses, intents and rules. The installed
 * form holds plain article text (`articleText`), so loading it needs no re-derivation.
 */
import { z } from 'zod';
import { articleText } from '../../../../shared/packs/article-text';
import {
  ArticleSchema,
  IntentSchema,
  PackRankingRowSchema,
  PassageSchema,
  ResponseSchema,
  RuleSchema,
} from '../../../../shared/packs/pack-schemas';
import { AppError } from '../../../../shared/result';
import { describeZodError } from '../../../../shared/zod-issues';
import { RANKING_ENTRY_PATH, type VerifiedPack } from '../pack-file';

/** An article as the installed index keeps it. */
export const InstalledArticleSchema = z.object({
  articleId: z.string(),
  title: z.string(),
  url: z.string().optional(),
  /** Other words for the article, searched with its title. */
  aliases: z.array(z.string()).optional(),
  text: z.string(),
});
export type InstalledArticle = z.infer<typeof InstalledArticleSchema>;

/** A passage as the installed index keeps it: offsets always resolved. */
export const InstalledPassageSchema = PassageSchema.extend({
  start: z.number().int().min(0),
  end: z.number().int().min(0),
});
export type InstalledPassage = z.infer<typeof InstalledPassageSchema>;

/** `content.json` of an installed version. */
export const InstalledContentSchema = z.object({
  format: z.literal(1),
  articles: z.array(InstalledArticleSchema),
  passages: z.array(InstalledPassageSchema),
  responses: z.array(ResponseSchema),
  intents: z.array(IntentSchema),
  rules: z.array(RuleSchema),
  /** The team's ranking (`content/ranking.json`), when the pack carries one. */
  ranking: z.array(PackRankingRowSchema).optional(),
});
export type InstalledContent = z.infer<typeof InstalledContentSchema>;

const decoder = new TextDecoder();

function refuse(packId: string, where: string, problem: string): never {
  throw new AppError('invalid_request', `pack ${packId}: ${where}: ${problem}`);
}

function parseRows<T>(packId: string, path: string, bytes: Uint8Array, schema: z.ZodType<T>): T[] {
  const rows: T[] = [];
  decoder
    .decode(bytes)
    .split('\n')
    .forEach((line, i) => {
      if (line.trim() === '') return;
      rows.push(parseJson(packId, `${path} line ${i + 1}`, line, schema));
    });
  return rows;
}

function parseJson<T>(packId: string, where: string, text: string, schema: z.ZodType<T>): T {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    refuse(packId, where, 'not valid JSON');
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success)
    refuse(packId, where, describeZodError(parsed.error, raw, { root: 'the value' }));
  return parsed.data;
}

/**
 * Parses and cross-checks a verified pack's content: every passage names an article of the
 * pack, the passage count matches the manifest (the embeddings rows depend on it), and
 * offsets that are missing or wrong are resolved against the article text.
 */
export function readPackContent(pack: VerifiedPack): InstalledContent {
  const packId = pack.manifest.pack.id;
  const entry = (path: Parameters<VerifiedPack['entry']>[0]) => pack.entry(path);
  const articles = parseRows(
    packId,
    'content/articles.jsonl',
    entry('content/articles.jsonl'),
    ArticleSchema,
  );
  const passages = parseRows(
    packId,
    'content/passages.jsonl',
    entry('content/passages.jsonl'),
    PassageSchema,
  );
  const list = <T>(
    path: 'content/responses.json' | 'content/intents.json' | 'content/rules.json',
    schema: z.ZodType<T>,
  ) => parseJson(packId, path, decoder.decode(entry(path)), z.array(schema));
  const texts = new Map<string, InstalledArticle>();
  for (const a of articles) {
    if (texts.has(a.articleId))
      refuse(packId, 'content/articles.jsonl', `article ${a.articleId} is listed twice`);
    texts.set(a.articleId, {
      articleId: a.articleId,
      title: a.title,
      ...(a.url ? { url: a.url } : {}),
      ...(a.aliases?.length ? { aliases: a.aliases } : {}),
      text: articleText(a),
    });
  }
  if (passages.length !== pack.manifest.counts.passages) {
    refuse(
      packId,
      'content/passages.jsonl',
      `holds ${passages.length} passages; the manifest says ${pack.manifest.counts.passages}`,
    );
  }
  const resolved = passages.map((p, i) => {
    const article = texts.get(p.articleId);
    if (!article)
      refuse(
        packId,
        `content/passages.jsonl line ${i + 1}`,
        `article ${p.articleId} is not in the pack`,
      );
    return { ...p, ...passageOffsets(article.text, p) };
  });
  const ranking = pack.manifest.entries.some((e) => e.path === RANKING_ENTRY_PATH)
    ? parseJson(
        packId,
        RANKING_ENTRY_PATH,
        decoder.decode(entry(RANKING_ENTRY_PATH)),
        z.array(PackRankingRowSchema),
      )
    : [];
  const passageIds = new Set(passages.map((p) => p.id));
  ranking.forEach((row, i) => {
    if (!texts.has(row.articleId))
      refuse(
        packId,
        `${RANKING_ENTRY_PATH} row ${i + 1}`,
        `article ${row.articleId} is not in the pack`,
      );
    if (row.passageId !== undefined && !passageIds.has(row.passageId))
      refuse(
        packId,
        `${RANKING_ENTRY_PATH} row ${i + 1}`,
        `passage ${row.passageId} is not in the pack`,
      );
  });
  return {
    format: 1,
    articles: [...texts.values()],
    passages: resolved,
    responses: list('content/responses.json', ResponseSchema),
    intents: list('content/intents.json', IntentSchema),
    rules: list('content/rules.json', RuleSchema),
    ...(ranking.length > 0 && { ranking }),
  };
}

/** The passage's offsets in its article: as given when they hold its text, else found. */
function passageOffsets(
  text: string,
  passage: { text: string; start?: number; end?: number },
): { start: number; end: number } {
  const { start, end } = passage;
  if (start !== undefined && end !== undefined && text.slice(start, end) === passage.text) {
    return { start, end };
  }
  const found = text.indexOf(passage.text);
  return found >= 0
    ? { start: found, end: found + passage.text.length }
    : { start: 0, end: passage.text.length };
}

/** Parses an installed version's `content.json`. */
export function parseInstalledContent(text: string, where: string): InstalledContent {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new AppError('internal', `${where} is not valid JSON; reinstall the pack`);
  }
  const parsed = InstalledContentSchema.safeParse(raw);
  if (!parsed.success) {
    throw new AppError(
      'internal',
      `${where} is damaged (${describeZodError(parsed.error, raw, { root: 'the content' })}); reinstall the pack`,
    );
  }
  return parsed.data;
}
