/**
 * ROUGE-1, ROUGE-2 and ROUGE-L F1 (Lin 2004) as Google's `rouge-score` package computes them
 * by default: text lower-cased, every run of characters other than a-z and 0-9 a separator
 * (so "#Person2#'s" gives "person2" and "s"), Porter stemming of words longer than three
 * letters when `stem` is on (rouge-score's `use_stemmer=True`), ROUGE-L over the longest
 * common subsequence of the whole texts (no sentence splitting). With several references the
 * best-scoring one counts for each measure.
 */
import { porterStem } from '../shared/knowledge/stemmer';

/** F1 of the three measures, 0..1. */
export interface RougeScores {
  readonly rouge1: number;
  readonly rouge2: number;
  readonly rougeL: number;
}

/** The ROUGE tokens of `text`. */
export function rougeTokens(text: string, stem = true): string[] {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter((t) => t.length > 0)
    .map((t) => (stem && t.length > 3 ? porterStem(t) : t));
}

function ngrams(tokens: readonly string[], n: number): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const g = tokens.slice(i, i + n).join(' ');
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

function f1(overlap: number, candidateCount: number, referenceCount: number): number {
  if (overlap === 0 || candidateCount === 0 || referenceCount === 0) return 0;
  const p = overlap / candidateCount;
  const r = overlap / referenceCount;
  return (2 * p * r) / (p + r);
}

function rougeN(cand: readonly string[], ref: readonly string[], n: number): number {
  const c = ngrams(cand, n);
  const r = ngrams(ref, n);
  let overlap = 0;
  for (const [g, k] of c) overlap += Math.min(k, r.get(g) ?? 0);
  const total = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  return f1(overlap, total(c), total(r));
}

function lcsLength(a: readonly string[], b: readonly string[]): number {
  let prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const cur = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) {
      cur[j] = a[i - 1] === b[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, cur[j - 1]!);
    }
    prev = cur;
  }
  return prev[b.length]!;
}

/** ROUGE of `candidate` against one or more references (best reference per measure). */
export function rouge(candidate: string, references: readonly string[], stem = true): RougeScores {
  const cand = rougeTokens(candidate, stem);
  let best = { rouge1: 0, rouge2: 0, rougeL: 0 };
  for (const reference of references) {
    const ref = rougeTokens(reference, stem);
    best = {
      rouge1: Math.max(best.rouge1, rougeN(cand, ref, 1)),
      rouge2: Math.max(best.rouge2, rougeN(cand, ref, 2)),
      rougeL: Math.max(best.rougeL, f1(lcsLength(cand, ref), cand.length, ref.length)),
    };
  }
  return best;
}

/** The mean of each measure over a set (zeros for an empty set). */
export function meanRouge(scores: readonly RougeScores[]): RougeScores {
  const n = Math.max(1, scores.length);
  const sum = (k: keyof RougeScores) => scores.reduce((a, s) => a + s[k], 0) / n;
  return { rouge1: sum('rouge1'), rouge2: sum('rouge2'), rougeL: sum('rougeL') };
}
