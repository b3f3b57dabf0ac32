/**
 * Zendesk Help Center exports to article files. Accepts the articles API's
 * `{ "articles": [...] }` page, an array of pages, pages written one after another, or a
 * bare array of articles; sideloaded `sections` (`?include=sections`) name the folders.
 * Pure: decides the files to write; `import-zendesk.ts` writes them.
 */
import { stringify } from 'yaml';
import { z } from 'zod';
import type { PackProblem } from '../../../../shared/packs/pack-schemas';
import type { SkippedItem } from './import-summary';
import { parseJsonValues } from './json-values';
import { slugify } from './slug';

const IdSchema = z.union([z.number().int(), z.string().regex(/^\d+$/)]).transform(String);

const ZendeskArticleSchema = z.object({
  id: IdSchema,
  title: z.string().trim().min(1),
  body: z.string().nullable().optional(),
  html_url: z.string().optional(),
  label_names: z.array(z.string()).optional(),
  updated_at: z.string().optional(),
  section_id: IdSchema.nullable().optional(),
  locale: z.string().optional(),
  draft: z.boolean().optional(),
});
type ZendeskArticle = z.infer<typeof ZendeskArticleSchema>;

const SectionSchema = z.object({ id: IdSchema, name: z.string() });

export interface PlannedFile {
  /** Relative to the pack source folder. */
  path: string;
  content: string;
}

export interface ZendeskPlan {
  files: PlannedFile[];
  skipped: SkippedItem[];
  problems: PackProblem[];
}

/** Decide the article files for a Zendesk export. `file` names the export in problems. */
export function planZendeskImport(exportText: string, file = 'export.json'): ZendeskPlan {
  let values: unknown[];
  try {
    values = parseJsonValues(exportText);
  } catch (error) {
    return { files: [], skipped: [], problems: [{ file, message: (error as Error).message }] };
  }
  const { rawArticles, sections } = collect(values);
  const problems: PackProblem[] = [];
  const skipped: SkippedItem[] = [];
  if (rawArticles.length === 0)
    problems.push({
      file,
      message:
        'no articles found: expected {"articles": [...]} pages from the Help Center articles API',
    });

  const latest = new Map<string, ZendeskArticle>();
  rawArticles.forEach((raw, index) => {
    const parsed = ZendeskArticleSchema.safeParse(raw);
    if (!parsed.success) {
      const fields = [
        ...new Set(parsed.error.issues.map((i) => i.path.join('.') || 'article')),
      ].join(', ');
      problems.push({
        file,
        message: `article #${index + 1}${idHint(raw)}: missing or invalid ${fields}`,
      });
      return;
    }
    const article = parsed.data;
    const key = `${article.id}:${article.locale ?? ''}`;
    const previous = latest.get(key);
    if (previous) {
      const [kept, dropped] =
        (article.updated_at ?? '') >= (previous.updated_at ?? '')
          ? [article, previous]
          : [previous, article];
      skipped.push({
        item: label(dropped),
        reason: 'duplicate: an older copy of the same article',
      });
      latest.set(key, kept);
    } else {
      latest.set(key, article);
    }
  });

  const locales = new Set([...latest.values()].map((a) => a.locale ?? ''));
  const files: PlannedFile[] = [];
  for (const article of latest.values()) {
    if (article.draft) {
      skipped.push({ item: label(article), reason: 'draft' });
    } else if (!article.body?.replace(/<[^>]*>/g, '').trim()) {
      skipped.push({ item: label(article), reason: 'empty: the article has no body text' });
    } else {
      const section = article.section_id
        ? (sections.get(article.section_id) ?? `section-${article.section_id}`)
        : 'zendesk';
      const folder =
        locales.size > 1 ? `${slugify(article.locale ?? 'unknown')}/${section}` : section;
      files.push({
        path: `articles/${folder}/${slugify(article.title) || 'article'}-${article.id}.html`,
        content: articleFile(article),
      });
    }
  }
  return { files, skipped, problems };
}

function collect(values: unknown[]): { rawArticles: unknown[]; sections: Map<string, string> } {
  const rawArticles: unknown[] = [];
  const sections = new Map<string, string>();
  const visit = (value: unknown) => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (typeof value !== 'object' || value === null) return;
    const page = value as Record<string, unknown>;
    if (Array.isArray(page.articles)) rawArticles.push(...page.articles);
    else if ('body' in page && 'title' in page) rawArticles.push(page);
    if (Array.isArray(page.sections)) {
      for (const raw of page.sections) {
        const section = SectionSchema.safeParse(raw);
        if (section.success)
          sections.set(section.data.id, slugify(section.data.name) || `section-${section.data.id}`);
      }
    }
  };
  values.forEach(visit);
  return { rawArticles, sections };
}

/** The article file: front matter (title, url, tags, updated), then Zendesk's HTML body. */
function articleFile(article: ZendeskArticle): string {
  const front: Record<string, unknown> = { title: article.title };
  if (article.html_url && /^https?:\/\//i.test(article.html_url)) front.url = article.html_url;
  const tags = (article.label_names ?? []).map((t) => t.trim()).filter(Boolean);
  if (tags.length > 0) front.tags = tags;
  if (article.updated_at) front.updated = article.updated_at;
  return `---\n${stringify(front, { lineWidth: 0 })}---\n${article.body!.trim()}\n`;
}

function label(article: ZendeskArticle): string {
  return `article ${article.id} "${article.title}"`;
}

function idHint(raw: unknown): string {
  const id = (raw as { id?: unknown } | null)?.id;
  return typeof id === 'number' || typeof id === 'string' ? ` (id ${id})` : '';
}
