/**
 * Sparse TF-IDF features for short customer messages: stemmed word unigrams and bigrams (stop
 * words kept: "cancel my card" and "card cancelled" differ by them) plus character 3-5 grams
 * inside word boundaries, which survive typos and inflections the stemmer misses. Char grams
 * are hashed into a fixed number of buckets (no strings per gram: training stays fast). The two
 * groups are normalised separately and mixed, so long messages do not let one group dominate.
 */
import { analyze } from '../../knowledge/analyzer';
import { porterStem } from '../../knowledge/stemmer';

/** A sparse vector: feature ids ascending, with their weights; l2 norm 1 (or empty). */
export interface SparseVector {
  readonly ids: Int32Array;
  readonly values: Float32Array;
}

/** How the vectorizer turns text into features. */
export interface FeatureOptions {
  /** Share of the char n-gram group in the mixed vector (0..1). */
  readonly charWeight: number;
  readonly charMin: number;
  readonly charMax: number;
  /** Hash buckets for char n-grams (a power of two). */
  readonly charBuckets: number;
}

export const DEFAULT_FEATURES: FeatureOptions = {
  charWeight: 0.5,
  charMin: 3,
  charMax: 5,
  charBuckets: 1 << 18,
};

const PLAIN = { stem: false, removeStopWords: false } as const;
const stems = new Map<string, string>();

function stemWord(word: string): string {
  let s = stems.get(word);
  if (s === undefined) {
    s = porterStem(word);
    if (stems.size < 100_000) stems.set(word, s);
  }
  return s;
}

/** The features of one text: word-group strings and char-group bucket numbers. */
export interface FeatureTerms {
  readonly words: readonly string[];
  readonly chars: Int32Array;
}

/** The raw features of `text`. */
export function featureTerms(
  text: string,
  options: FeatureOptions = DEFAULT_FEATURES,
): FeatureTerms {
  const plain = analyze(text, PLAIN);
  const stemmed = plain.map(stemWord);
  const words: string[] = stemmed.map((s) => `w:${s}`);
  for (let i = 1; i < stemmed.length; i++) words.push(`b:${stemmed[i - 1]} ${stemmed[i]}`);
  const chars: number[] = [];
  const mask = options.charBuckets - 1;
  for (const word of plain) {
    const padded = ` ${word} `;
    for (let i = 0; i < padded.length; i++) {
      // FNV-1a over the gram starting at i, emitted at each length in range.
      let h = 0x811c9dc5;
      for (let n = 1; n <= options.charMax && i + n <= padded.length; n++) {
        h = Math.imul(h ^ padded.charCodeAt(i + n - 1), 0x01000193);
        if (n >= options.charMin) chars.push((Math.imul(h ^ n, 0x9e3779b1) >>> 0) & mask);
      }
    }
  }
  return { words, chars: Int32Array.from(chars) };
}

/** A fitted vocabulary with inverse document frequencies. */
export interface Vectorizer {
  readonly options: FeatureOptions;
  readonly vocabulary: ReadonlyMap<string, number>;
  /** IDF of every feature id: word ids first, then `charOffset + bucket`. */
  readonly idf: Float32Array;
  /** Ids below this are word-group features; the rest are char-group features. */
  readonly charOffset: number;
}

/** Learns the vocabulary and IDF (smoothed, as scikit-learn does) from training texts. */
export function fitVectorizer(
  texts: readonly string[],
  options: FeatureOptions = DEFAULT_FEATURES,
): Vectorizer {
  return fitTransform(texts, options).vectorizer;
}

/** Fits the vectorizer and returns the training texts' vectors too (terms computed once). */
export function fitTransform(
  texts: readonly string[],
  options: FeatureOptions = DEFAULT_FEATURES,
): { vectorizer: Vectorizer; vectors: SparseVector[] } {
  return fitTerms(
    texts.map((t) => featureTerms(t, options)),
    options,
  );
}

/**
 * Fits the vectorizer on texts' precomputed terms and returns their vectors: cross-validation
 * computes the terms once and fits one vocabulary per fold, as a pack without the held-out
 * examples would.
 */
