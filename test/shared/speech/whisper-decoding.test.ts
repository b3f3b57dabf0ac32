import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  bannedTokens,
  decodingDone,
  nextToken,
  textTokens,
  whisperGeneration,
} from '../../../shared/speech/whisper-decoding';
import { sharedModelsDir } from '../../electron/services/embeddings/shared-models';

const configPath = join(
  sharedModelsDir,
  'inloop-test',
  'whisper-tiny-en-shape-random',
  'generation_config.json',
);

const small = whisperGeneration({
  decoder_start_token_id: 10,
  forced_decoder_ids: [
    [2, 12],
    [1, 11],
  ],
  eos_token_id: 3,
  suppress_tokens: [5],
  begin_suppress_tokens: [0, 3],
  max_length: 8,
});

describe('whisper decoding', () => {
  it.skipIf(!existsSync(configPath))('reads whisper-tiny.en: start, no timestamps, its eos', () => {
    const generation = whisperGeneration(JSON.parse(readFileSync(configPath, 'utf8')));
    expect(generation.prompt).toEqual([50257, 50362]);
    expect(generation.eos).toBe(50256);
    expect(generation.beginSuppress).toEqual([220, 50256]);
    expect(generation.suppress.length).toBeGreaterThan(50);
  });

  it('builds the prompt from the start token and the forced ids in position order', () => {
    expect(small.prompt).toEqual([10, 11, 12]);
    expect(() =>
      whisperGeneration({
        decoder_start_token_id: 10,
        eos_token_id: 3,
        forced_decoder_ids: [[2, 12]],
      }),
    ).toThrow(/follow the start token/);
    expect(() => whisperGeneration({ decoder_start_token_id: 1 })).toThrow(/eos_token_id/);
  });

  it('picks the best token that may be emitted: suppressed always, begin ones only first', () => {
    const logits = [9, 0, 1, 8, 0, 7, 2];
    expect(nextToken(logits, 0, small)).toBe(6); // 0 and 3 barred at the start, 5 always
    expect(nextToken(logits, 1, small)).toBe(0);
    expect(nextToken([0, 0, 0, 0, 0, 9], 1, small)).toBe(0); // ties: the lowest id
    expect(bannedTokens(small, 0)).toEqual(new Set([5, 0, 3]));
    expect(bannedTokens(small, 4)).toEqual(new Set([5]));
  });

  it('ends the transcript when nothing may be emitted', () => {
    expect(nextToken([Number.NaN, Number.NaN], 1, small)).toBe(3);
  });

  it('stops at end-of-text, at the cap, or at the model maximum length', () => {
    expect(decodingDone([], 4, small)).toBe(false);
    expect(decodingDone([7, 3], 4, small)).toBe(true);
    expect(decodingDone([7, 7, 7, 7], 4, small)).toBe(true);
    expect(decodingDone([7, 7, 7], 4, small)).toBe(false);
    expect(decodingDone([7, 7, 7, 7, 7], 20, small)).toBe(true); // 3 prompt + 5 = max_length 8
    expect(textTokens([7, 8, 3], small)).toEqual([7, 8]);
  });
});
