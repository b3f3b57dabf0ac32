import { describe, expect, it } from 'vitest';
import {
  SPECULATE_AFTER_MS,
  cancelsRunning,
  finalFromSpeculation,
  speculationDue,
} from '../../../shared/speech/speculative-final';
import { defaultVadOptions } from '../../../shared/speech/vad';

const quiet = {
  open: true,
  silentMs: SPECULATE_AFTER_MS,
  voicedMs: 1_200,
  minUtteranceMs: 300,
  voicedEnd: 32_000,
  speculatedEnd: null,
};

describe('speculative finals', () => {
  it('starts well inside the hangover, so the final can be ready when the hangover ends', () => {
    expect(SPECULATE_AFTER_MS).toBeLessThanOrEqual(defaultVadOptions.hangoverMs / 2);
    expect(speculationDue(quiet)).toBe(true);
    expect(speculationDue({ ...quiet, silentMs: SPECULATE_AFTER_MS - 20 })).toBe(false);
  });

  it('speculates once per stretch of voiced audio, only on an open utterance that will be kept', () => {
    expect(speculationDue({ ...quiet, speculatedEnd: 32_000 })).toBe(false);
    // The speaker went on and paused again: the new audio deserves a new pass.
    expect(speculationDue({ ...quiet, speculatedEnd: 24_000 })).toBe(true);
    expect(speculationDue({ ...quiet, open: false })).toBe(false);
    expect(speculationDue({ ...quiet, voicedMs: 200 })).toBe(false);
  });

  it('promotes a speculation to the final only when it covers exactly the final audio', () => {
    const spec = { utteranceId: 'u1', start: 0, end: 32_000 };
    expect(finalFromSpeculation(spec, { ...spec })).toBe('promote');
    expect(finalFromSpeculation(spec, { ...spec, end: 40_000 })).toBe('replace');
    expect(finalFromSpeculation(spec, { ...spec, utteranceId: 'u2' })).toBe('replace');
    expect(finalFromSpeculation(null, spec)).toBe('replace');
  });

  it('cancels a running partial when a final or a speculation is queued, nothing else', () => {
    expect(cancelsRunning('partial', 'final')).toBe(true);
    expect(cancelsRunning('partial', 'speculative')).toBe(true);
    expect(cancelsRunning('partial', 'partial')).toBe(false);
    expect(cancelsRunning('final', 'final')).toBe(false);
    expect(cancelsRunning('undecided', 'final')).toBe(false);
    expect(cancelsRunning(null, 'final')).toBe(false);
  });
});
