/** Whisper's filters and window as transformers.js's WhisperFeatureExtractor builds them. */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { WhisperFeatureExtractor } from '@huggingface/transformers';
import { periodicHann, slaneyMelFilters } from '../../../shared/speech/mel-filters';

const config = new URL(
  '../../../../shared/models/inloop-test/whisper-tiny-en-shape-random/preprocessor_config.json',
  import.meta.url,
);
// Whisper's own numbers when the shared models are there, its published ones otherwise.
const preprocessor = (
  existsSync(config)
    ? JSON.parse(readFileSync(config, 'utf8'))
    : { n_fft: 400, feature_size: 80, sampling_rate: 16_000 }
) as { n_fft: number; feature_size: number; sampling_rate: number };

describe('Whisper front-end constants', () => {
  const reference = new WhisperFeatureExtractor(preprocessor);

  it('builds the 80 Slaney mel filters the extractor uses, to the last bit', () => {
    const ours = slaneyMelFilters(
      preprocessor.n_fft / 2 + 1,
      preprocessor.feature_size,
      preprocessor.sampling_rate,
    );
    const theirs = reference.config.mel_filters as number[][];
    expect(ours.length).toBe(80);
    expect(ours[0]!.length).toBe(201);
    let worst = 0;
    ours.forEach((row, m) =>
      row.forEach((x, k) => (worst = Math.max(worst, Math.abs(x - theirs[m]![k]!)))),
    );
    expect(worst).toBeLessThan(1e-12);
  });

  it('builds the periodic Hann window', () => {
    const ours = periodicHann(preprocessor.n_fft);
    const theirs = reference.window as Float64Array;
    expect(ours.length).toBe(theirs.length);
    ours.forEach((x, i) => expect(x).toBeCloseTo(theirs[i]!, 12));
  });
});
