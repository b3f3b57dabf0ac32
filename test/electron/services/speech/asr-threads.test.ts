import { describe, expect, it } from 'vitest';
import { asrThreads } from '../../../../electron/services/speech/asr-engine';

describe('recognition threads per speaker', () => {
  it('uses one thread per worker on a 2-core machine and two from 4 cores up', () => {
    expect(asrThreads({}, 2)).toBe(1);
    expect(asrThreads({}, 3)).toBe(1);
    expect(asrThreads({}, 4)).toBe(2);
    expect(asrThreads({}, 16)).toBe(2);
  });

  it('takes INLOOP_ASR_THREADS when it is a positive integer, and ignores anything else', () => {
    expect(asrThreads({ INLOOP_ASR_THREADS: '3' }, 2)).toBe(3);
    expect(asrThreads({ INLOOP_ASR_THREADS: '0' }, 2)).toBe(1);
    expect(asrThreads({ INLOOP_ASR_THREADS: 'two' }, 8)).toBe(2);
  });
});
