/**
 * The plain text of a pack article, derived from its blocks: one block per paragraph, blank
 * lines between blocks, headings on lines of their own, list items with their marker. The
 * pack builder cuts passages from this text (keeping offsets into it) and the installed index
 * scores whole articles on it, so both read exactly the same text.
 */
import type { Article, ArticleBlock } from './pack-schemas';

function blockText(block: ArticleBlock, ordinal: number): string {
  switch (block.kind) {
    case 'heading':
    case 'paragraph':
    case 'code':
      return block.text;
    case 'list-item':
      return `${'  '.repeat(block.depth)}${block.ordered ? `${ordinal}.` : '-'} ${block.text}`;
    default: {
      const never: never = block;
      return never;
    }
  }
}

/** The article's text: blocks in reading order, separated by blank lines. */
export function articleText(article: Pick<Article, 'blocks'>): string {
  const parts: string[] = [];
  let ordinal = 0;
  for (const block of article.blocks) {
    ordinal = block.kind === 'list-item' && block.ordered ? ordinal + 1 : 0;
    const text = blockText(block, ordinal).trim();
    if (text) parts.push(text);
  }
  return parts.join('\n\n');
}
