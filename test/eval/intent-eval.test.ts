import { describe, expect, it } from 'vitest';
import { samplePerIntent, scoreIntentModels, type Pair } from '../../eval/intent-eval';

const pairs = (intent: string, n: number): Pair[] =>
  Array.from({ length: n }, (_, i) => [`${intent} example ${i}`, intent] as const);

describe('samplePerIntent', () => {
  const train = [...pairs('a', 12), ...pairs('b', 5)];

  it('draws n examples per intent (all of an intent with fewer), the same for the same seed', () => {
    const sample = samplePerIntent(train, 10);
    expect(sample.filter(([, l]) => l === 'a')).toHaveLength(10);
    expect(sample.filter(([, l]) => l === 'b')).toHaveLength(5);
    expect(samplePerIntent(train, 10)).toEqual(sample);
    expect(new Set(sample.map(([t]) => t)).size).toBe(15);
  });

  it('draws differently with another seed, and everything with Infinity', () => {
    expect(samplePerIntent(train, 3, 1)).not.toEqual(samplePerIntent(train, 3, 0));
    expect(samplePerIntent(train, Infinity)).toHaveLength(17);
  });
});

describe('scoreIntentModels', () => {
  const words: Record<string, string[]> = {
    refund: ['refund', 'money back', 'reimburse', 'repaid', 'credit back'],
    password: ['password', 'log in', 'login', 'locked out', 'sign in'],
    parcel: ['parcel', 'package', 'delivery', 'shipment', 'courier'],
  };
  const make = (offset: number): Pair[] =>
    Object.entries(words).flatMap(([intent, ws]) =>
      ws.map((w, i) => [`my ${w} problem number ${ws[(i + offset) % ws.length]}`, intent] as const),
    );

  it('reports rates in [0, 1] for both models, and OOS recall only with OOS queries', () => {
    const s = scoreIntentModels(make(1), make(2), ['what is the capital of peru']);
    for (const v of [
      s.baselineTop1,
      s.baselineRecall3,
      s.top1,
      s.top3,
      s.answered,
      s.candidateRecall,
      s.oosRecall,
    ]) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1);
    }
    expect(s.top1).toBeGreaterThan(0.5);
    expect(s.top3).toBeGreaterThanOrEqual(s.top1);
    expect(s.perIntent).toBe(5);
    expect(Number.isNaN(scoreIntentModels(make(1), make(2)).oosRecall)).toBe(true);
  });
});
