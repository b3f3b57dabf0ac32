/**
 * Plain-text articles: paragraphs are separated by blank lines (wrapped lines are joined),
 * and lines starting with `-`, `*`, `•` or a number (`1.`, `2)`) are list items, nested by
 * their indentation. A line right after a list item continues it.
 */
import type { ArticleBlock } from '../../../../shared/packs/pack-schemas';

const ITEM = /^([-*•]|(\d{1,9})[.)])[ \t]+(.*)$/;

/** The blocks of a plain-text article. */
export function textToBlocks(text: string): ArticleBlock[] {
  const out: ArticleBlock[] = [];
  const indents: number[] = [];
  let current: ArticleBlock | null = null;
  let lines: string[] = [];

  const flush = () => {
    const joined = lines.join(' ').replace(/\s+/g, ' ').trim();
    if (current && joined && current.kind !== 'code' && current.kind !== 'heading')
      out.push({ ...current, text: joined });
    current = null;
    lines = [];
  };

  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.replace(/\t/g, '    ');
    const trimmed = line.trim();
    if (trimmed === '') {
      flush();
      continue;
    }
    const indent = line.length - line.trimStart().length;
    const item = ITEM.exec(trimmed);
    if (item) {
      flush();
      while (indents.length > 0 && indent <= indents[indents.length - 1]!) indents.pop();
      indents.push(indent);
      current = {
        kind: 'list-item',
        depth: Math.min(indents.length - 1, 10),
        ordered: item[2] !== undefined,
        text: '',
      };
      lines = [item[3]!];
    } else if (current) {
      lines.push(trimmed);
    } else {
      indents.length = 0;
      current = { kind: 'paragraph', text: '' };
      lines = [trimmed];
    }
  }
  flush();
  return out;
}
