/**
 * BM25F over documents made of named fields (title, section path, body, body bigrams...).
 * Each field's term frequency is length-normalised with its own b and weighted, the weighted
 * sum is saturated once with k1 (Robertson and Zaragoza's BM25F), and query terms carry
 * weights. With one field of weight 1 this is plain Okapi BM25 with Lucene's idf.
 */

/** How one field counts. */
export interface FieldSpec {
  readonly weight: number;
  /** Length normalisation for this field, 0 (none) to 1 (full). */
  readonly b: number;
}

/** An inverted index (for ranking everything) plus a forward index (for re-ranking a few). */
export interface Bm25Index {
  readonly size: number;
  readonly fieldCount: number;
  /** term -> document ids and, per posting, `fieldCount` term frequencies. */
  readonly postings: ReadonlyMap<string, { readonly docs: Int32Array; readonly tfs: Float32Array }>;
  /** Per document, per field: term -> frequency. */
  readonly forward: readonly (readonly ReadonlyMap<string, number>[])[];
  /** lengths[field][doc] in terms. */
  readonly lengths: readonly Float64Array[];
  readonly averageLengths: readonly number[];
}

/** Builds the index; `docs[d][f]` lists the terms of field `f` of document `d`. */
export function buildBm25Index(docs: readonly (readonly (readonly string[])[])[]): Bm25Index {
  const fieldCount = docs.reduce((m, d) => Math.max(m, d.length), 0);
  const lengths = Array.from({ length: fieldCount }, () => new Float64Array(docs.length));
  const growing = new Map<string, { docs: number[]; tfs: number[] }>();
  const forward = docs.map((fields, d) => {
    const perField: Map<string, number>[] = [];
    for (let f = 0; f < fieldCount; f++) {
      const counts = new Map<string, number>();
      for (const t of fields[f] ?? []) counts.set(t, (counts.get(t) ?? 0) + 1);
      lengths[f]![d] = fields[f]?.length ?? 0;
      perField.push(counts);
    }
    const terms = new Set(perField.flatMap((m) => [...m.keys()]));
    for (const t of terms) {
      let p = growing.get(t);
      if (!p) growing.set(t, (p = { docs: [], tfs: [] }));
      p.docs.push(d);
      for (let f = 0; f < fieldCount; f++) p.tfs.push(perField[f]!.get(t) ?? 0);
    }
    return perField;
  });
  const postings = new Map<string, { docs: Int32Array; tfs: Float32Array }>();
  for (const [t, p] of growing) {
    postings.set(t, { docs: Int32Array.from(p.docs), tfs: Float32Array.from(p.tfs) });
  }
  const averageLengths = lengths.map(
    (ls) => ls.reduce((s, x) => s + x, 0) / Math.max(1, docs.length) || 1,
  );
  return { size: docs.length, fieldCount, postings, forward, lengths, averageLengths };
}

/** Lucene's non-negative BM25 idf. */
export function idf(index: Bm25Index, term: string): number {
  const df = index.postings.get(term)?.docs.length ?? 0;
  return Math.log(1 + (index.size - df + 0.5) / (df + 0.5));
}

/** Saturation and field parameters of one scoring call. */
export interface Bm25Params {
  readonly k1: number;
  readonly fields: readonly FieldSpec[];
}

const normCache = new WeakMap<Bm25Index, WeakMap<readonly FieldSpec[], Float64Array>>();

/**
 * Per-document field norms `weight / (1 - b + b * len / avg)`, laid out `[doc * fieldCount + f]`,
 * computed once per index and field specs array (queries reuse them instead of recomputing).
 */
export function fieldNorms(index: Bm25Index, params: Bm25Params): Float64Array {
  let byParams = normCache.get(index);
  if (!byParams) normCache.set(index, (byParams = new WeakMap()));
  const cached = byParams.get(params.fields);
  if (cached) return cached;
  const fc = index.fieldCount;
  const norms = new Float64Array(index.size * fc);
  for (let f = 0; f < fc; f++) {
    const spec = params.fields[f];
    if (!spec) continue;
    const avg = index.averageLengths[f] ?? 1;
    const lengths = index.lengths[f]!;
    for (let d = 0; d < index.size; d++) {
      norms[d * fc + f] = spec.weight / (1 - spec.b + (spec.b * lengths[d]!) / avg);
    }
  }
  byParams.set(params.fields, norms);
  return norms;
}

/** BM25F scores of every document for a weighted query (dense, zero where nothing matched). */
export function scoreAll(
  index: Bm25Index,
  query: ReadonlyMap<string, number>,
  params: Bm25Params,
): Float64Array {
  const scores = new Float64Array(index.size);
  const fc = index.fieldCount;
  const norms = fieldNorms(index, params);
  for (const [term, weight] of query) {
    const p = index.postings.get(term);
    if (!p || weight === 0) continue;
    const w = weight * idf(index, term) * (params.k1 + 1);
    for (let i = 0; i < p.docs.length; i++) {
      const d = p.docs[i]!;
      let tf = 0;
      for (let f = 0; f < fc; f++) tf += p.tfs[i * fc + f]! * norms[d * fc + f]!;
      if (tf > 0) scores[d]! += (w * tf) / (params.k1 + tf);
    }
  }
  return scores;
}

/** BM25F score of one document, from the forward index (for re-ranking candidates). */
export function scoreOne(
  index: Bm25Index,
  query: ReadonlyMap<string, number>,
  params: Bm25Params,
  doc: number,
): number {
  const norms = fieldNorms(index, params);
  const fc = index.fieldCount;
  const fields = index.forward[doc] ?? [];
  let score = 0;
  for (const [term, weight] of query) {
    let tf = 0;
    for (let f = 0; f < fields.length; f++) {
      tf += (fields[f]!.get(term) ?? 0) * (f < params.fields.length ? norms[doc * fc + f]! : 0);
    }
    if (tf > 0) score += (weight * idf(index, term) * (params.k1 + 1) * tf) / (params.k1 + tf);
  }
  return score;
}
