import { describe, expect, it } from 'vitest';
import { rms } from '../../../shared/speech/pcm16';
import { createResampler, downmix, resample } from '../../../shared/speech/resample';

const tone = (hz: number, rate: number, seconds: number) =>
  Float32Array.from({ length: Math.round(rate * seconds) }, (_, i) =>
    Math.sin((2 * Math.PI * hz * i) / rate),
  );

describe('resample', () => {
  it('keeps the duration and a tone below the new Nyquist frequency', () => {
    const out = resample(tone(440, 48_000, 1), 48_000, 16_000);
    expect(out.length).toBe(16_000);
    // The middle of a pure tone keeps its level (1/√2 RMS).
    expect(rms(out.subarray(2_000, 14_000))).toBeCloseTo(Math.SQRT1_2, 1);
  });

  it('removes a tone above the new Nyquist frequency instead of aliasing it', () => {
    // 10 kHz cannot exist at 16 kHz; picking samples would fold it down to 6 kHz at full level.
    const out = resample(tone(10_000, 48_000, 1), 48_000, 16_000);
    expect(rms(out.subarray(2_000, 14_000))).toBeLessThan(0.01);
  });

  it('upsamples 8 kHz telephone audio', () => {
    const out = resample(tone(1_000, 8_000, 0.5), 8_000, 16_000);
    expect(out.length).toBe(8_000);
    expect(rms(out.subarray(1_000, 7_000))).toBeCloseTo(Math.SQRT1_2, 1);
  });

  it('gives the same result streamed in 128-sample blocks as in one call', () => {
    const input = tone(300, 44_100, 0.3);
    const whole = resample(input, 44_100, 16_000);
    const streamer = createResampler(44_100, 16_000);
    const parts: number[] = [];
    for (let i = 0; i < input.length; i += 128)
      parts.push(...streamer.push(input.subarray(i, i + 128)));
    parts.push(...streamer.flush());
    for (let i = 0; i < whole.length; i += 97) expect(parts[i]).toBeCloseTo(whole[i]!, 5);
  });
});

describe('downmix', () => {
  it('averages the channels', () => {
    expect([...downmix([Float32Array.from([1, 0]), Float32Array.from([0, -1])])]).toEqual([
      0.5, -0.5,
    ]);
  });
});
