import { describe, expect, it } from 'vitest';
import { Fft, fftFactors } from '../../../shared/speech/fft';

/** The textbook O(n²) DFT, the reference. */
function dft(re: number[], im: number[]) {
  const n = re.length;
  const outRe: number[] = [];
  const outIm: number[] = [];
  for (let k = 0; k < n; k++) {
    let sr = 0;
    let si = 0;
    for (let t = 0; t < n; t++) {
      const a = (-2 * Math.PI * k * t) / n;
      sr += re[t]! * Math.cos(a) - im[t]! * Math.sin(a);
      si += re[t]! * Math.sin(a) + im[t]! * Math.cos(a);
    }
    outRe.push(sr);
    outIm.push(si);
  }
  return { re: outRe, im: outIm };
}

/** A deterministic pseudo-random signal. */
function signal(n: number, seed: number): number[] {
  let x = seed;
  return Array.from({ length: n }, () => {
    x = (x * 1_103_515_245 + 12_345) % 2_147_483_648;
    return x / 1_073_741_824 - 1;
  });
}

describe('fft', () => {
  it('factors sizes into 4, 2, 3 and 5, and refuses other primes', () => {
    expect(fftFactors(400)).toEqual([4, 4, 5, 5]);
    expect(fftFactors(24)).toEqual([4, 2, 3]);
    expect(fftFactors(1)).toEqual([]);
    expect(() => fftFactors(14)).toThrow(/prime factor/);
    expect(() => fftFactors(0)).toThrow();
  });

  for (const n of [1, 2, 3, 5, 8, 12, 30, 45, 64, 400]) {
    it(`matches the direct DFT for n = ${n}`, () => {
      const re = signal(n, n);
      const im = signal(n, n + 7);
      const want = dft(re, im);
      const outRe = new Float64Array(n);
      const outIm = new Float64Array(n);
      new Fft(n).transform(re, im, outRe, outIm);
      for (let k = 0; k < n; k++) {
        expect(outRe[k]).toBeCloseTo(want.re[k]!, 9);
        expect(outIm[k]).toBeCloseTo(want.im[k]!, 9);
      }
    });
  }

  it('treats a missing imaginary part as zero (real input)', () => {
    const re = signal(400, 3);
    const want = dft(re, new Array<number>(400).fill(0));
    const outRe = new Float64Array(400);
    const outIm = new Float64Array(400);
    new Fft(400).transform(re, null, outRe, outIm);
    expect(outRe[17]).toBeCloseTo(want.re[17]!, 9);
    expect(outIm[201]).toBeCloseTo(want.im[201]!, 9);
  });
});
