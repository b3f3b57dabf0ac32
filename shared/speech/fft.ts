/**
 * A mixed-radix complex FFT (decimation in time, radices 4, 2, 3 and 5), for the sizes audio
 * front ends use that are not powers of two: Whisper's 400-point frame is 4² × 5². The plan
 * (factors, twiddles, scratch) is built once per size; `transform` allocates nothing.
 */

const RADICES = [4, 2, 3, 5] as const;

/** The radices of `n`, fours first; throws for a factor other than 2, 3 or 5. */
export function fftFactors(n: number): number[] {
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`FFT size must be a positive integer, got ${n}`);
  const factors: number[] = [];
  let rest = n;
  for (const radix of RADICES) {
    while (rest % radix === 0) {
      factors.push(radix);
      rest /= radix;
    }
  }
  if (rest !== 1) throw new Error(`FFT size ${n} has a prime factor other than 2, 3 or 5`);
  return factors;
}

export class Fft {
  private readonly factors: number[];
  /** exp(-2πi k / n), k = 0…n-1. */
  private readonly cos: Float64Array;
  private readonly sin: Float64Array;
  private readonly scratchRe = new Float64Array(5);
  private readonly scratchIm = new Float64Array(5);

  constructor(readonly size: number) {
    this.factors = fftFactors(size);
    this.cos = new Float64Array(size);
    this.sin = new Float64Array(size);
    for (let k = 0; k < size; k++) {
      this.cos[k] = Math.cos((2 * Math.PI * k) / size);
      this.sin[k] = -Math.sin((2 * Math.PI * k) / size);
    }
  }

  /** out = DFT(in): X[k] = Σ x[t] e^(-2πi k t / n). Inputs and outputs must not alias. */
  transform(
    inRe: ArrayLike<number>,
    inIm: ArrayLike<number> | null,
    outRe: Float64Array,
    outIm: Float64Array,
  ): void {
    this.work(inRe, inIm, 0, 1, outRe, outIm, 0, 0);
  }

  private work(
    inRe: ArrayLike<number>,
    inIm: ArrayLike<number> | null,
    inAt: number,
    stride: number,
    outRe: Float64Array,
    outIm: Float64Array,
    outAt: number,
    level: number,
  ): void {
    const p = this.factors[level];
    if (p === undefined) {
      outRe[outAt] = inRe[inAt]!;
      outIm[outAt] = inIm ? inIm[inAt]! : 0;
      return;
    }
    const n = this.size / stride; // the length of this sub-transform
    const m = n / p;
    for (let q = 0; q < p; q++) {
      this.work(inRe, inIm, inAt + q * stride, stride * p, outRe, outIm, outAt + q * m, level + 1);
    }
    this.butterfly(outRe, outIm, outAt, m, p, stride);
  }

  /** Combine p sub-transforms of length m (at out[at + q m]) into one of length p m. */
  private butterfly(
    re: Float64Array,
    im: Float64Array,
    at: number,
    m: number,
    p: number,
    stride: number,
  ): void {
    const { cos, sin, scratchRe: sr, scratchIm: si, size } = this;
    for (let k = 0; k < m; k++) {
      // Twiddle each sub-transform's k-th bin: w^(q k), w = e^(-2πi / (p m)).
      for (let q = 0; q < p; q++) {
        const i = at + k + q * m;
        const t = (q * k * stride) % size;
        const c = cos[t]!;
        const s = sin[t]!;
        sr[q] = re[i]! * c - im[i]! * s;
        si[q] = re[i]! * s + im[i]! * c;
      }
      // A p-point DFT of the twiddled values.
      for (let u = 0; u < p; u++) {
        let accRe = 0;
        let accIm = 0;
        for (let q = 0; q < p; q++) {
          const t = ((q * u * m * stride) % size) as number;
          const c = cos[t]!;
          const s = sin[t]!;
          accRe += sr[q]! * c - si[q]! * s;
          accIm += sr[q]! * s + si[q]! * c;
        }
        re[at + k + u * m] = accRe;
        im[at + k + u * m] = accIm;
      }
    }
  }
}
