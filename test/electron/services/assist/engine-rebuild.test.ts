/**
 * When the assist engine retrains: packs at once, learned examples at most every
 * LEARNED_RETRAIN_MS (a burst of intent picks costs one retrain), learning turned off at once.
 * Real engines prepared from the small real pack.
 */
import { describe, expect, it } from 'vitest';
import { createIndexKnowledge } from '../../../../electron/services/assist/assist-knowledge';
import {
  engineRebuild,
  LEARNED_RETRAIN_MS,
  type PreparedEngine,
} from '../../../../electron/services/assist/assist-service';
import { prepareEngine } from '../../../../shared/assist/engine';
import { retailPack } from './fixture-pack';

const packs = createIndexKnowledge([retailPack]).content();
const prepared = (
  learned: ReadonlyMap<string, readonly string[]> | undefined,
  learnedAt: number,
): PreparedEngine => ({ packs, learned, engine: prepareEngine(packs, learned), learnedAt });
const examples = (text: string) => new Map([['refund', [text]]]);

describe('engineRebuild', () => {
  it('prepares the engine when there is none, and again when the packs change', () => {
    expect(engineRebuild(null, packs, undefined, 0)).toBe('packs');
    const current = prepared(undefined, -Infinity);
    expect(engineRebuild(current, packs, undefined, 0)).toBe('keep');
    const upgraded = createIndexKnowledge([{ ...retailPack, packId: 'other' }]).content();
    expect(engineRebuild(current, upgraded, undefined, 0)).toBe('packs');
  });

  it('retrains on the first learned examples at once, then at most every 10 s', () => {
    const start = 1_000_000;
    const fresh = prepared(undefined, -Infinity);
    expect(engineRebuild(fresh, packs, examples('a'), start)).toBe('learned');
    const afterFirst = prepared(examples('a'), start);
    // A burst of picks inside the window keeps the engine it has…
    expect(engineRebuild(afterFirst, packs, examples('b'), start + 1)).toBe('keep');
    expect(engineRebuild(afterFirst, packs, examples('c'), start + LEARNED_RETRAIN_MS - 1)).toBe(
      'keep',
    );
    // …and the next turn after it trains on the latest examples.
    expect(engineRebuild(afterFirst, packs, examples('c'), start + LEARNED_RETRAIN_MS)).toBe(
      'learned',
    );
  });

  it('forgets at once when learning is turned off or cleared', () => {
    const current = prepared(examples('a'), 5_000);
    expect(engineRebuild(current, packs, undefined, 5_001)).toBe('learned');
  });
});
