/**
 * Our log-mel front end against transformers.js's WhisperFeatureExtractor (which transforms
 * the whole zero-padded 30 s window) on real speech and on short and odd lengths.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WhisperFeatureExtractor } from '@huggingface/transformers';
import { beforeAll, describe, expect, it } from 'vitest';
import { LogMelSpectrogram } from '../../../shared/speech/log-mel';
import { parseWav } from '../../../shared/speech/wav';
import { sharedModelsDir } from '../../electron/services/embeddings/shared-models';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const modelDir = join(sharedModelsDir, 'inloop-test', 'whisper-tiny-en-shape-random');
const wavPath = join(root, '..', 'shared', 'data', 'audio', 'first15s.wav');
const present = existsSync(modelDir) && existsSync(wavPath);
const RATE = 16_000;

let reference: WhisperFeatureExtractor;
let ours: LogMelSpectrogram;
let speech: Float32Array;

beforeAll(async () => {
  if (!present) return;
  const config = JSON.parse(await readFile(join(modelDir, 'preprocessor_config.json'), 'utf8'));
  reference = new WhisperFeatureExtractor(config);
  ours = new LogMelSpectrogram({
    melFilters: reference.config.mel_filters as number[][],
    window: reference.window,
    hopLength: config.hop_length,
    windowSamples: config.n_samples,
    frames: config.nb_max_frames,
  });
  speech = parseWav(await readFile(wavPath)).channels[0]!;
});

async function largestDifference(audio: Float32Array): Promise<number> {
  const want = (await reference._call(audio)).input_features.data as Float32Array;
  const got = ours.compute(audio);
  expect(got.length).toBe(want.length);
  let worst = 0;
  for (let i = 0; i < want.length; i++) worst = Math.max(worst, Math.abs(got[i]! - want[i]!));
  return worst;
}

describe.skipIf(!present)('log-mel spectrogram', () => {
  it('matches transformers.js on a real speech clip', async () => {
    expect(await largestDifference(speech.slice(3 * RATE, 12 * RATE))).toBeLessThan(1e-4);
  });

  for (const seconds of [0.3, 2.37, 29.99]) {
    it(`matches transformers.js on ${seconds} s`, async () => {
      const length = Math.round(seconds * RATE);
      const audio = new Float32Array(length);
      // Longer than the file: loop it, so the whole window carries speech.
      for (let i = 0; i < length; i++) audio[i] = speech[(i + RATE) % speech.length]!;
      expect(await largestDifference(audio)).toBeLessThan(1e-4);
    });
  }

  it('matches transformers.js on silence and on audio longer than the window', async () => {
    expect(await largestDifference(new Float32Array(RATE))).toBeLessThan(1e-4);
    const long = new Float32Array(31 * RATE);
    for (let i = 0; i < long.length; i++) long[i] = speech[i % speech.length]!;
    expect(await largestDifference(long)).toBeLessThan(1e-4);
  });
});
