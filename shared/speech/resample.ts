/**
 * Sample-rate conversion with a windowed-sinc low-pass (Blackman window), so that going from
 * 44.1/48 kHz down to 16 kHz removes what would alias instead of picking nearest samples.
 * Streaming: the AudioWorklet feeds 128-sample blocks; files go through in one call.
 */

/** Taps on each side of the kernel, in output-rate periods: 16 keeps the stop band > 60 dB. */
const ZERO_CROSSINGS = 16;
/** Cut a little below the new Nyquist so the transition band does not alias. */
const CUTOFF = 0.92;
/** Kernel table points per input sample. */
const TABLE_STEPS = 512;

/** A resampler that keeps its history between calls. */
export interface Resampler {
  /** Resample the next block; returns the output samples ready so far. */
  push(input: Float32Array): Float32Array;
  /** The samples still held back by the filter (call once at the end). */
  flush(): Float32Array;
}

/** A streaming resampler from `fromRate` to `toRate` (Hz). */
export function createResampler(fromRate: number, toRate: number): Resampler {
  if (!(fromRate > 0 && toRate > 0)) throw new Error('sample rates must be positive');
  const step = fromRate / toRate;
  if (step === 1) return { push: (input) => input.slice(), flush: () => new Float32Array(0) };
  const fc = Math.min(1, 1 / step) * CUTOFF;
  const half = Math.ceil(ZERO_CROSSINGS / fc);
  // Leading zeros: the signal before the first sample is silence.
  let buffer = new Float32Array(half);
  let time = half;

  // The kernel sampled finely once, read with linear interpolation: no trigonometry per tap,
  // which keeps the AudioWorklet well inside its real-time budget.
  const table = new Float32Array(half * TABLE_STEPS + 2);
  for (let i = 0; i < table.length; i++) {
    const distance = i / TABLE_STEPS;
    const x = distance / half;
    const window =
      x >= 1 ? 0 : 0.42 + 0.5 * Math.cos(Math.PI * x) + 0.08 * Math.cos(2 * Math.PI * x);
    const arg = Math.PI * fc * distance;
    table[i] = fc * (arg === 0 ? 1 : Math.sin(arg) / arg) * window;
  }
  const kernel = (distance: number): number => {
    const position = Math.abs(distance) * TABLE_STEPS;
    const index = Math.floor(position);
    if (index >= table.length - 1) return 0;
    const fraction = position - index;
    return table[index]! + (table[index + 1]! - table[index]!) * fraction;
  };

  const run = (input: Float32Array): Float32Array => {
    const joined = new Float32Array(buffer.length + input.length);
    joined.set(buffer);
    joined.set(input, buffer.length);
    const out: number[] = [];
    while (time + half < joined.length) {
      const centre = Math.floor(time);
      let sum = 0;
      for (let k = centre - half + 1; k <= centre + half; k++) {
        sum += joined[k]! * kernel(time - k);
      }
      out.push(sum);
      time += step;
    }
    const keepFrom = Math.max(0, Math.floor(time) - half);
    buffer = joined.slice(keepFrom);
    time -= keepFrom;
    return Float32Array.from(out);
  };

  return { push: run, flush: () => run(new Float32Array(half + Math.ceil(step))) };
}

/** Resample a whole signal. */
export function resample(input: Float32Array, fromRate: number, toRate: number): Float32Array {
  const resampler = createResampler(fromRate, toRate);
  const head = resampler.push(input);
  const tail = resampler.flush();
  const expected = Math.round((input.length * toRate) / fromRate);
  const out = new Float32Array(expected);
  out.set(head.subarray(0, expected));
  if (head.length < expected) out.set(tail.subarray(0, expected - head.length), head.length);
  return out;
}

/** Average the channels into one. */
export function downmix(channels: readonly Float32Array[]): Float32Array {
  if (channels.length === 1) return channels[0]!;
  const length = Math.min(...channels.map((c) => c.length));
  const out = new Float32Array(length);
  for (const channel of channels) {
    for (let i = 0; i < length; i++) out[i]! += channel[i]! / channels.length;
  }
  return out;
}