export function fitTerms(
  terms: readonly FeatureTerms[],
  options: FeatureOptions = DEFAULT_FEATURES,
): { vectorizer: Vectorizer; vectors: SparseVector[] } {
  const vocabulary = new Map<string, number>();
  const wordDf: number[] = [];
  const charDf = new Int32Array(options.charBuckets);
  const lastSeen = new Int32Array(options.charBuckets).fill(-1);
  terms.forEach(({ words, chars }, doc) => {
    for (const t of new Set(words)) {
      const id = vocabulary.get(t);
      if (id === undefined) {
        vocabulary.set(t, wordDf.length);
        wordDf.push(1);
      } else wordDf[id]!++;
    }
    for (const b of chars) {
      if (lastSeen[b] === doc) continue;
      lastSeen[b] = doc;
      charDf[b]!++;
    }
  });
  const n = terms.length;
  const charOffset = wordDf.length;
  const idf = new Float32Array(charOffset + options.charBuckets);
  wordDf.forEach((df, i) => (idf[i] = Math.log((1 + n) / (1 + df)) + 1));
  charDf.forEach((df, b) => (idf[charOffset + b] = Math.log((1 + n) / (1 + df)) + 1));
  const vectorizer: Vectorizer = { options, vocabulary, idf, charOffset };
  return { vectorizer, vectors: terms.map((t) => vectorizeTerms(vectorizer, t)) };
}

/** Appends one group's sub-linear TF-IDF weights, scaled to squared norm `share`, ids ascending. */
function addGroup(
  ids: Int32Array,
  v: Vectorizer,
  share: number,
  outIds: number[],
  outValues: number[],
) {
  ids.sort();
  const from = outIds.length;
  let norm = 0;
  for (let i = 0; i < ids.length;) {
    let j = i;
    while (j < ids.length && ids[j] === ids[i]) j++;
    const w = (1 + Math.log(j - i)) * v.idf[ids[i]!]!;
    outIds.push(ids[i]!);
    outValues.push(w);
    norm += w * w;
    i = j;
  }
  if (norm === 0) return;
  const scale = Math.sqrt(share / norm);
  for (let k = from; k < outValues.length; k++) outValues[k]! *= scale;
}

/** The vector of precomputed terms (terms outside the vocabulary are ignored). */
export function vectorizeTerms(v: Vectorizer, { words, chars }: FeatureTerms): SparseVector {
  const wordIds: number[] = [];
  for (const t of words) {
    const id = v.vocabulary.get(t);
    if (id !== undefined) wordIds.push(id);
  }
  const ids: number[] = [];
  const values: number[] = [];
  // Word ids all lie below charOffset, so appending the groups keeps ids ascending.
  addGroup(Int32Array.from(wordIds), v, 1 - v.options.charWeight, ids, values);
  addGroup(
    Int32Array.from(chars, (b) => v.charOffset + b),
    v,
    v.options.charWeight,
    ids,
    values,
  );
  return unitVector(Int32Array.from(ids), Float32Array.from(values));
}

/** `ids`/`values` (ids ascending) scaled to l2 norm 1. */
export function unitVector(ids: Int32Array, values: Float32Array): SparseVector {
  let norm = 0;
  for (const w of values) norm += w * w;
  if (norm > 0) {
    const scale = 1 / Math.sqrt(norm);
    for (let k = 0; k < values.length; k++) values[k]! *= scale;
  }
  return { ids, values };
}

/** The l2-normalised TF-IDF vector of `text`; terms outside the vocabulary are ignored. */
export function vectorize(v: Vectorizer, text: string): SparseVector {
  return vectorizeTerms(v, featureTerms(text, v.options));
}

/** A sparse vector from id → weight pairs, l2-normalised, ids ascending. */
export function normalise(weights: ReadonlyMap<number, number>): SparseVector {
  const ids = Int32Array.from(weights.keys()).sort();
  let norm = 0;
  for (const w of weights.values()) norm += w * w;
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  const values = Float32Array.from(ids, (id) => weights.get(id)! * scale);
  return { ids, values };
}
