import { describe, expect, it } from 'vitest';
import {
  defaultVadOptions,
  initialVadState,
  vadStep,
  type VadEvent,
} from '../../../shared/speech/vad';

const FRAME_MS = 20;
/** Run the detector over a level script: [level, milliseconds] pairs. */
function run(script: [number, number][]) {
  let state = initialVadState;
  const events: VadEvent[] = [];
  for (const [level, ms] of script) {
    for (let i = 0; i < ms / FRAME_MS; i++) {
      const step = vadStep(state, level, defaultVadOptions);
      state = step.state;
      if (step.event) events.push(step.event);
    }
  }
  return events;
}
const seconds = (samples: number) => samples / 16_000;
const QUIET = 0.001;
const SPEECH = 0.1;

describe('vadStep', () => {
  it('cuts one utterance with its start and end', () => {
    const events = run([
      [QUIET, 1_000],
      [SPEECH, 1_500],
      [QUIET, 1_000],
    ]);
    expect(events.map((e) => e.type)).toEqual(['start', 'end']);
    const end = events[1] as Extract<VadEvent, { type: 'end' }>;
    expect(seconds(end.start)).toBeCloseTo(1.0, 2);
    expect(seconds(end.end)).toBeCloseTo(2.5, 2);
    expect(end.cut).toBe(false);
  });

  it('bridges a pause shorter than the hangover', () => {
    const events = run([
      [QUIET, 500],
      [SPEECH, 800],
      [QUIET, 200],
      [SPEECH, 800],
      [QUIET, 1_000],
    ]);
    expect(events.filter((e) => e.type === 'end')).toHaveLength(1);
  });

  it('splits at a pause longer than the hangover', () => {
    const events = run([
      [QUIET, 500],
      [SPEECH, 800],
      [QUIET, 700],
      [SPEECH, 800],
      [QUIET, 1_000],
    ]);
    expect(events.filter((e) => e.type === 'end')).toHaveLength(2);
  });

  it('discards a click shorter than the minimum utterance', () => {
    const events = run([
      [QUIET, 500],
      [SPEECH, 100],
      [QUIET, 1_000],
    ]);
    expect(events.map((e) => e.type)).toEqual(['start', 'discard']);
  });

  it('cuts a monologue at the maximum length and goes on', () => {
    const events = run([
      [QUIET, 500],
      [SPEECH, 20_000],
      [QUIET, 1_000],
    ]);
    const ends = events.filter((e): e is Extract<VadEvent, { type: 'end' }> => e.type === 'end');
    expect(ends).toHaveLength(2);
    expect(ends[0]!.cut).toBe(true);
    expect(seconds(ends[0]!.end - ends[0]!.start)).toBeCloseTo(12, 1);
  });

  it('stays quiet on steady background noise', () => {
    expect(run([[0.005, 5_000]])).toEqual([]);
  });
});
