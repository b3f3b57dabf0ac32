/**
 * The three lexical scorers of an intent model, each per intent in [0, 1]: the logistic
 * regression's probability, the cosine to the intent's centroid, and the cosine to its nearest
 * example. Kept apart so the evaluation can report each and `detectIntent` can mix them.
 */
import type { SparseVector } from './features';
import { wordPart, type IntentModel, type Postings } from './intent-model';
import { predictProba } from './softmax';

/** Per-intent scores of one message (index = intent position in the model). */
export interface IntentScores {
  readonly logistic: Float32Array;
  readonly centroid: Float32Array;
  readonly neighbour: Float32Array;
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

/** Scores `x` (a vector of the model's vectorizer) against every intent. */
export function scoreIntents(model: IntentModel, x: SparseVector): IntentScores {
  const c = model.intents.length;
  const centroid = accumulate(model.centroidIndex, x, c);
  const sims = accumulate(model.exampleIndex, x, model.exampleLabels.length);
  const neighbour = new Float32Array(c);
  for (let row = 0; row < sims.length; row++) {
    const label = model.exampleLabels[row]!;
    if (sims[row]! > neighbour[label]!) neighbour[label] = sims[row]!;
  }
  const words = wordPart(model.vectorizer, x);
  const logistic = words.ids.length > 0 ? predictProba(model.logistic, words) : new Float32Array(c);
  return { logistic, centroid, neighbour };
}
