/**
 * The doc2dial hit definition of shared/data/README.md: a result is a hit at k when one of the
 * top k passages comes from the gold article and holds at least half of the words of the gold
 * span. A word is a lower-cased run of letters or digits (the shared tokenizer). We count the
 * span's words with repeats ("all"): the span "the fee and the form" has five words, and a
 * passage holds a word when that word occurs in it anywhere. The "unique" reading (distinct
 * span words) is kept for comparison; it is the stricter of the two on these spans.
 */
import { words } from '../shared/knowledge/tokenizer';

/** How the span's words are counted. */
export type SpanWordCounting = 'all' | 'unique';

/** True when `passageText` holds at least half of the words of `goldSpan`. */
export function holdsSpan(
  passageText: string,
  goldSpan: string,
  counting: SpanWordCounting = 'all',
): boolean {
  const spanWords = counting === 'all' ? words(goldSpan) : [...new Set(words(goldSpan))];
  if (spanWords.length === 0) return false;
  const present = new Set(words(passageText));
  let held = 0;
  for (const w of spanWords) if (present.has(w)) held++;
  return held * 2 >= spanWords.length;
}

/** The rank (1-based) of the first hit among `ranked`, or null when none is a hit. */
export function firstHitRank(
  ranked: readonly { readonly articleId: string; readonly text: string }[],
  goldArticleId: string,
  goldSpan: string,
  counting: SpanWordCounting = 'all',
): number | null {
  for (let i = 0; i < ranked.length; i++) {
    const p = ranked[i]!;
    if (p.articleId === goldArticleId && holdsSpan(p.text, goldSpan, counting)) return i + 1;
  }
  return null;
}
