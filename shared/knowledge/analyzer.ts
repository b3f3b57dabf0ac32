/**
 * Turns text into index terms: words, stop words dropped, Porter-stemmed. Bigram terms join
 * two neighbouring content words (after stop-word removal) with a space, which no unigram
 * contains, so both kinds share one vocabulary without colliding.
 */
import { porterStem } from './stemmer';
import { isStopWord } from './stop-words';
import { words } from './tokenizer';

/** How text becomes terms. */
export interface AnalyzerOptions {
  readonly stem: boolean;
  readonly removeStopWords: boolean;
}

/** Our default: stop words out, Porter stems. */
export const DEFAULT_ANALYZER: AnalyzerOptions = { stem: true, removeStopWords: true };

const stemCache = new Map<string, string>();

function stem(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    s = porterStem(word);
    if (stemCache.size < 200_000) stemCache.set(word, s);
  }
  return s;
}

/** The index terms of `text`, in order (repeats kept, so counts are term frequencies). */
export function analyze(text: string, options: AnalyzerOptions = DEFAULT_ANALYZER): string[] {
  const out: string[] = [];
  for (const word of words(text)) {
    if (options.removeStopWords && isStopWord(word)) continue;
    out.push(options.stem ? stem(word) : word);
  }
  return out;
}

/** Adjacent pairs of `terms` as bigram terms ("renew licens"). */
export function bigrams(terms: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 1; i < terms.length; i++) out.push(`${terms[i - 1]} ${terms[i]}`);
  return out;
}

/** Counts of each term. */
export function termCounts(terms: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
  return counts;
}
