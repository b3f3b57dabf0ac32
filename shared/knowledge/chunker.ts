/**
 * Cuts articles into card-sized passages. Passages follow the article's structure: they are
 * made of whole sentences (or heading lines), every section start begins a passage, each
 * passage keeps the title and heading path of the section it starts in, and none exceeds
 * `maxChars`. With `slide`, a window starts at every sentence, so whatever sentence answers a
 * question, some passage holds it together with as much of its context as fits; windows that
 * would only repeat a part of the previous one are dropped. With `crossSections`, a window
 * that reaches the end of a short section runs on into the next one (heading line included)
 * rather than leaving the card half empty.
 */
import { parseSections, type Section, type Span } from './sections';
import type { Article, Passage } from './types';

/** How passages are cut. */
export interface ChunkerOptions {
  /** Hard limit on passage text length (card size). */
  readonly maxChars: number;
  /** Sliding windows (one per starting sentence) instead of back-to-back tiles. */
  readonly slide: boolean;
  /**
   * Let a window run on into the next section (its heading line becomes part of the text)
   * when the section ends before the window is full.
   */
  readonly crossSections: boolean;
}

/** Card-sized sliding windows that start in a section and may run on into the next. */
export const DEFAULT_CHUNKER: ChunkerOptions = { maxChars: 600, slide: true, crossSections: true };

/** A sentence (or heading line) with the section it belongs to. */
interface Unit extends Span {
  readonly section: number;
}

function unitsOf(sections: readonly Section[], crossSections: boolean): Unit[][] {
  const perSection = sections.map((s, i) => {
    const body = s.sentences.map((span) => ({ ...span, section: i }));
    // The heading only becomes text when a window can run into this section from the last.
    return crossSections && s.heading && i > 0 ? [{ ...s.heading, section: i }, ...body] : body;
  });
  return crossSections ? [perSection.flat()] : perSection;
}

/** Windows over `units` as [first, last] index pairs. */
export function windows(
  units: readonly Span[],
  maxChars: number,
  slide: boolean,
): [number, number][] {
  const out: [number, number][] = [];
  let lastEnd = -1;
  let i = 0;
  while (i < units.length) {
    const first = units[i]!;
    let j = i;
    while (j + 1 < units.length && units[j + 1]!.end - first.start <= maxChars) j++;
    if (j > lastEnd) out.push([i, j]);
    lastEnd = Math.max(lastEnd, j);
    i = slide ? i + 1 : j + 1;
  }
  return out;
}

/** The passages of one article, in reading order. */
export function chunkArticle(
  article: Article,
  options: ChunkerOptions = DEFAULT_CHUNKER,
): Passage[] {
  const sections = parseSections(article.text, options.maxChars);
  const out: Passage[] = [];
  for (const units of unitsOf(sections, options.crossSections) as Unit[][]) {
    for (const [i, j] of windows(units, options.maxChars, options.slide)) {
      const first = units[i]!;
      const last = units[j]!;
      // A window that starts on a heading line belongs to that heading's section anyway.
      const section = sections[first.section]!;
      out.push({
        passageId: `${article.articleId}#${out.length}`,
        articleId: article.articleId,
        title: article.title,
        sectionPath: section.path,
        text: article.text.slice(first.start, last.end),
        start: first.start,
        end: last.end,
      });
    }
  }
  return out;
}

/**
 * The plain baseline cut: back-to-back pieces of at most `maxChars`, broken at spaces, with no
 * regard for structure (what the data README's BM25 baseline describes).
 */
export function fixedChunks(article: Article, maxChars: number): Passage[] {
  const out: Passage[] = [];
  const text = article.text;
  let start = 0;
  while (start < text.length) {
    while (start < text.length && /\s/.test(text[start]!)) start++;
    if (start >= text.length) break;
    let end = Math.min(text.length, start + maxChars);
    if (end < text.length) {
      const space = text.lastIndexOf(' ', end);
      if (space > start) end = space;
    }
    const slice = text.slice(start, end).trimEnd();
    out.push({
      passageId: `${article.articleId}#${out.length}`,
      articleId: article.articleId,
      title: article.title,
      sectionPath: [],
      text: slice,
      start,
      end: start + slice.length,
    });
    start = end;
  }
  return out;
}
