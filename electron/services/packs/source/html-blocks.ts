/**
 * HTML articles (helpdesk exports, saved pages) to blocks, using htmlparser2's streaming
 * parser: it decodes entities and closes implied tags (`<li>` after `<li>`, `<p>` before a
 * block) the way browsers do. Headings, paragraphs, nested list items, `<pre>` code and table
 * rows become blocks; scripts, styles, templates and hidden elements are dropped; the head's
 * <title> and <meta name content> tags are returned for the article's metadata.
 */
import { Parser } from 'htmlparser2';
import type { ArticleBlock } from '../../../../shared/packs/pack-schemas';
import type { HtmlMetaTag } from './article-meta';

export interface HtmlArticle {
  blocks: ArticleBlock[];
  title?: string;
  meta: HtmlMetaTag[];
}

type Container =
  | { kind: 'paragraph' }
  | { kind: 'heading'; level: number }
  | { kind: 'list-item'; depth: number; ordered: boolean };

const SKIPPED = new Set([
  'script',
  'style',
  'template',
  'noscript',
  'svg',
  'math',
  'iframe',
  'object',
  'canvas',
  'button',
  'select',
]);
const PARAGRAPH_BREAKS = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'header',
  'footer',
  'aside',
  'nav',
  'blockquote',
  'dl',
  'dt',
  'dd',
  'figure',
  'figcaption',
  'caption',
  'address',
  'details',
  'summary',
  'fieldset',
  'form',
  'hr',
  'table',
  'body',
]);

/** Parse an HTML article. `firstLine` is the line of the HTML's first line in its file. */
export function htmlToArticle(html: string, firstLine = 1): HtmlArticle {
  const blocks: ArticleBlock[] = [];
  const meta: HtmlMetaTag[] = [];
  const containers: Container[] = [];
  const lists: boolean[] = [];
  let buffer = '';
  let skipDepth = 0;
  let title: string | undefined;
  let titleText: string | null = null;
  let preDepth = 0;
  let preText = '';
  let row: string[] | null = null;
  let cell: string | null = null;

  const flush = () => {
    const text = collapse(buffer);
    buffer = '';
    if (!text) return;
    const top = containers[containers.length - 1] ?? { kind: 'paragraph' };
    blocks.push(top.kind === 'paragraph' ? { kind: 'paragraph', text } : { ...top, text });
  };
  const append = (text: string) => {
    if (cell !== null) cell += text;
    else buffer += text;
  };
  const space = () => append(' ');
  const lineAt = (offset: number) => firstLine + countNewlines(html, offset);

  const parser: Parser = new Parser(
    {
      onopentag(name, attribs) {
        if (
          skipDepth > 0 ||
          SKIPPED.has(name) ||
          'hidden' in attribs ||
          attribs['aria-hidden'] === 'true'
        ) {
          skipDepth++;
          return;
        }
        if (name === 'title' && title === undefined) titleText = '';
        else if (name === 'meta') {
          const key = (attribs.name ?? attribs.property ?? '').toLowerCase();
          if (key && attribs.content !== undefined)
            meta.push({ name: key, content: attribs.content, line: lineAt(parser.startIndex) });
        } else if (preDepth > 0) {
          if (name === 'br') preText += '\n';
          if (name === 'pre') preDepth++;
        } else if (name === 'pre') {
          flush();
          preDepth = 1;
        } else if (name === 'br') space();
        else if (name === 'img' && attribs.alt) append(` ${attribs.alt} `);
        else if (cell !== null) space();
        else if (name === 'tr') {
          flush();
          row = [];
        } else if (name === 'td' || name === 'th') cell = '';
        else if (/^h[1-6]$/.test(name)) {
          flush();
          containers.push({ kind: 'heading', level: Number(name[1]) });
        } else if (name === 'ul' || name === 'ol') {
          flush();
          lists.push(name === 'ol');
        } else if (name === 'li') {
          flush();
          containers.push({
            kind: 'list-item',
            depth: Math.min(Math.max(lists.length - 1, 0), 10),
            ordered: lists[lists.length - 1] ?? false,
          });
        } else if (PARAGRAPH_BREAKS.has(name)) {
          if (containers.length > 0) space();
          else flush();
        }
      },
      ontext(text) {
        if (skipDepth > 0) return;
        if (titleText !== null) titleText += text;
        else if (preDepth > 0) preText += text;
        else append(text);
      },
      onclosetag(name) {
        if (skipDepth > 0) {
          skipDepth--;
          return;
        }
        if (name === 'title' && titleText !== null) {
          title = collapse(titleText) || undefined;
          titleText = null;
        } else if (preDepth > 0) {
          if (name === 'pre' && --preDepth === 0) {
            const code = preText.replace(/^\n/, '').replace(/\s+$/, '');
            if (code) blocks.push({ kind: 'code', text: code });
            preText = '';
          }
        } else if ((name === 'td' || name === 'th') && cell !== null) {
          row?.push(collapse(cell));
          cell = null;
        } else if (cell !== null) space();
        else if (name === 'tr' && row) {
          const text = row.filter(Boolean).join(' | ');
          if (text) blocks.push({ kind: 'paragraph', text });
          row = null;
        } else if (/^h[1-6]$/.test(name) || name === 'li') {
          flush();
          containers.pop();
        } else if (name === 'ul' || name === 'ol') {
          flush();
          lists.pop();
        } else if (PARAGRAPH_BREAKS.has(name)) {
          if (containers.length > 0) space();
          else flush();
        }
      },
    },
    {
      decodeEntities: true,
      lowerCaseTags: true,
      lowerCaseAttributeNames: true,
      recognizeSelfClosing: true,
    },
  );
  parser.write(html);
  parser.end();
  flush();
  return title === undefined ? { blocks, meta } : { blocks, title, meta };
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function countNewlines(text: string, end: number): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) count++;
  return count;
}
