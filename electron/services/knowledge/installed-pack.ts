/**
 * One installed pack version, loaded for searching: its checked content and its LanceDB
 * tables. Also the mapping from content to the retrieval types of shared/knowledge; in the
 * merged index an article is keyed by pack and article id, so two packs may both have a
 * `billing/refunds` without their passages mixing.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Article, Passage } from '../../../shared/knowledge/types';
import type { InstalledVersion } from '../../../shared/schemas/packs';
import { openPassageStore, type PassageStore } from './lancedb-passage-store';
import { parseInstalledContent, type InstalledContent } from '../packs/install/installed-content';

/** A loaded pack version. */
export interface InstalledPackIndex {
  readonly version: InstalledVersion;
  readonly content: InstalledContent;
  readonly store: PassageStore & { close(): void };
}

/** The merged-index key of an article: unique across packs. */
export function articleKey(packId: string | null, articleId: string): string {
  return packId === null ? articleId : `${packId}\u0000${articleId}`;
}

/** The content's articles as retrieval articles (keyed by `packId` when given). */
export function indexArticles(content: InstalledContent, packId: string | null): Article[] {
  return content.articles.map((a) => ({
    articleId: articleKey(packId, a.articleId),
    title: a.title,
    text: a.text,
    ...(a.aliases ? { aliases: a.aliases } : {}),
  }));
}

/** The content's passages as retrieval passages (keyed by `packId` when given). */
export function indexPassages(content: InstalledContent, packId: string | null): Passage[] {
  // One key string per article, not one per passage.
  const keys = new Map(content.articles.map((a) => [a.articleId, articleKey(packId, a.articleId)]));
  const aliases = new Map(
    content.articles.flatMap((a) => (a.aliases ? [[a.articleId, a.aliases]] : [])),
  );
  return content.passages.map((p) => ({
    passageId: p.id,
    articleId: keys.get(p.articleId) ?? articleKey(packId, p.articleId),
    title: p.title,
    ...(aliases.has(p.articleId) ? { aliases: aliases.get(p.articleId)! } : {}),
    sectionPath: p.section,
    text: p.text,
    start: p.start,
    end: p.end,
  }));
}

/**
 * The same content holding each text once: a passage's text becomes a slice of its article's
 * text (V8 keeps a slice as a pointer into the article, not a copy), and its article id,
 * title and section path become its article's strings and one shared array per section. Sliding
 * windows overlap, so passage texts add up to about twice the articles; 100k passages hold
 * ~55 MB of passage text and ~25 MB of article text as parsed, ~25 MB after this.
 */
export function shareStrings(content: InstalledContent): InstalledContent {
  const articles = new Map(content.articles.map((a) => [a.articleId, a]));
  const sections = new Map<string, string[]>();
  const passages = content.passages.map((p) => {
    const article = articles.get(p.articleId);
    if (!article) return p;
    const sectionKey = `${article.articleId}\u0000${p.section.join('\u0000')}`;
    let section = sections.get(sectionKey);
    if (!section) sections.set(sectionKey, (section = p.section));
    const slice = article.text.slice(p.start, p.end);
    return {
      ...p,
      articleId: article.articleId,
      title: p.title === article.title ? article.title : p.title,
      section,
      text: slice === p.text ? slice : p.text,
    };
  });
  return { ...content, passages };
}

/** Loads the version in `folder` (content file and index folder names from the indexer). */
export async function loadInstalledPack(
  version: InstalledVersion,
  folder: string,
  files: { content: string; index: string },
): Promise<InstalledPackIndex> {
  const path = join(folder, files.content);
  const content = shareStrings(parseInstalledContent(await readFile(path, 'utf8'), path));
  const store = await openPassageStore(join(folder, files.index));
  return { version, content, store };
}
