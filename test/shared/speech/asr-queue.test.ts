import { describe, expect, it } from 'vitest';
import {
  enqueueJob,
  maxTokensFor,
  PARTIAL_DUTY,
  partialDue,
  takeJob,
  type AsrJob,
} from '../../../shared/speech/asr-queue';

const job = (kind: AsrJob['kind'], utteranceId: string, end = 16_000): AsrJob => ({
  kind,
  utteranceId,
  start: 0,
  end,
  queuedAt: 0,
});

describe('the recognition queue', () => {
  it('keeps one waiting partial: a newer one replaces it', () => {
    const first = enqueueJob([], job('partial', 'u1', 16_000));
    const second = enqueueJob(first.queue, job('partial', 'u1', 32_000));
    expect(second.queue).toEqual([job('partial', 'u1', 32_000)]);
    expect(second.dropped).toBe(1);
  });

  it('drops the partials of an utterance when its final arrives, never the final', () => {
    const queued = enqueueJob([job('partial', 'u1')], job('final', 'u1'));
    expect(queued.queue.map((j) => j.kind)).toEqual(['final']);
    expect(queued.dropped).toBe(1);
  });

  it('drops new partials while a final is waiting (behind), and keeps every final', () => {
    let queue: readonly AsrJob[] = [];
    let dropped = 0;
    for (const next of [
      job('final', 'u1'),
      job('partial', 'u2'),
      job('final', 'u2'),
      job('partial', 'u3'),
    ]) {
      const change = enqueueJob(queue, next);
      queue = change.queue;
      dropped += change.dropped;
    }
    expect(queue.map((j) => `${j.kind}:${j.utteranceId}`)).toEqual(['final:u1', 'final:u2']);
    expect(dropped).toBe(2);
  });

  it('serves finals first, oldest first, then the partial', () => {
    const queue = [job('partial', 'u3'), job('final', 'u1'), job('final', 'u2')];
    const a = takeJob(queue);
    const b = takeJob(a.queue);
    const c = takeJob(b.queue);
    expect([a.job?.utteranceId, b.job?.utteranceId, c.job?.kind]).toEqual(['u1', 'u2', 'partial']);
    expect(takeJob(c.queue).job).toBeNull();
  });
});

describe('speculative finals in the queue', () => {
  it('a speculation replaces its utterance waiting partial and goes before partials, after finals', () => {
    const queued = enqueueJob([job('partial', 'u2')], job('speculative', 'u2'));
    expect(queued.queue.map((j) => j.kind)).toEqual(['speculative']);
    expect(queued.dropped).toBe(1);
    const queue = [job('partial', 'u3'), job('speculative', 'u2'), job('final', 'u1')];
    const order: string[] = [];
    let rest: readonly AsrJob[] = queue;
    for (let next = takeJob(rest); next.job; next = takeJob(rest)) {
      order.push(next.job.kind);
      rest = next.queue;
    }
    expect(order).toEqual(['final', 'speculative', 'partial']);
  });

  it('drops a new partial while a speculation waits, and a waiting speculation when its final comes', () => {
    expect(enqueueJob([job('speculative', 'u1')], job('partial', 'u1')).dropped).toBe(1);
    const final = enqueueJob([job('speculative', 'u1', 8_000)], job('final', 'u1', 16_000));
    expect(final.queue.map((j) => j.kind)).toEqual(['final']);
    expect(final.dropped).toBe(1);
  });
});

describe('partial scheduling', () => {
  it('asks for a partial about every second of speech, not in the hangover', () => {
    expect(partialDue({ utteranceMs: 900, lastPartialMs: 0, inHangover: false })).toBe(false);
    expect(partialDue({ utteranceMs: 1_000, lastPartialMs: 0, inHangover: false })).toBe(true);
    expect(partialDue({ utteranceMs: 1_500, lastPartialMs: 1_000, inHangover: false })).toBe(false);
    expect(partialDue({ utteranceMs: 2_400, lastPartialMs: 1_000, inHangover: true })).toBe(false);
  });

  it('spaces partials out when each costs more than its share of a core', () => {
    // A partial costing 600 ms may come only once its cost is PARTIAL_DUTY of the time since.
    const slow = { lastPartialMs: 1_000, inHangover: false, partialCostMs: 600 };
    const spacing = 600 / PARTIAL_DUTY;
    expect(spacing).toBeGreaterThan(1_000);
    expect(partialDue({ ...slow, utteranceMs: 1_000 + spacing - 100 })).toBe(false);
    expect(partialDue({ ...slow, utteranceMs: 1_000 + spacing })).toBe(true);
  });

  it('caps decoding by the length of the audio', () => {
    expect(maxTokensFor(1)).toBeLessThan(maxTokensFor(5));
    expect(maxTokensFor(30)).toBe(96);
  });
});
