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
  }));
}

/** The content's passages as retrieval passages (keyed by `packId` when given). */
export function indexPassages(content: InstalledContent, packId: string | null): Passage[] {
  return content.passages.map((p) => ({
    passageId: p.id,
    articleId: articleKey(packId, p.articleId),
    title: p.title,
    sectionPath: p.section,
    text: p.text,
    start: p.start,
    end: p.end,
  }));
}

/** Loads the version in `folder` (content file and index folder names from the indexer). */
export async function loadInstalledPack(
  version: InstalledVersion,
  folder: string,
  files: { content: string; index: string },
): Promise<InstalledPackIndex> {
  const path = join(folder, files.content);
  const content = parseInstalledContent(await readFile(path, 'utf8'), path);
  const store = await openPassageStore(join(folder, files.index));
  return { version, content, store };
}
