/**
 * BM25F over documents made of named fields (title, section path, body, body bigrams...).
 * Each field's term frequency is length-normalised with its own b and weighted, the weighted
 * sum is saturated once with k1 (Robertson and Zaragoza's BM25F), and query terms carry
 * weights. With one field of weight 1 this is plain Okapi BM25 with Lucene's idf.
 *
 * The index is an inverted index in compressed-sparse-row form (one set of typed arrays for
 * every term, not an object per term or per document; 12 bytes a posting with its impact), so
 * 100k passages fit in about a hundred megabytes. Because BM25F saturates a sum that depends only on the document and the field
 * specs, each posting's saturated "impact" is computed once per parameter set; a query then
 * costs one multiply-add per posting of its terms.
 */

/** How one field counts. */
export interface FieldSpec {
  readonly weight: number;
  /** Length normalisation for this field, 0 (none) to 1 (full). */
  readonly b: number;
}

/** The inverted index of a set of documents. */
export interface Bm25Index {
  readonly size: number;
  readonly fieldCount: number;
  /** term -> term number. */
  readonly termIds: ReadonlyMap<string, number>;
  /**
   * Postings of term t: documents `docs[offsets[t] .. offsets[t + 1])`, ascending, and for the
   * posting at i the term's frequency in each field at `tfs[i * fieldCount + f]`, capped at
   * 255 (one byte: BM25's saturation makes a count past that indistinguishable).
   */
  readonly offsets: Int32Array;
  readonly docs: Int32Array;
  readonly tfs: Uint8Array;
  /** lengths[field][doc] in terms. */
  readonly lengths: readonly Float64Array[];
  readonly averageLengths: readonly number[];
}

/** A typed array that grows by doubling. */
class Growable<T extends Int32Array | Uint8Array> {
  length = 0;
  constructor(
    private data: T,
    private readonly make: (n: number) => T,
  ) {}
  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = this.make(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }
  get(i: number): number {
    return this.data[i]!;
  }
  increment(i: number): void {
    this.data[i]!++;
  }
}

const MAX_TF = 255;

/**
 * Builds the index of `count` documents; `fieldsOf(d)` lists the terms of each field of
 * document `d` (called once per document, so callers can analyse text lazily).
 */
export function buildBm25IndexFrom(
  count: number,
  fieldCount: number,
  fieldsOf: (doc: number) => readonly (readonly string[])[],
): Bm25Index {
  const termIds = new Map<string, number>();
  const df = new Growable(new Int32Array(1024), (n) => new Int32Array(n));
  const lengths = Array.from({ length: fieldCount }, () => new Float64Array(count));
  // Document-major postings, turned around below.
  const starts = new Int32Array(count + 1);
  const byDocTerm = new Growable(new Int32Array(1024), (n) => new Int32Array(n));
  const byDocTf = new Growable(new Uint8Array(1024 * fieldCount), (n) => new Uint8Array(n));
  for (let d = 0; d < count; d++) {
    const fields = fieldsOf(d);
    const slots = new Map<number, number>();
    const local: number[] = [];
    for (let f = 0; f < fieldCount; f++) {
      const terms = fields[f] ?? [];
      lengths[f]![d] = terms.length;
      for (const term of terms) {
        let id = termIds.get(term);
        if (id === undefined) {
          id = termIds.size;
          termIds.set(term, id);
          df.push(0);
        }
        let slot = slots.get(id);
        if (slot === undefined) {
          slot = slots.size;
          slots.set(id, slot);
          for (let g = 0; g < fieldCount; g++) local.push(0);
        }
        local[slot * fieldCount + f] = Math.min(MAX_TF, local[slot * fieldCount + f]! + 1);
      }
    }
    for (const [id, slot] of slots) {
      byDocTerm.push(id);
      for (let f = 0; f < fieldCount; f++) byDocTf.push(local[slot * fieldCount + f]!);
      df.increment(id);
    }
    starts[d + 1] = byDocTerm.length;
  }
  const terms = termIds.size;
  const offsets = new Int32Array(terms + 1);
  for (let t = 0; t < terms; t++) offsets[t + 1] = offsets[t]! + df.get(t);
  const total = offsets[terms]!;
  const docs = new Int32Array(total);
  const tfs = new Uint8Array(total * fieldCount);
  const fill = offsets.slice(0, terms);
  for (let d = 0; d < count; d++) {
    for (let i = starts[d]!; i < starts[d + 1]!; i++) {
      const at = fill[byDocTerm.get(i)]!++;
      docs[at] = d;
      for (let f = 0; f < fieldCount; f++)
        tfs[at * fieldCount + f] = byDocTf.get(i * fieldCount + f);
    }
  }
  const averageLengths = lengths.map(
    (ls) => ls.reduce((s, x) => s + x, 0) / Math.max(1, count) || 1,
  );
  return { size: count, fieldCount, termIds, offsets, docs, tfs, lengths, averageLengths };
}

