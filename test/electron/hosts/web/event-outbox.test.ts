/** What a slow client is still owed: the newest event per key, in order, bounded. */
import { describe, expect, it } from 'vitest';
import { coalesceKey, EventOutbox } from '../../../../electron/hosts/web/event-outbox';
import type { TranscriptSegment } from '../../../../shared/schemas/speech';

const segment = (id: string, text: string): TranscriptSegment =>
  ({ id, speaker: 'customer', start: 0, end: 1, text, final: false }) as TranscriptSegment;

function drain(outbox: EventOutbox) {
  const out: unknown[] = [];
  for (let next = outbox.shift(); next; next = outbox.shift()) out.push(next.payload);
  return out;
}

describe('event outbox', () => {
  it('keeps the newest state of a channel, moved to where it was last sent', () => {
    const outbox = new EventOutbox();
    outbox.park('knowledge:changed', { packs: 1 } as never);
    outbox.park('app:notice', { id: 'a', level: 'info', message: 'one' });
    outbox.park('knowledge:changed', { packs: 2 } as never);
    expect(drain(outbox)).toEqual([{ id: 'a', level: 'info', message: 'one' }, { packs: 2 }]);
  });

  it('keeps transcript segments apart by id: a partial is replaced by its own final only', () => {
    const outbox = new EventOutbox();
    outbox.park('speech:segment', segment('s1', 'my par'));
    outbox.park('speech:segment', segment('s2', 'hello'));
    outbox.park('speech:segment', segment('s1', 'my parcel is late'));
    expect(drain(outbox).map((s) => (s as TranscriptSegment).text)).toEqual([
      'hello',
      'my parcel is late',
    ]);
    expect(coalesceKey('speech:segment', segment('s1', ''))).not.toBe(
      coalesceKey('speech:segment', segment('s2', '')),
    );
  });

  it('holds a bounded number of keys, dropping the oldest', () => {
    const outbox = new EventOutbox(3);
    for (const id of ['a', 'b', 'c', 'd']) outbox.park('speech:segment', segment(id, id));
    expect(outbox.size).toBe(3);
    expect(drain(outbox).map((s) => (s as TranscriptSegment).id)).toEqual(['b', 'c', 'd']);
  });
});
