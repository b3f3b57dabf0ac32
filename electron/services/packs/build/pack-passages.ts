/**
 * Cutting a pack's articles into passages: the shared, tuned chunker (`chunkArticle`,
 * `DEFAULT_CHUNKER`) run on each article's one plain text (`articleText`), so passages carry
 * offsets the installed index can map straight back into the article.
 */
import { chunkArticle, DEFAULT_CHUNKER } from '../../../../shared/knowledge/chunker';
import { articleText } from '../../../../shared/packs/article-text';
import type { Article, Passage } from '../../../../shared/packs/pack-schemas';

/** The passages of one article, in reading order: ids `<articleId>#<n>`, n from 0. */
export function passagesOfArticle(article: Article): Passage[] {
  const text = articleText(article);
  if (text.trim() === '') return [];
  return chunkArticle({ articleId: article.articleId, title: article.title, text }, DEFAULT_CHUNKER)
    .filter((chunk) => chunk.text.trim() !== '')
    .map((chunk, n) => ({
      id: `${article.articleId}#${n}`,
      articleId: article.articleId,
      title: article.title,
      section: [...chunk.sectionPath],
      text: chunk.text,
      start: chunk.start,
      end: chunk.end,
    }));
}

/**
 * The text a passage is embedded as: its title and section path give the vector the context
 * a bare paragraph lacks ("Refunds — Card payments — It takes 5 days."). A section path that
 * only repeats the title (the article's opening section) is left out.
 */
export function embeddingText(passage: Passage): string {
  const path = passage.section[0] === passage.title ? passage.section.slice(1) : passage.section;
  return [passage.title, ...(path.length ? [path.join(' › ')] : []), passage.text].join(' — ');
}
