/**
 * An article's metadata: `title`, `tags`, `url` and `updated`, from front matter (any format)
 * or from an HTML page's <title> and <meta name="..."> tags. Front matter wins.
 */
import { z } from 'zod';
import type { PackProblem } from '../../../../shared/packs/pack-schemas';
import { parseLocatedYaml } from './yaml-locate';
import { describeIssues, PACK_KEYS } from '../../../../shared/zod-issues';

export interface ArticleMeta {
  title?: string;
  tags?: string[];
  /** Other words agents and customers use for the article; search reads them as its title does. */
  aliases?: string[];
  url?: string;
  updated?: string;
}

/** Tags as a list, or as one comma-separated string (`tags: refunds, returns`). */
const TagsSchema = z
  .union([z.array(z.string().trim().min(1).max(100)).max(100), z.string()], {
    error: 'must be a list of tags, or tags separated by commas',
  })
  .transform((tags) => (typeof tags === 'string' ? splitTags(tags) : tags));

/** The helpdesk address is opened in a browser: only http(s) may pass. */
export const HelpdeskUrlSchema = z
  .string()
  .trim()
  .refine((url) => isWebUrl(url), 'must be an http:// or https:// address');

const UpdatedSchema = z
  .union([z.string(), z.number()], { error: 'must be a date such as 2024-05-01' })
  .transform(String)
  .refine(
    (v) => /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(v.trim()),
    'must be a date such as 2024-05-01',
  );

export const FrontMatterSchema = z
  .object({
    title: z.string().trim().min(1).max(500).optional(),
    tags: TagsSchema.optional(),
    aliases: TagsSchema.optional(),
    url: HelpdeskUrlSchema.optional(),
    updated: UpdatedSchema.optional(),
  })
  .strict();

/** Parse the YAML of a front-matter block; problems are located in the article file. */
export function parseFrontMatter(
  file: string,
  yaml: string,
  firstLine: number,
): { meta: ArticleMeta; problems: PackProblem[] } {
  const located = parseLocatedYaml(yaml, firstLine);
  if (located.errors.length > 0) {
    return {
      meta: {},
      problems: located.errors.map((e) => ({
        file,
        line: e.line,
        message: `front matter: YAML syntax: ${e.message}`,
      })),
    };
  }
  const parsed = FrontMatterSchema.safeParse(located.value ?? {});
  if (parsed.success) return { meta: withoutUndefined(parsed.data), problems: [] };
  const problems = describeIssues(parsed.error.issues, located.value, PACK_KEYS).map((s) => ({
    file,
    line: located.lineOf(s.path),
    message: `front matter: ${s.message}`,
  }));
  return { meta: {}, problems };
}

/** One `<meta name content>` of an HTML article, with its line. */
export interface HtmlMetaTag {
  name: string;
  content: string;
  line: number;
}

/** Metadata from an HTML head: <title>, meta tags (`keywords`/`tags`, `url`, `updated`). */
export function htmlMeta(
  file: string,
  title: string | undefined,
  tags: HtmlMetaTag[],
): { meta: ArticleMeta; problems: PackProblem[] } {
  const meta: ArticleMeta = {};
  const problems: PackProblem[] = [];
  if (title?.trim()) meta.title = title.trim();
  for (const tag of tags) {
    const content = tag.content.trim();
    if (tag.name === 'keywords' || tag.name === 'tags') meta.tags = splitTags(content);
    if (tag.name === 'url') {
      if (isWebUrl(content)) meta.url = content;
      else
        problems.push({
          file,
          line: tag.line,
          message: `<meta name="url"> must be an http:// or https:// address (got ${JSON.stringify(content)})`,
        });
    }
    if (tag.name === 'updated') {
      const parsed = UpdatedSchema.safeParse(content);
      if (parsed.success) meta.updated = parsed.data;
      else
        problems.push({
          file,
          line: tag.line,
          message: `<meta name="updated"> must be a date such as 2024-05-01 (got ${JSON.stringify(content)})`,
        });
    }
  }
  return { meta, problems };
}

export function splitTags(text: string): string[] {
  return text
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
}

function isWebUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
  } catch {
    return false;
  }
}

function withoutUndefined(meta: ArticleMeta): ArticleMeta {
  return Object.fromEntries(Object.entries(meta).filter(([, v]) => v !== undefined)) as ArticleMeta;
}
