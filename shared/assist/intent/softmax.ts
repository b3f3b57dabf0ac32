/**
 * Multinomial logistic regression on sparse vectors, trained in plain TypeScript with AdaGrad
 * and L2 weight decay (applied lazily to the features an example touches). Weights are
 * feature-major (`weights[feature * classes + class]`) so scoring a sparse vector reads a few
 * contiguous rows.
 */
import type { SparseVector } from './features';
import { seededRandom } from '../../seeded-random';

/** A trained linear model over `features` × `classes`. */
export interface SoftmaxModel {
  readonly classes: number;
  readonly features: number;
  readonly weights: Float32Array;
  readonly bias: Float32Array;
}

/** Training knobs; defaults suit l2-normalised TF-IDF vectors. */
export interface SoftmaxOptions {
  readonly epochs: number;
  readonly learningRate: number;
  /** L2 strength per example update. */
  readonly l2: number;
  readonly seed: number;
  /** Gradients smaller than this are skipped (0: exact; 1e-3 trains several times faster). */
  readonly minGradient: number;
}

export const DEFAULT_SOFTMAX: SoftmaxOptions = {
  epochs: 8,
  learningRate: 0.5,
  l2: 1e-5,
  seed: 7,
  minGradient: 1e-3,
};

/** Class probabilities of `x` (softmax of the linear scores), written into `out`. */
export function predictProba(
  model: SoftmaxModel,
  x: SparseVector,
  out = new Float32Array(model.classes),
): Float32Array {
  const c = model.classes;
  out.set(model.bias);
  for (let k = 0; k < x.ids.length; k++) {
    const row = x.ids[k]! * c;
    const v = x.values[k]!;
    for (let j = 0; j < c; j++) out[j]! += v * model.weights[row + j]!;
  }
  let max = -Infinity;
  for (let j = 0; j < c; j++) max = Math.max(max, out[j]!);
  let sum = 0;
  for (let j = 0; j < c; j++) {
    out[j] = Math.exp(out[j]! - max);
    sum += out[j]!;
  }
  for (let j = 0; j < c; j++) out[j]! /= sum;
  return out;
}

/** Trains on `xs` with labels `ys` (0..classes-1). */
export function trainSoftmax(
  xs: readonly SparseVector[],
  ys: readonly number[],
  classes: number,
  features: number,
  options: SoftmaxOptions = DEFAULT_SOFTMAX,
): SoftmaxModel {
  const weights = new Float32Array(features * classes);
  const bias = new Float32Array(classes);
  const g2 = new Float32Array(features * classes).fill(1e-6);
  const b2 = new Float32Array(classes).fill(1e-6);
  const model: SoftmaxModel = { classes, features, weights, bias };
  const order = xs.map((_, i) => i);
  const random = seededRandom(options.seed);
  const p = new Float32Array(classes);
  const active = new Int32Array(classes);
  const lr = options.learningRate;
  const skip = options.minGradient;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const i of order) {
      const x = xs[i]!;
      predictProba(model, x, p);
      p[ys[i]!]! -= 1;
      // Classes the example barely moves are skipped: after the first epoch most are.
      let n = 0;
      for (let j = 0; j < classes; j++) {
        const g = p[j]!;
        if (g > -skip && g < skip) continue;
        active[n++] = j;
        b2[j]! += g * g;
        bias[j]! -= (lr * g) / Math.sqrt(b2[j]!);
      }
      for (let k = 0; k < x.ids.length; k++) {
        const row = x.ids[k]! * classes;
        const v = x.values[k]!;
        for (let a = 0; a < n; a++) {
          const j = active[a]!;
          const at = row + j;
          const g = p[j]! * v + options.l2 * weights[at]!;
          g2[at]! += g * g;
          weights[at]! -= (lr * g) / Math.sqrt(g2[at]!);
        }
      }
    }
  }
  return model;
}
