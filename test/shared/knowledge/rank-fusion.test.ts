import { describe, expect, it } from 'vitest';
import { reciprocalRankFusion, RRF_K } from '../../../shared/knowledge/rank-fusion';

describe('reciprocalRankFusion', () => {
  it('ranks an item both rankings agree on above items only one of them has', () => {
    const fused = reciprocalRankFusion([{ items: ['a', 'b', 'c'] }, { items: ['d', 'b', 'e'] }]);
    expect(fused[0]!.item).toBe('b');
    expect(fused[0]!.score).toBeCloseTo(2 / (RRF_K + 2));
    expect(fused.map((f) => f.item).sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('returns a single ranking unchanged and breaks ties by first appearance', () => {
    expect(reciprocalRankFusion([{ items: [3, 1, 2] }]).map((f) => f.item)).toEqual([3, 1, 2]);
    const tie = reciprocalRankFusion([{ items: ['x'] }, { items: ['y'] }]);
    expect(tie.map((f) => f.item)).toEqual(['x', 'y']);
  });

  it('lets a heavier ranking win a disagreement', () => {
    const fused = reciprocalRankFusion([
      { items: ['lexical-top', 'vector-top'], weight: 1 },
      { items: ['vector-top', 'lexical-top'], weight: 3 },
    ]);
    expect(fused[0]!.item).toBe('vector-top');
  });

  it('is empty for no rankings', () => {
    expect(reciprocalRankFusion([])).toEqual([]);
  });
});
