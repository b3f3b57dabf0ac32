import { describe, expect, it } from 'vitest';
import type { AppError } from '../../../shared/result';
import { encodeWav, parseWav } from '../../../shared/speech/wav';

/** A WAV file built by hand: any format code, bit depth and channel count. */
function wav(opts: {
  code?: number;
  bits: number;
  channels?: number;
  rate?: number;
  samples: number[];
}) {
  const { code = 1, bits, channels = 1, rate = 16_000, samples } = opts;
  const bytesPer = bits / 8;
  const data = new Uint8Array(samples.length * bytesPer);
  const dv = new DataView(data.buffer);
  samples.forEach((s, i) => {
    const at = i * bytesPer;
    if (code === 3) dv.setFloat32(at, s, true);
    else if (bits === 8) dv.setUint8(at, 128);
    else if (bits === 16) dv.setInt16(at, Math.round(s * 32_767), true);
    else if (bits === 24) {
      const v = Math.round(s * 8_388_607);
      dv.setUint8(at, v & 0xff);
      dv.setUint8(at + 1, (v >> 8) & 0xff);
      dv.setInt8(at + 2, v >> 16);
    } else dv.setInt32(at, Math.round(s * 2_147_483_647), true);
  });
  const out = new Uint8Array(44 + data.length);
  const v = new DataView(out.buffer);
  const ascii = (at: number, t: string) =>
    [...t].forEach((c, i) => v.setUint8(at + i, c.charCodeAt(0)));
  ascii(0, 'RIFF');
  v.setUint32(4, 36 + data.length, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  v.setUint32(16, 16, true);
  v.setUint16(20, code, true);
  v.setUint16(22, channels, true);
  v.setUint32(24, rate, true);
  v.setUint32(28, rate * bytesPer * channels, true);
  v.setUint16(32, bytesPer * channels, true);
  v.setUint16(34, bits, true);
  ascii(36, 'data');
  v.setUint32(40, data.length, true);
  out.set(data, 44);
  return out;
}

const errorOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error as AppError;
  }
  throw new Error('expected an error');
};

describe('parseWav', () => {
  it.each([
    ['16-bit', { bits: 16 }],
    ['24-bit', { bits: 24 }],
    ['32-bit integer', { bits: 32 }],
    ['32-bit float', { bits: 32, code: 3 }],
  ])('reads %s samples to the same values', (_, format) => {
    const samples = [0, 0.5, -0.5, 0.25, -0.99];
    const audio = parseWav(wav({ ...format, samples }));
    expect(audio.sampleRate).toBe(16_000);
    expect(audio.channels).toHaveLength(1);
    [...audio.channels[0]!].forEach((s, i) => expect(s).toBeCloseTo(samples[i]!, 3));
  });

  it('splits interleaved stereo into left and right', () => {
    const audio = parseWav(
      wav({ bits: 16, channels: 2, rate: 44_100, samples: [0.5, -0.5, 0.25, -0.25] }),
    );
    expect(audio.sampleRate).toBe(44_100);
    expect([...audio.channels[0]!].map((s) => +s.toFixed(2))).toEqual([0.5, 0.25]);
    expect([...audio.channels[1]!].map((s) => +s.toFixed(2))).toEqual([-0.5, -0.25]);
  });

  it('round-trips what encodeWav writes', () => {
    const left = Float32Array.from([0.1, 0.2, 0.3]);
    const right = Float32Array.from([-0.1, -0.2, -0.3]);
    const audio = parseWav(encodeWav(8_000, [left, right]));
    expect(audio.sampleRate).toBe(8_000);
    expect(audio.channels[1]![2]).toBeCloseTo(-0.3, 3);
  });

  it('refuses what it cannot read, naming the problem', () => {
    expect(errorOf(() => parseWav(new TextEncoder().encode('ID3 not a wav at all'))).code).toBe(
      'invalid_request',
    );
    expect(errorOf(() => parseWav(wav({ bits: 8, samples: [0] }))).message).toMatch(/8-bit/);
    expect(errorOf(() => parseWav(wav({ bits: 16, code: 85, samples: [0] }))).message).toMatch(
      /format code 85/,
    );
    expect(errorOf(() => parseWav(wav({ bits: 16, channels: 6, samples: [0] }))).message).toMatch(
      /6 channels/,
    );
    expect(errorOf(() => parseWav(wav({ bits: 16, rate: 96_000, samples: [0] }))).message).toMatch(
      /96000 Hz/,
    );
    expect(errorOf(() => parseWav(wav({ bits: 16, samples: [0] }).slice(0, 30))).message).toMatch(
      /truncated|no fmt/,
    );
  });
});
