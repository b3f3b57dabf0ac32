import { describe, expect, it } from 'vitest';
import { AudioHistory } from '../../../shared/speech/audio-history';

describe('AudioHistory', () => {
  it('cuts samples by absolute offset across chunks, after trimming', () => {
    const history = new AudioHistory();
    history.append(Float32Array.from([0, 1, 2]));
    history.append(Float32Array.from([3, 4]));
    history.append(Float32Array.from([5, 6, 7]));
    expect([...history.slice(2, 6)]).toEqual([2, 3, 4, 5]);
    history.trimBefore(5);
    expect(history.end).toBe(8);
    expect([...history.slice(0, 8)]).toEqual([5, 6, 7]);
  });
});
