/**
 * Knowledge hits grouped by article: one card per article, led by its best passage (the
 * first, since hits come ranked), with the article's other passages behind "more".
 */
import type { SearchHit } from '../../../shared/schemas/knowledge';

export interface ArticleGroup {
  /** `packId/articleId`: unique across packs. */
  key: string;
  best: SearchHit;
  /** The article's other passages, in rank order. */
  more: SearchHit[];
}

/** Group ranked `hits` by article, keeping the order of each article's best passage. */
export function groupByArticle(hits: readonly SearchHit[]): ArticleGroup[] {
  const groups = new Map<string, ArticleGroup>();
  for (const hit of hits) {
    const key = `${hit.packId}/${hit.articleId}`;
    const group = groups.get(key);
    if (group) {
      if (
        !group.more.some((other) => other.passage === hit.passage) &&
        group.best.passage !== hit.passage
      )
        group.more.push(hit);
    } else groups.set(key, { key, best: hit, more: [] });
  }
  return [...groups.values()];
}
