import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  calibratedProbability,
  confidentLevel,
  fitPlatt,
  isotonic,
  type CalibrationSample,
} from '../../../shared/assist/intent/calibration';
import { seededRandom } from '../../../shared/seeded-random';

/** Samples whose rightness follows the first feature; the second is noise, the third misleads. */
function samples(n: number, seed = 1): CalibrationSample[] {
  const random = seededRandom(seed);
  return Array.from({ length: n }, () => {
    const signal = random();
    const correct = random() < signal;
    return { features: [signal, random(), correct ? 0 : 1], correct };
  });
}

describe('fitPlatt', () => {
  const fitted = fitPlatt(samples(400));

  it('gives probabilities in [0, 1] that never fall as a feature grows', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 3, maxLength: 3 }),
        fc.integer({ min: 0, max: 2 }),
        fc.double({ min: 0, max: 5, noNaN: true }),
        (features, which, step) => {
          const p = calibratedProbability(fitted, features);
          const raised = features.map((f, i) => (i === which ? f + step : f));
          const q = calibratedProbability(fitted, raised);
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThanOrEqual(1);
          expect(q).toBeGreaterThanOrEqual(p);
        },
      ),
    );
  });

  it('weighs the feature that predicts rightness and drops one that would lower it', () => {
    expect(fitted.weights[0]).toBeGreaterThan(0.5);
    expect(fitted.weights[2]).toBe(0);
    for (const w of fitted.weights) expect(w).toBeGreaterThanOrEqual(0);
  });

  it('is calibrated on its own samples: the mean probability matches the share right', () => {
    const data = samples(2000, 5);
    const fit = fitPlatt(data);
    const high = data.filter((s) => calibratedProbability(fit, s.features) >= 0.7);
    const share = high.filter((s) => s.correct).length / high.length;
    const mean = high.reduce((m, s) => m + calibratedProbability(fit, s.features), 0) / high.length;
    expect(Math.abs(share - mean)).toBeLessThan(0.05);
  });
});

const answer = (probability: number, correct: boolean) => ({ probability, correct });

describe('isotonic', () => {
  it('pools answers into blocks whose rate of right answers never falls', () => {
    const answers = samples(300).map((s) => answer(s.features[0]!, s.correct));
    const blocks = isotonic(answers);
    for (let i = 1; i < blocks.length; i++) {
      expect(blocks[i]!.right / blocks[i]!.count).toBeGreaterThanOrEqual(
        blocks[i - 1]!.right / blocks[i - 1]!.count,
      );
      expect(blocks[i]!.from).toBeGreaterThan(blocks[i - 1]!.from);
    }
    expect(blocks.reduce((n, b) => n + b.count, 0)).toBe(300);
  });
});

describe('confidentLevel', () => {
  it('is the lowest probability above which answers are right at least 90 % of the time', () => {
    // 20 right answers at 0.8-0.99, then alternating right and wrong below 0.8.
    const answers = [
      ...Array.from({ length: 20 }, (_, i) => answer(0.8 + i / 100, true)),
      ...Array.from({ length: 20 }, (_, i) => answer(0.4 + i / 100, i % 2 === 0)),
    ];
    expect(confidentLevel(answers, 0.9)).toBeCloseTo(0.8, 10);
  });

  it('is 1 (never confident) when too few answers back any level', () => {
    expect(confidentLevel([answer(0.99, true), answer(0.98, true)], 0.9)).toBe(1);
    expect(confidentLevel([], 0.9)).toBe(1);
  });

  it('does not go below a level where the local rate falls under the target', () => {
    // Plenty of right answers at the top cannot carry a run of mostly wrong ones below them.
    const answers = [
      ...Array.from({ length: 100 }, (_, i) => answer(0.9 + i / 1000, true)),
      ...Array.from({ length: 10 }, (_, i) => answer(0.5 + i / 100, i < 3)),
    ];
    expect(confidentLevel(answers, 0.9)).toBeGreaterThanOrEqual(0.9);
  });
});
