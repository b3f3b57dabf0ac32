/**
 * Word tokenizer shared by indexing, querying, highlighting and the evaluation metric:
 * a word is a maximal run of letters or digits, lower-cased. Apostrophes and hyphens split
 * words ("don't" gives "don" and "t"), as the doc2dial text already does.
 */

/** A word of a text with its character offsets in that text (end exclusive). */
export interface Token {
  readonly word: string;
  readonly start: number;
  readonly end: number;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** The lower-cased words of `text`, in order. */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const match of text.matchAll(WORD)) out.push(match[0].toLowerCase());
  return out;
}

/** The lower-cased words of `text` with their offsets, for highlighting and proximity. */
export function tokens(text: string): Token[] {
  const out: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    const start = match.index ?? 0;
    out.push({ word: match[0].toLowerCase(), start, end: start + match[0].length });
  }
  return out;
}
