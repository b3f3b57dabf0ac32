/**
 * The lexical scorers of an intent scorer, each per class in [0, 1]: the logistic regression's
 * probability, the cosine to the class centroid, the cosine to its nearest example, and the
 * coverage of the message by the class's examples; `matchScores` mixes the three similarities
 * and keeps the coverage beside them, which is what calibration reads.
 */
import type { SparseVector, Vectorizer } from './features';
import { wordPart, type IntentScorer, type Postings } from './intent-scorer';
import { predictProba } from './softmax';

/** Per-intent scores of one message (index = intent position in the model). */
export interface IntentScores {
  readonly logistic: Float32Array;
  readonly centroid: Float32Array;
  readonly neighbour: Float32Array;
  /** Share of the message's char-gram IDF mass found in the intent's examples (`charCoverage`). */
  readonly coverage: Float32Array;
}

/** Dot products of `x` with every row of an inverted index. */
function accumulate(index: Postings, x: SparseVector, rows: number): Float32Array {
  const out = new Float32Array(rows);
  for (let k = 0; k < x.ids.length; k++) {
    const f = x.ids[k]!;
    if (f + 1 >= index.offsets.length) continue;
    const v = x.values[k]!;
    for (let at = index.offsets[f]!; at < index.offsets[f + 1]!; at++) {
      out[index.rows[at]!]! += v * index.weights[at]!;
    }
  }
  return out;
}

/**
 * Per intent, the share of `x`'s char-gram IDF mass (each distinct gram once, weighted by its
 * IDF) that occurs in the intent's examples; `centroids` lists for each feature the intents
 * whose examples carry it. Cosine scores reward what a message shares with an intent; coverage
 * also sees what it does not share: an off-topic question ("how many prime numbers are there")
 * matches "how many" of some intent well but its rare grams ("prime") appear in no example of
 * that intent, which a softmax over intents cannot see.
 */
export function charCoverage(
  vectorizer: Vectorizer,
  centroids: Postings,
  x: SparseVector,
  intents: number,
): Float32Array {
  const out = new Float32Array(intents);
  let total = 0;
  for (let k = 0; k < x.ids.length; k++) {
    const f = x.ids[k]!;
    if (f < vectorizer.charOffset) continue;
    const idf = vectorizer.idf[f] ?? 0;
    total += idf;
    if (f + 1 >= centroids.offsets.length) continue;
    for (let at = centroids.offsets[f]!; at < centroids.offsets[f + 1]!; at++)
      out[centroids.rows[at]!]! += idf;
  }
  if (total > 0) for (let i = 0; i < intents; i++) out[i]! /= total;
  return out;
}

/** Scores `x` (a vector of the scorer's vectorizer) against every class. */
export function scoreIntents(scorer: IntentScorer, x: SparseVector): IntentScores {
  const c = scorer.classes;
  const centroid = accumulate(scorer.centroidIndex, x, c);
  const sims = accumulate(scorer.exampleIndex, x, scorer.exampleLabels.length);
  const neighbour = new Float32Array(c);
  for (let row = 0; row < sims.length; row++) {
    const label = scorer.exampleLabels[row]!;
    if (sims[row]! > neighbour[label]!) neighbour[label] = sims[row]!;
  }
  const words = wordPart(scorer.vectorizer, x);
  const logistic =
    words.ids.length > 0 ? predictProba(scorer.logistic, words) : new Float32Array(c);
  const coverage = charCoverage(scorer.vectorizer, scorer.centroidIndex, x, c);
  return { logistic, centroid, neighbour, coverage };
}

/** How well one text matches each class: the scorers, and their mix by the scorer's weights. */
export interface MatchScores extends IntentScores {
  readonly mixed: Float32Array;
}

/** The scorers of `x` and their mix. */
export function matchScores(scorer: IntentScorer, x: SparseVector): MatchScores {
  const s = scoreIntents(scorer, x);
  const { logistic, centroid, neighbour } = scorer.options.weights;
  const total = logistic + centroid + neighbour;
  const mixed = s.logistic.map(
    (p, i) => (logistic * p + centroid * s.centroid[i]! + neighbour * s.neighbour[i]!) / total,
  );
  return { ...s, mixed };
}
