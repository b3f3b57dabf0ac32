/**
 * Typo tolerance for query terms: a term the knowledge never uses ("canel") is replaced by the
 * most common knowledge term one edit away ("cancel"), found through a map of single-letter
 * deletions (the symmetric-delete method), so no scan of the vocabulary is needed per query.
 */

/** Vocabulary lookup built once per index. */
export interface SpellingIndex {
  /** term -> document frequency. */
  readonly frequency: ReadonlyMap<string, number>;
  /** term or one-deletion variant -> vocabulary terms it comes from. */
  readonly deletions: ReadonlyMap<string, readonly string[]>;
}

/** Terms shorter than this are never corrected (too many neighbours). */
export const MIN_CORRECTABLE_LENGTH = 4;

function deletionsOf(term: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < term.length; i++) out.push(term.slice(0, i) + term.slice(i + 1));
  return out;
}

/** True when `a` and `b` are one insertion, deletion, substitution or swap apart. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** Builds the lookup from term document frequencies (alphabetic terms only). */
export function buildSpellingIndex(frequency: ReadonlyMap<string, number>): SpellingIndex {
  const deletions = new Map<string, string[]>();
  const add = (key: string, term: string) => {
    const list = deletions.get(key);
    if (list) list.push(term);
    else deletions.set(key, [term]);
  };
  for (const term of frequency.keys()) {
    if (term.length < MIN_CORRECTABLE_LENGTH - 1 || !/^[a-z]+$/.test(term)) continue;
    add(term, term);
    for (const d of deletionsOf(term)) add(d, term);
  }
  return { frequency, deletions };
}

/** The known term closest to `term` (itself when known or when nothing is one edit away). */
export function correctTerm(spelling: SpellingIndex, term: string): string {
  if (spelling.frequency.has(term) || term.length < MIN_CORRECTABLE_LENGTH) return term;
  if (!/^[a-z]+$/.test(term)) return term;
  let best = term;
  let bestFrequency = 0;
  for (const key of [term, ...deletionsOf(term)]) {
    for (const candidate of spelling.deletions.get(key) ?? []) {
      const f = spelling.frequency.get(candidate) ?? 0;
      const better = f > bestFrequency || (f === bestFrequency && candidate < best);
      if (better && withinOneEdit(term, candidate)) [best, bestFrequency] = [candidate, f];
    }
  }
  return best;
}
