import { describe, expect, it } from 'vitest';
import { planBatches } from '../../../../electron/services/embeddings/batch-plan';

describe('planBatches', () => {
  it('covers every text exactly once, in batches of at most the size', () => {
    const texts = Array.from({ length: 70 }, (_, i) => 'x'.repeat((i * 37) % 50));
    const batches = planBatches(texts, 32);
    expect(batches.map((b) => b.length)).toEqual([32, 32, 6]);
    expect(batches.flat().sort((a, b) => a - b)).toEqual(texts.map((_, i) => i));
  });

  it('groups texts of similar length, longest first', () => {
    const texts = ['aa', 'aaaaaaaa', 'a', 'aaaaaaa', 'aaa', 'aaaaaa'];
    expect(planBatches(texts, 2)).toEqual([
      [1, 3],
      [5, 4],
      [0, 2],
    ]);
  });

  it('plans nothing for no texts', () => {
    expect(planBatches([], 32)).toEqual([]);
  });
});
