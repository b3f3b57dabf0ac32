import { describe, expect, it } from 'vitest';
import {
  BUDGET_WINDOW_MS,
  busyWithin,
  optionalPassAffordable,
  recentSpans,
  RECOGNITION_SHARE,
} from '../../../shared/speech/recognition-budget';

describe('recognition CPU budget', () => {
  it('counts only the busy time inside the window', () => {
    const spans = [
      { start: 0, end: 1_000 },
      { start: 29_500, end: 30_500 },
      { start: 40_000, end: 41_000 },
    ];
    // Window [11_000, 41_000]: the first pass is out, the other two count in full.
    expect(busyWithin(spans, 41_000, 30_000)).toBe(2_000);
    // Window [500, 30_500]: half of the first, all of the second.
    expect(busyWithin(spans, 30_500, 30_000)).toBe(1_500);
    expect(recentSpans(spans, 41_000)).toEqual(spans.slice(1));
  });

  it('lets optional passes run until the speaker has used its share, then again when it frees', () => {
    const cost = 900;
    const limit = RECOGNITION_SHARE * BUDGET_WINDOW_MS; // 9 s of passes per 30 s
    const spans: { start: number; end: number }[] = [];
    let now = 0;
    // A speaker who talks without a break: a pass every 2 s.
    while (optionalPassAffordable({ spans, now, costMs: cost })) {
      spans.push({ start: now, end: now + cost });
      now += 2_000;
    }
    expect(busyWithin(spans, now, BUDGET_WINDOW_MS)).toBeLessThanOrEqual(limit);
    expect(busyWithin(spans, now, BUDGET_WINDOW_MS) + cost).toBeGreaterThan(limit);
    // Half a minute of silence later the budget is whole again.
    expect(optionalPassAffordable({ spans, now: now + BUDGET_WINDOW_MS, costMs: cost })).toBe(true);
    // Before any pass, the first is always affordable.
    expect(optionalPassAffordable({ spans: [], now: 0, costMs: 0 })).toBe(true);
  });
});