/** Builds the index; `docs[d][f]` lists the terms of field `f` of document `d`. */
export function buildBm25Index(docs: readonly (readonly (readonly string[])[])[]): Bm25Index {
  const fieldCount = docs.reduce((m, d) => Math.max(m, d.length), 0);
  return buildBm25IndexFrom(docs.length, fieldCount, (d) => docs[d]!);
}

/** The postings of term number `id`: how many documents hold it. */
const postingCount = (index: Bm25Index, id: number) => index.offsets[id + 1]! - index.offsets[id]!;

/** How many documents hold `term`. */
export function documentFrequency(index: Bm25Index, term: string): number {
  const id = index.termIds.get(term);
  return id === undefined ? 0 : postingCount(index, id);
}

/** Every term of the index with its document frequency. */
export function* termFrequencies(index: Bm25Index): Generator<[string, number]> {
  for (const [term, id] of index.termIds) yield [term, postingCount(index, id)];
}

/** Lucene's non-negative BM25 idf. */
export function idf(index: Bm25Index, term: string): number {
  const df = documentFrequency(index, term);
  return Math.log(1 + (index.size - df + 0.5) / (df + 0.5));
}

/** Saturation and field parameters of one scoring call. */
export interface Bm25Params {
  readonly k1: number;
  readonly fields: readonly FieldSpec[];
}

/** What is precomputed per index and parameter set. */
interface Prepared {
  readonly norms: Float64Array;
  /** Per posting: (k1 + 1) · tf / (k1 + tf), tf the field-weighted, length-normalised sum. */
  readonly impacts: Float32Array;
}

/** Parameter sets kept per index (tuning tries many; the app uses one or two). */
const PREPARED_PER_INDEX = 4;
const preparedCache = new WeakMap<Bm25Index, Map<string, Prepared>>();

const paramsKey = (params: Bm25Params, fieldCount: number) =>
  [
    params.k1,
    ...Array.from({ length: fieldCount }, (_, f) => {
      const spec = params.fields[f];
      return spec ? `${spec.weight}/${spec.b}` : '-';
    }),
  ].join('|');

function computeNorms(index: Bm25Index, params: Bm25Params): Float64Array {
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
  return norms;
}

function prepare(index: Bm25Index, params: Bm25Params): Prepared {
  let byParams = preparedCache.get(index);
  if (!byParams) preparedCache.set(index, (byParams = new Map()));
  const key = paramsKey(params, index.fieldCount);
  const cached = byParams.get(key);
  if (cached) return cached;
  const fc = index.fieldCount;
  const norms = computeNorms(index, params);
  const impacts = new Float32Array(index.docs.length);
  const { docs, tfs } = index;
  for (let i = 0; i < docs.length; i++) {
    const d = docs[i]!;
    let tf = 0;
    for (let f = 0; f < fc; f++) tf += tfs[i * fc + f]! * norms[d * fc + f]!;
    impacts[i] = tf > 0 ? ((params.k1 + 1) * tf) / (params.k1 + tf) : 0;
  }
  const prepared = { norms, impacts };
  if (byParams.size >= PREPARED_PER_INDEX) byParams.delete(byParams.keys().next().value!);
  byParams.set(key, prepared);
  return prepared;
}

/**
 * Per-document field norms `weight / (1 - b + b * len / avg)`, laid out `[doc * fieldCount + f]`,
 * computed once per index and parameter set (queries reuse them).
 */
export function fieldNorms(index: Bm25Index, params: Bm25Params): Float64Array {
  return prepare(index, params).norms;
}

/** BM25F scores of every document for a weighted query (dense, zero where nothing matched). */
export function scoreAll(
  index: Bm25Index,
  query: ReadonlyMap<string, number>,
  params: Bm25Params,
): Float64Array {
  const scores = new Float64Array(index.size);
  const { impacts } = prepare(index, params);
  const { docs, offsets } = index;
  for (const [term, weight] of query) {
    const id = index.termIds.get(term);
    if (id === undefined || weight === 0) continue;
    const w = weight * idf(index, term);
    for (let i = offsets[id]!, end = offsets[id + 1]!; i < end; i++) {
      scores[docs[i]!]! += w * impacts[i]!;
    }
  }
  return scores;
}

/** Position of `doc` in the postings of term `id`, or -1. */
function postingOf(index: Bm25Index, id: number, doc: number): number {
  let lo = index.offsets[id]!;
  let hi = index.offsets[id + 1]! - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const d = index.docs[mid]!;
    if (d === doc) return mid;
    if (d < doc) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** BM25F score of one document (for re-ranking candidates another engine found). */
export function scoreOne(
  index: Bm25Index,
  query: ReadonlyMap<string, number>,
  params: Bm25Params,
  doc: number,
): number {
  const { impacts } = prepare(index, params);
  let score = 0;
  for (const [term, weight] of query) {
    const id = index.termIds.get(term);
    if (id === undefined || weight === 0) continue;
    const at = postingOf(index, id, doc);
    if (at >= 0) score += weight * idf(index, term) * impacts[at]!;
  }
  return score;
}
