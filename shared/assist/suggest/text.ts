/**
 * Text helpers the suggestion functions share: sentences, stemmed content terms, and a cosine
 * between term-weight vectors. Terms come from the knowledge analyzer (stop words out, Porter
 * stems), so "refunded" in a turn meets "refund" in a canned reply.
 */
import { analyze, termCounts } from '../../knowledge/analyzer';

/** A term → weight vector. */
export type TermVector = ReadonlyMap<string, number>;

/** Stemmed content terms of `text`, repeats kept. */
export function contentTerms(text: string): string[] {
  return analyze(text);
}

/** Term counts of `text` as a vector. */
export function termVector(text: string): Map<string, number> {
  return termCounts(analyze(text));
}

/** Cosine similarity of two vectors; 0 when either is empty. */
export function cosine(a: TermVector, b: TermVector): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [t, w] of a) {
    na += w * w;
    const v = b.get(t);
    if (v !== undefined) dot += w * v;
  }
  for (const w of b.values()) nb += w * w;
  return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
}

/** Jaccard overlap of the distinct content terms of two texts (0..1). */
export function termOverlap(a: string, b: string): number {
  const sa = new Set(analyze(a));
  const sb = new Set(analyze(b));
  if (sa.size === 0 || sb.size === 0) return 0;
  let shared = 0;
  for (const t of sa) if (sb.has(t)) shared++;
  return shared / (sa.size + sb.size - shared);
}

// A sentence ends at . ! ? (with closing quotes or brackets) before whitespace and a capital,
// or at a line break; titles and common abbreviations ("Mrs. Wang", "No. 5") do not end one.
const SENTENCE_END =
  /(?<=[.!?]["')\]]*)(?<!\b(?:Mr|Mrs|Ms|Dr|Prof|St|Sr|Jr|vs|etc|Inc|Ltd|Co|approx)\.)\s+(?=["'([]?[A-Z0-9#])|\s*\n+\s*/;

/** The sentences of `text`, trimmed, empty ones dropped; list bullets and heading marks removed. */
export function sentences(text: string): string[] {
  return text
    .split(SENTENCE_END)
    .map((s) => s.replace(/^\s*(?:[-*•]|\d+[.)]|#+)\s+/, '').trim())
    .filter((s) => s.length > 0);
}

/** Number of words of `text` (whitespace-separated). */
export function wordCount(text: string): number {
  const t = text.trim();
  return t ? t.split(/\s+/).length : 0;
}

/** `text` cut at a word boundary to at most `max` characters, with an ellipsis when cut. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.-]+$/, '')}…`;
}

/** `text` cut to at most `max` words, with an ellipsis when cut. */
export function clipWords(text: string, max: number): string {
  const parts = text.trim().split(/\s+/);
  if (parts.length <= max) return text.trim();
  return `${parts
    .slice(0, max)
    .join(' ')
    .replace(/[,;:.-]+$/, '')}…`;
}
