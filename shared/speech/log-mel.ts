/**
 * Whisper's log-mel spectrogram, computed only where there is audio. Whisper always looks at
 * a 30 s window (3000 frames of 10 ms); a short clip is zero-padded to it, and every frame past
 * the audio is the same known value. This gives the same numbers as transforming all 3000
 * frames (transformers.js `WhisperFeatureExtractor`: reflect padding at the edges, Hann window,
 * power spectrum, mel filters, floor 1e-10, log10, clamp to max − 8, (x + 4) / 4) for a
 * fraction of the cost. The filters and window are passed in, so they are exactly the model's.
 */
import { Fft } from './fft';

export interface LogMelConfig {
  /** [mel][frequency bin], n_fft / 2 + 1 bins. */
  readonly melFilters: readonly (readonly number[])[];
  /** n_fft samples. */
  readonly window: ArrayLike<number>;
  readonly hopLength: number;
  /** Samples in the model's window (30 s × 16 kHz). */
  readonly windowSamples: number;
  /** Frames the model takes (3000). */
  readonly frames: number;
}

const MEL_FLOOR = 1e-10;

/** A filter's non-zero span, so the projection skips the zeros. */
interface SparseFilter {
  readonly from: number;
  readonly weights: Float64Array;
}

export class LogMelSpectrogram {
  private readonly nFft: number;
  private readonly bins: number;
  private readonly fft: Fft;
  private readonly filters: SparseFilter[];
  private readonly frameRe: Float64Array;
  private readonly specRe: Float64Array;
  private readonly specIm: Float64Array;
  private readonly power: Float64Array;

  constructor(private readonly config: LogMelConfig) {
    this.nFft = config.window.length;
    this.bins = Math.floor(this.nFft / 2) + 1;
    this.fft = new Fft(this.nFft);
    this.filters = config.melFilters.map((row) => {
      if (row.length !== this.bins) {
        throw new Error(`mel filter has ${row.length} bins, expected ${this.bins}`);
      }
      let from = row.findIndex((w) => w !== 0);
      if (from < 0) from = 0;
      let to = row.length;
      while (to > from && row[to - 1] === 0) to--;
      return { from, weights: Float64Array.from(row.slice(from, to)) };
    });
    this.frameRe = new Float64Array(this.nFft);
    this.specRe = new Float64Array(this.nFft);
    this.specIm = new Float64Array(this.nFft);
    this.power = new Float64Array(this.bins);
  }

  /** The features of `audio` (16 kHz), [mel][frame] flattened: mels × frames values. */
  compute(audio: Float32Array): Float32Array {
    const { hopLength, windowSamples, frames } = this.config;
    const mels = this.filters.length;
    const length = Math.min(audio.length, windowSamples);
    const half = Math.floor(this.nFft / 2);
    // Frame i covers samples [i·hop − half, i·hop + half); past the audio it is all zeros.
    const voiced = Math.min(frames, length === 0 ? 0 : Math.ceil((length + half) / hopLength));
    const out = new Float32Array(mels * frames);
    let max = -Infinity;
    for (let i = 0; i < voiced; i++) {
      this.frame(audio, length, i * hopLength - half);
      for (let m = 0; m < mels; m++) {
        const { from, weights } = this.filters[m]!;
        let sum = 0;
        for (let j = 0; j < weights.length; j++) sum += weights[j]! * this.power[from + j]!;
        const value = Math.log10(Math.max(MEL_FLOOR, Math.fround(sum)));
        out[m * frames + i] = value;
        if (value > max) max = value;
      }
    }
    const silent = Math.log10(MEL_FLOOR);
    if (voiced < frames && silent > max) max = silent;
    const threshold = Math.fround(max) - 8;
    for (let m = 0; m < mels; m++) {
      const row = m * frames;
      for (let i = 0; i < voiced; i++) out[row + i] = (Math.max(out[row + i]!, threshold) + 4) / 4;
      out.fill((Math.max(silent, threshold) + 4) / 4, row + voiced, row + frames);
    }
    return out;
  }

  /** The power spectrum of the frame starting at `start` into `this.power`. */
  private frame(audio: Float32Array, length: number, start: number): void {
    const { window, windowSamples } = this.config;
    const last = windowSamples - 1;
    for (let j = 0; j < this.nFft; j++) {
      let k = start + j;
      // Reflect at both edges of the zero-padded 30 s window (numpy's 'reflect').
      if (k < 0) k = -k;
      else if (k > last) k = 2 * last - k;
      this.frameRe[j] = (k < length ? audio[k]! : 0) * window[j]!;
    }
    this.fft.transform(this.frameRe, null, this.specRe, this.specIm);
    for (let b = 0; b < this.bins; b++) {
      this.power[b] = this.specRe[b]! ** 2 + this.specIm[b]! ** 2;
    }
  }
}
