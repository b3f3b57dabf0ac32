/**
 * The LanceDB passage store on its own: a pack large enough for the IVF vector index still
 * finds the passage whose vector a query matches, and full-text and article lookups read the
 * columns back as the search pipeline expects.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_ANALYZER } from '../../../../shared/knowledge/analyzer';
import type { Article, Passage } from '../../../../shared/knowledge/types';
import {
  createPassageStore,
  ftsTop,
  passagesOfArticles,
  VECTOR_INDEX_MIN_ROWS,
  vectorPartitions,
  vectorTop,
} from '../../../../electron/services/knowledge/lancedb-passage-store';
import { seededRandom } from '../../../../shared/seeded-random';
import { tempDir } from './knowledge-fixtures';

const DIMENSION = 32;

function unit(random: () => number): Float32Array {
  const v = Float32Array.from({ length: DIMENSION }, () => random() - 0.5);
  const norm = Math.hypot(...v);
  return v.map((x) => x / norm);
}

describe('LanceDB passage store', () => {
  it('sizes IVF partitions so a query probes a bounded number of vectors', () => {
    expect(vectorPartitions(1)).toBe(1);
    expect(vectorPartitions(100_000)).toBe(125);
    expect(vectorPartitions(10_000_000)).toBe(4096);
  });

  it('finds the nearest passage through the vector index, and terms and articles by FTS', async () => {
    const { dir, cleanup } = await tempDir();
    try {
      const count = VECTOR_INDEX_MIN_ROWS + 500;
      const articles: Article[] = Array.from({ length: count / 5 }, (_, a) => ({
        articleId: `topic/${a}`,
        title: `Topic ${a}`,
        text: `body of topic ${a}`,
      }));
      const passages: Passage[] = Array.from({ length: count }, (_, i) => ({
        passageId: `p${i}`,
        articleId: `topic/${Math.floor(i / 5)}`,
        title: `Topic ${Math.floor(i / 5)}`,
        sectionPath: [],
        text: i === 1234 ? 'the warranty covers a cracked screen' : `ordinary passage number ${i}`,
        start: 0,
        end: 10,
      }));
      const random = seededRandom(7);
      const vectors = passages.map(() => unit(random));
      const store = await createPassageStore(
        `${dir}/index.lancedb`,
        articles,
        passages,
        DEFAULT_ANALYZER,
        vectors,
      );
      expect(await store.passages.listIndices()).toEqual(
        expect.arrayContaining([expect.objectContaining({ indexType: 'IvfRq' })]),
      );
      for (const target of [0, 1234, count - 1]) {
        const [best] = await vectorTop(store.passages, vectors[target]!, 5);
        // RaBitQ codes estimate distances: the passage itself is still first, at about 0.
        expect(best).toEqual({ idx: target, distance: expect.closeTo(0, 1) });
      }
      expect(await ftsTop(store.passages, new Map([['warranti', 1]]), 3)).toEqual([1234]);
      expect((await passagesOfArticles(store, [246])).sort((a, b) => a - b)).toEqual([
        1230, 1231, 1232, 1233, 1234,
      ]);
      store.close();
    } finally {
      await cleanup();
    }
  }, 120_000);
});
