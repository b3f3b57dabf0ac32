/**
 * Which words of a passage to highlight on its card: the words whose analysed form (the same
 * stop words and Porter stems as the index) is a query term, so "refunded" lights up for a
 * customer who wrote "refund". Ranges are character offsets into the passage text.
 */
import { DEFAULT_ANALYZER, type AnalyzerOptions } from './analyzer';
import { porterStem } from './stemmer';
import { isStopWord } from './stop-words';
import { tokens } from './tokenizer';

/** A highlighted stretch of text, `[start, end)`. */
export type Highlight = readonly [number, number];

/**
 * The query terms worth highlighting: unigrams whose weight is at least `minShare` of the
 * heaviest one (old, faded turns do not light up the card).
 */
export function highlightTerms(query: ReadonlyMap<string, number>, minShare = 0.25): Set<string> {
  let max = 0;
  for (const [term, w] of query) if (!term.includes(' ')) max = Math.max(max, w);
  const out = new Set<string>();
  if (max <= 0) return out;
  for (const [term, w] of query) if (!term.includes(' ') && w >= minShare * max) out.add(term);
  return out;
}

/**
 * Character ranges of `text` whose words analyse to one of `terms`; neighbouring matches
 * separated only by spaces merge into one range.
 */
export function highlightRanges(
  text: string,
  terms: ReadonlySet<string>,
  analyzer: AnalyzerOptions = DEFAULT_ANALYZER,
): Highlight[] {
  const out: [number, number][] = [];
  if (terms.size === 0) return out;
  for (const token of tokens(text)) {
    if (analyzer.removeStopWords && isStopWord(token.word)) continue;
    const term = analyzer.stem ? porterStem(token.word) : token.word;
    if (!terms.has(term)) continue;
    const last = out[out.length - 1];
    if (last && /^[ \t]*$/.test(text.slice(last[1], token.start))) last[1] = token.end;
    else out.push([token.start, token.end]);
  }
  return out;
}
