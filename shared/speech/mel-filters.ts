/**
 * Whisper's front-end constants, computed as its feature extractor computes them (transformers'
 * `mel_filter_bank` with Slaney's mel scale and area normalisation, and a periodic Hann
 * window), so the speech worker needs no ML library to build them. Pure.
 */

const MIN_LOG_HZ = 1_000;
const MIN_LOG_MEL = 15;
const LOG_STEP = 27 / Math.log(6.4);

/** Slaney's mel scale: linear below 1 kHz, logarithmic above. */
export function hertzToMel(hz: number): number {
  return hz >= MIN_LOG_HZ ? MIN_LOG_MEL + Math.log(hz / MIN_LOG_HZ) * LOG_STEP : (3 * hz) / 200;
}

export function melToHertz(mel: number): number {
  return mel >= MIN_LOG_MEL
    ? MIN_LOG_HZ * Math.exp((mel - MIN_LOG_MEL) / LOG_STEP)
    : (200 * mel) / 3;
}

const linspace = (start: number, end: number, count: number) =>
  Array.from({ length: count }, (_, i) => start + ((end - start) / (count - 1)) * i);

/**
 * `mels` triangular filters over `frequencyBins` FFT bins from 0 to `maxHz`, spaced evenly on
 * Slaney's mel scale, each scaled to unit area (`norm: 'slaney'`): rows are filters.
 */
export function slaneyMelFilters(
  frequencyBins: number,
  mels: number,
  sampleRate: number,
  maxHz = 8_000,
): number[][] {
  const edges = linspace(hertzToMel(0), hertzToMel(maxHz), mels + 2).map(melToHertz);
  const fftFreqs = linspace(0, Math.floor(sampleRate / 2), frequencyBins);
  return Array.from({ length: mels }, (_, m) => {
    const [low, centre, high] = [edges[m]!, edges[m + 1]!, edges[m + 2]!];
    const area = 2 / (high - low);
    return fftFreqs.map((f) => {
      const down = (f - low) / (centre - low);
      const up = (high - f) / (high - centre);
      return Math.max(0, Math.min(down, up)) * area;
    });
  });
}

/** The periodic Hann window of `length` samples (what STFT front ends use). */
export function periodicHann(length: number): Float64Array {
  const window = new Float64Array(length);
  for (let i = 0; i < length; i++) window[i] = 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / length);
  return window;
}
