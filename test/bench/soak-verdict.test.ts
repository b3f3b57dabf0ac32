/** The soak's verdict on made-up curves: a leak fails it, traffic that goes up and down does not. */
import { describe, expect, it } from 'vitest';
import { judgeSoak, keepsGrowing, type SoakSample } from '../../bench/soak/verdict';
import { curveCsv } from '../../bench/soak/curve';

function curve(
  rss: readonly number[],
  extra: (i: number) => Partial<SoakSample> = () => ({}),
): SoakSample[] {
  return rss.map((value, i) => ({
    minute: i,
    rss: value,
    workersRss: 100,
    heapUsed: 50,
    heapTotal: 80,
    external: 5,
    handles: { TCPSocketWrap: 3, Timeout: 2 + (i % 2) },
    gauges: { 'event-bus listeners': 2, 'web sockets': 1 },
    loopP50: 10,
    loopP99: 20,
    loopMax: 30,
    requests: i * 100,
    errors: 0,
    conversations: i * 10,
    turns: i * 100,
    audioSeconds: i * 60,
    transcribedSeconds: i * 59,
    ...extra(i),
  }));
}

describe('judgeSoak', () => {
  it('passes a flat run whose warm-up climbed', () => {
    expect(judgeSoak(curve([200, 500, 600, 610, 605, 612, 608, 611]))).toEqual([]);
  });

  it('fails RSS that ends more than 10 % above where it was after the warm-up', () => {
    const problems = judgeSoak(curve([200, 500, 600, 600, 620, 640, 660, 680, 700, 720]));
    expect(problems).toEqual([expect.objectContaining({ check: 'rss' })]);
    expect(problems[0]!.message).toMatch(/RSS grew 1\d\.\d %/);
  });

  it('fails a listener count that keeps growing, not one that comes and goes', () => {
    const leaking = curve([600, 600, 600, 600, 600, 600, 600], (i) => ({
      gauges: { 'event-bus listeners': 2 + i * 2, 'web sockets': i % 2 },
    }));
    const problems = judgeSoak(leaking);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toMatch(/^event-bus listeners keeps growing: 8 → 10 → 12 → 14$/);
  });

  it('fails an event-loop p99 over 50 ms after the warm-up, and any failed request', () => {
    const slow = curve([600, 600, 600, 600, 600, 600], (i) => ({
      loopP99: i === 0 || i === 4 ? 80 : 20,
    }));
    const problems = judgeSoak(slow, undefined, ['assist:feedback: invalid_request: bad id']);
    expect(problems.map((p) => p.check)).toEqual(['event-loop', 'errors']);
    expect(problems[0]!.message).toContain('minute 4: 80 ms');
    expect(problems[0]!.message).not.toContain('minute 0');
  });

  it('says so when the run is too short to judge', () => {
    expect(judgeSoak(curve([600, 600, 600, 600]))).toEqual([
      expect.objectContaining({ check: 'samples' }),
    ]);
  });
});

describe('keepsGrowing', () => {
  it('tells a steady climb from noise and from a one-off step', () => {
    expect(keepsGrowing([10, 11, 13, 14, 16, 18])).toBe(true);
    expect(keepsGrowing([10, 14, 9, 15, 8, 12])).toBe(false);
    expect(keepsGrowing([10, 10, 10, 10, 10, 20, 19])).toBe(false);
    expect(keepsGrowing([2, 2, 3, 3, 3])).toBe(false);
  });
});

describe('curveCsv', () => {
  it('writes one row a sample with every handle type and gauge as a column', () => {
    const csv = curveCsv(curve([500, 510]))
      .trim()
      .split('\n');
    expect(csv).toHaveLength(3);
    expect(csv[0]).toContain('handles:TCPSocketWrap,handles:Timeout,gauge:event-bus listeners');
    expect(csv[2]!.split(',')[1]).toBe('510.0');
  });
});
