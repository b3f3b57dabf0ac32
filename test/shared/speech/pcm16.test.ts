import { describe, expect, it } from 'vitest';
import { decodePcm16, encodePcm16, rms } from '../../../shared/speech/pcm16';

describe('pcm16', () => {
  it('round-trips samples through base64 PCM16 within one step', () => {
    const samples = Float32Array.from([0, 0.5, -0.5, 1, -1, 0.123]);
    const back = decodePcm16(encodePcm16(samples));
    expect(back.length).toBe(samples.length);
    back.forEach((s, i) => expect(Math.abs(s - samples[i]!)).toBeLessThan(1 / 16_000));
  });

  it('writes 100 ms at 16 kHz as 3,200 bytes (the AudioFrame size)', () => {
    expect(atob(encodePcm16(new Float32Array(1_600))).length).toBe(3_200);
  });

  it('measures level', () => {
    expect(rms(new Float32Array(10))).toBe(0);
    expect(rms(Float32Array.from([0.5, -0.5]))).toBeCloseTo(0.5);
  });
});
