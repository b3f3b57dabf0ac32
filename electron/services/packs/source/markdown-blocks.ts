/**
 * A small Markdown block parser for knowledge articles, following CommonMark where it matters
 * for structure: ATX and setext headings, paragraphs joined across soft line breaks, bullet
 * and ordered lists with nesting by content indentation, fenced and indented code, block
 * quotes (their content kept, headings inside flattened to paragraphs), GFM tables (one
 * paragraph per row, cells joined by " | "), HTML comments dropped, inline markup stripped.
 */
import type { ArticleBlock } from '../../../../shared/packs/pack-schemas';
import { normalizeLabel, stripInline } from './markdown-inline';
import { isDelimiterRow, tableRowText } from './markdown-table';

interface ListLevel {
  markerIndent: number;
  contentIndent: number;
}

type OpenBlock = { kind: 'paragraph' } | { kind: 'list-item'; depth: number; ordered: boolean };

const ATX = /^(#{1,6})(?:[ \t]+|$)(.*)$/;
const SETEXT = /^(=+|-+)[ \t]*$/;
const THEMATIC = /^([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const FENCE = /^(`{3,}|~{3,})(.*)$/;
const LIST_ITEM = /^([-*+]|(\d{1,9})[.)])(?:([ \t]+)(.*))?$/;
const REFERENCE = /^\[([^\]]+)\]:\s*\S/;
const ALERT = /^\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\][ \t]*/i;

/** The blocks of a Markdown document (front matter already removed). */
export function markdownToBlocks(markdown: string): ArticleBlock[] {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n').map(expandTabs);
  const references = new Set(
    lines
      .map((l) => REFERENCE.exec(l.trim())?.[1])
      .filter((l) => l !== undefined)
      .map(normalizeLabel),
  );
  const text = (raw: string) => stripInline(raw, references);
  const out: ArticleBlock[] = [];
  const lists: ListLevel[] = [];
  let open: OpenBlock | null = null;
  let pending: string[] = [];
  let blankBefore = false;

  const flush = () => {
    const joined = text(pending.join(' '));
    if (open && joined)
      out.push(
        open.kind === 'list-item' ? { ...open, text: joined } : { kind: 'paragraph', text: joined },
      );
    open = null;
    pending = [];
  };
  /** Leave the list items this indentation is not inside. */
  const closeLists = (indent: number) => {
    while (lists.length > 0 && indent < lists[lists.length - 1]!.contentIndent) lists.pop();
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const indent = line.length - line.trimStart().length;
    const content = line.slice(indent);
    const codeIndent = (lists[lists.length - 1]?.contentIndent ?? 0) + 4;
    if (content === '') {
      flush();
      blankBefore = true;
      continue;
    }
    const continuing = open !== null && !blankBefore;
    blankBefore = false;

    if (content.startsWith('<!--') && !content.includes('-->')) {
      flush();
      while (i < lines.length - 1 && !lines[i]!.includes('-->')) i++;
      continue;
    }
    if (!continuing && open === null && indent >= codeIndent) {
      const start = i;
      while (
        i + 1 < lines.length &&
        (lines[i + 1]!.trim() === '' || leading(lines[i + 1]!) >= codeIndent)
      )
        i++;
      const code = lines
        .slice(start, i + 1)
        .map((l) => l.slice(codeIndent))
        .join('\n')
        .replace(/\s+$/, '');
      if (code) out.push({ kind: 'code', text: code });
      continue;
    }
    if (indent < codeIndent) {
      const fence = FENCE.exec(content);
      if (fence && !(fence[1]!.startsWith('`') && fence[2]!.includes('`'))) {
        flush();
        closeLists(indent);
        const marker = fence[1]!;
        const body: string[] = [];
        while (i + 1 < lines.length && !isClosingFence(lines[i + 1]!, marker))
          body.push(dedent(lines[++i]!, indent));
        i++;
        const code = body.join('\n').replace(/^\n+|\s+$/g, '');
        if (code) out.push({ kind: 'code', text: code });
        continue;
      }
      const atx = ATX.exec(content);
      if (atx) {
        flush();
        closeLists(indent);
        const heading = text(atx[2]!.replace(/(?:^|[ \t]+)#+[ \t]*$/, ''));
        if (heading) out.push({ kind: 'heading', level: atx[1]!.length, text: heading });
        continue;
      }
      const setext = SETEXT.exec(content);
      if (setext && continuing && open!.kind === 'paragraph') {
        const heading = text(pending.join(' '));
        open = null;
        pending = [];
        if (heading)
          out.push({ kind: 'heading', level: setext[1]!.startsWith('=') ? 1 : 2, text: heading });
        continue;
      }
      if (THEMATIC.test(content)) {
        flush();
        closeLists(indent);
        continue;
      }
      if (content.startsWith('>')) {
        flush();
        closeLists(indent);
        const quoted: string[] = [];
        for (; i < lines.length; i++) {
          const q = lines[i]!.trimStart();
          if (q.startsWith('>')) quoted.push(q.replace(/^> ?/, ''));
          else if (
            q !== '' &&
            quoted.length > 0 &&
            quoted[quoted.length - 1]!.trim() !== '' &&
            !startsBlock(q)
          )
            quoted.push(q);
          else break;
        }
        i--;
        const inner = quoted
          .join('\n')
          .replace(ALERT, (_, kind: string) => `${kind[0]}${kind.slice(1).toLowerCase()}: `);
        for (const block of markdownToBlocks(inner)) {
          out.push(block.kind === 'heading' ? { kind: 'paragraph', text: block.text } : block);
        }
        continue;
      }
      const item = LIST_ITEM.exec(content);
      const itemText = item?.[4] ?? '';
      const interruptsParagraph =
        !continuing ||
        open!.kind === 'list-item' ||
        (itemText.trim() !== '' && (item?.[2] === undefined || item[2] === '1'));
      if (item && interruptsParagraph) {
        flush();
        closeLists(indent);
        const spaces = item[3]?.length ?? 1;
        const width = item[1]!.length + (spaces > 4 || itemText === '' ? 1 : spaces);
        lists.push({ markerIndent: indent, contentIndent: indent + width });
        open = {
          kind: 'list-item',
          depth: Math.min(lists.length - 1, 10),
          ordered: item[2] !== undefined,
        };
        pending = [itemText.replace(/^\[[ xX]\][ \t]+/, '')];
        continue;
      }
      if (content.includes('|') && isDelimiterRow(lines[i + 1] ?? '')) {
        flush();
        closeLists(indent);
        const rows = [content];
        for (i += 2; i < lines.length && lines[i]!.trim() !== '' && lines[i]!.includes('|'); i++)
          rows.push(lines[i]!.trim());
        i--;
        for (const row of rows) {
          const rowText = tableRowText(row, text);
          if (rowText) out.push({ kind: 'paragraph', text: rowText });
        }
        continue;
      }
      if (!continuing && open === null && REFERENCE.test(content)) continue;
    }

    const lineText = content.replace(/\\$/, '');
    if (continuing) {
      pending.push(lineText);
      continue;
    }
    flush();
    closeLists(indent);
    open = { kind: 'paragraph' };
    pending = [lineText];
  }
  flush();
  return out;
}

function isClosingFence(line: string, marker: string): boolean {
  const trimmed = line.trim();
  return trimmed.length >= marker.length && [...trimmed].every((char) => char === marker[0]);
}

/** A line that would start a new block rather than continue a quoted paragraph. */
function startsBlock(line: string): boolean {
  return ATX.test(line) || FENCE.test(line) || THEMATIC.test(line) || LIST_ITEM.test(line);
}

function leading(line: string): number {
  return line.length - line.trimStart().length;
}

/** Remove up to `indent` leading spaces (content of a fence opened at that indentation). */
function dedent(line: string, indent: number): string {
  return line.slice(Math.min(indent, leading(line)));
}

/** Tabs to the next multiple of four columns, in the leading whitespace only. */
function expandTabs(line: string): string {
  if (!line.includes('\t')) return line;
  const leadingWhitespace = /^[ \t]*/.exec(line)![0];
  let column = 0;
  for (const char of leadingWhitespace)
    column = char === '\t' ? column + 4 - (column % 4) : column + 1;
  return ' '.repeat(column) + line.slice(leadingWhitespace.length);
}
