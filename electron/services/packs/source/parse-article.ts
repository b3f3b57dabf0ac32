/**
 * One article file to an `Article`: front matter, format-specific blocks, then the title by
 * precedence (front matter `title`, HTML <title>, the first level-1 heading, the file name).
 */
import {
  ArticleIdSchema,
  ArticleSchema,
  type Article,
  type ArticleBlock,
  type PackProblem,
} from '../../../../shared/packs/pack-schemas';
import { assertNever } from '../../../../shared/result';
import { articleIdFromPath, titleFromFileName } from './article-id';
import { htmlMeta, parseFrontMatter, type ArticleMeta } from './article-meta';
import { splitFrontMatter } from './front-matter';
import { htmlToArticle } from './html-blocks';
import { markdownToBlocks } from './markdown-blocks';
import type { ArticleFormat } from './source-limits';
import { textToBlocks } from './text-blocks';
import { describeIssues, PACK_KEYS } from '../../../../shared/zod-issues';

export interface ParsedArticle {
  /** Derived from the path even when the article is invalid, so references to it still resolve. */
  articleId: string;
  article: Article | null;
  problems: PackProblem[];
}

const MAX_TITLE = 500;

/**
 * Parse an article. `file` is its path relative to the pack folder with forward slashes
 * (`articles/billing/refunds.md`); the article id is that path under `articles/`.
 */
export function parseArticle(file: string, format: ArticleFormat, text: string): ParsedArticle {
  const articleId = articleIdFromPath(file.replace(/^articles\//, ''));
  const problems: PackProblem[] = [];
  const split = splitFrontMatter(text);
  if (split.unclosed) {
    problems.push({
      file,
      line: 1,
      message: 'front matter starts with --- on line 1 but has no closing --- line',
    });
  }
  let meta: ArticleMeta = {};
  if (split.yaml !== null) {
    const front = parseFrontMatter(file, split.yaml, split.yamlFirstLine);
    meta = front.meta;
    problems.push(...front.problems);
  }

  let blocks: ArticleBlock[];
  switch (format) {
    case 'markdown':
      blocks = markdownToBlocks(split.body);
      break;
    case 'text':
      blocks = textToBlocks(split.body);
      break;
    case 'html': {
      const html = htmlToArticle(split.body, split.bodyFirstLine);
      const head = htmlMeta(file, html.title, html.meta);
      problems.push(...head.problems);
      meta = { ...head.meta, ...meta };
      blocks = html.blocks;
      break;
    }
    default:
      return assertNever(format);
  }

  if (!blocks.some((block) => block.text.trim() !== '')) {
    problems.push({
      file,
      line: split.bodyFirstLine,
      message: 'the article is empty: there is no text after its front matter',
    });
  }
  const idCheck = ArticleIdSchema.safeParse(articleId);
  if (!idCheck.success) {
    const reason = idCheck.error.issues.map((i) => i.message).join('; ');
    problems.push({
      file,
      message: `the file's path does not make a valid article id "${articleId}": ${reason}`,
    });
  }
  if (problems.length > 0) return { articleId, article: null, problems };

  const candidate = {
    articleId,
    title: meta.title ?? titleOf(blocks) ?? titleFromFileName(file),
    ...(meta.url === undefined ? {} : { url: meta.url }),
    tags: meta.tags ?? [],
    ...(meta.aliases?.length ? { aliases: meta.aliases } : {}),
    ...(meta.updated === undefined ? {} : { updated: meta.updated }),
    blocks,
  };
  const parsed = ArticleSchema.safeParse(candidate);
  if (parsed.success) return { articleId, article: parsed.data, problems };
  const issues = describeIssues(parsed.error.issues, candidate, PACK_KEYS).map((s) => ({
    file,
    message: s.message,
  }));
  return { articleId, article: null, problems: issues };
}

/** The first level-1 heading, shortened to the title limit. */
function titleOf(blocks: readonly ArticleBlock[]): string | undefined {
  const heading = blocks.find((b) => b.kind === 'heading' && b.level === 1);
  if (!heading) return undefined;
  return heading.text.length > MAX_TITLE
    ? `${heading.text.slice(0, MAX_TITLE - 1)}…`
    : heading.text;
}
