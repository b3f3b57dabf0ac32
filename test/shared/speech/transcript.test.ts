import { describe, expect, it } from 'vitest';
import type { TranscriptSegment } from '../../../shared/schemas/speech';
import { mergeSegment } from '../../../shared/speech/transcript';

const seg = (id: string, start: number, text: string, final = false): TranscriptSegment => ({
  id,
  speaker: id.startsWith('a') ? 'agent' : 'customer',
  start,
  end: start + 1,
  text,
  final,
});

describe('mergeSegment', () => {
  it('replaces a partial by the next partial and then by its final', () => {
    let t = mergeSegment([], seg('c1', 0, 'hel'));
    t = mergeSegment(t, seg('c1', 0, 'hello the'));
    t = mergeSegment(t, seg('c1', 0, 'hello there', true));
    expect(t).toEqual([seg('c1', 0, 'hello there', true)]);
  });

  it('never lets a late partial overwrite a final', () => {
    const t = mergeSegment([seg('c1', 0, 'final text', true)], seg('c1', 0, 'stale'));
    expect(t[0]!.text).toBe('final text');
  });

  it('keeps both speakers in time order', () => {
    let t = mergeSegment([], seg('c1', 2, 'customer'));
    t = mergeSegment(t, seg('a1', 1, 'agent'));
    t = mergeSegment(t, seg('c2', 3, 'again'));
    expect(t.map((s) => s.id)).toEqual(['a1', 'c1', 'c2']);
  });
});
