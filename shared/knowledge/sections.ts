/**
 * Reads the structure of a plain-text article: blank-line separated blocks, a short first line
 * that reads as a heading, standalone heading lines that head the blocks after them, and the
 * sentences of each paragraph. Everything is kept as offsets into the article text.
 */

/** A stretch of the article text (end exclusive). */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** A section: its heading path (outermost first) and its body sentences, in order. */
export interface Section {
  readonly path: readonly string[];
  readonly heading: Span | null;
  readonly sentences: readonly Span[];
}

/** Longest line we still read as a heading. */
const MAX_HEADING_CHARS = 160;

function looksLikeHeading(line: string): boolean {
  const t = line.trim();
  return t.length > 0 && t.length <= MAX_HEADING_CHARS && !/[.;,]$/.test(t);
}

/** Non-empty lines with their offsets, trimmed. */
function lines(text: string, from: number, to: number): Span[] {
  const out: Span[] = [];
  let i = from;
  while (i < to) {
    let j = text.indexOf('\n', i);
    if (j < 0 || j > to) j = to;
    const raw = text.slice(i, j);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed.length > 0) out.push({ start: i + lead, end: i + lead + trimmed.length });
    i = j + 1;
  }
  return out;
}

/** Blank-line separated blocks, each as its lines. */
function blocks(text: string): Span[][] {
  const out: Span[][] = [];
  let current: Span[] = [];
  let last = -1;
  for (const line of lines(text, 0, text.length)) {
    const gap = last < 0 ? '' : text.slice(last, line.start);
    if (current.length > 0 && (gap.match(/\n/g)?.length ?? 0) >= 2) {
      out.push(current);
      current = [];
    }
    current.push(line);
    last = line.end;
  }
  if (current.length > 0) out.push(current);
  return out;
}

/**
 * Splits a line into sentences at . ! ? or ; followed by a space; pieces longer than
 * `maxChars` are cut again at word boundaries so every sentence fits a passage.
 */
export function sentences(text: string, line: Span, maxChars: number): Span[] {
  const out: Span[] = [];
  const re = /[.!?;]+["')\]]*\s+/g;
  re.lastIndex = line.start;
  let start = line.start;
  for (let m = re.exec(text); m && m.index < line.end; m = re.exec(text)) {
    const end = Math.min(line.end, m.index + m[0].trimEnd().length);
    if (end > start) out.push({ start, end });
    start = m.index + m[0].length;
  }
  if (line.end > start) out.push({ start, end: line.end });
  return out.flatMap((s) => (s.end - s.start > maxChars ? cutAtWords(text, s, maxChars) : [s]));
}

function cutAtWords(text: string, span: Span, maxChars: number): Span[] {
  const out: Span[] = [];
  let start = span.start;
  while (span.end - start > maxChars) {
    let cut = text.lastIndexOf(' ', start + maxChars);
    if (cut <= start) cut = start + maxChars;
    out.push({ start, end: cut });
    start = cut;
    while (start < span.end && text[start] === ' ') start++;
  }
  if (span.end > start) out.push({ start, end: span.end });
  return out;
}

/** The sections of `text`, in order; text before any heading forms a section with no heading. */
export function parseSections(text: string, maxChars: number): Section[] {
  const out: Section[] = [];
  let parent: string | null = null;
  let current: { path: string[]; heading: Span | null; sentences: Span[] } | null = null;
  const flush = () => {
    if (current && current.sentences.length > 0) out.push(current);
    current = null;
  };
  for (const block of blocks(text)) {
    const first = block[0];
    if (!first) continue;
    const firstText = text.slice(first.start, first.end);
    if (block.length === 1 && looksLikeHeading(firstText)) {
      flush();
      parent = firstText.trim();
      continue;
    }
    const headed = block.length > 1 && looksLikeHeading(firstText);
    if (headed || current === null) {
      flush();
      const heading = headed ? firstText.trim() : null;
      const path = [parent, heading].filter((p): p is string => p !== null && p.length > 0);
      current = { path, heading: headed ? first : null, sentences: [] };
    }
    const body = headed ? block.slice(1) : block;
    for (const line of body) current.sentences.push(...sentences(text, line, maxChars));
  }
  flush();
  return out;
}
