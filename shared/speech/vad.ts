/**
 * Energy voice-activity detection that cuts the stream into utterances: a frame is voiced
 * when its level stands clearly above a tracked noise floor; an utterance ends after a
 * hangover of silence, is dropped when shorter than the minimum, and is cut at the maximum
 * (Whisper's window is 30 s; shorter keeps finals quick).
 */

export interface VadOptions {
  /** Analysis frame, in samples (20 ms at 16 kHz). */
  readonly frameSamples: number;
  readonly sampleRate: number;
  /** Silence that ends an utterance. */
  readonly hangoverMs: number;
  readonly minUtteranceMs: number;
  readonly maxUtteranceMs: number;
  /** Voiced when the level exceeds the noise floor by this factor… */
  readonly floorRatio: number;
  /** …and this absolute level (RMS, 0…1), so digital silence and hiss stay quiet. */
  readonly minLevel: number;
}

export const defaultVadOptions: VadOptions = {
  frameSamples: 320,
  sampleRate: 16_000,
  hangoverMs: 400,
  minUtteranceMs: 300,
  maxUtteranceMs: 12_000,
  floorRatio: 3,
  minLevel: 0.01,
};

export interface VadState {
  /** Frames seen so far. */
  readonly frame: number;
  readonly noiseFloor: number;
  /** First frame of the current utterance, or null between utterances. */
  readonly startFrame: number | null;
  /** The last voiced frame of the current utterance. */
  readonly lastVoicedFrame: number;
}

/** What one frame changed; times are sample offsets from the start of the stream. */
export type VadEvent =
  | { readonly type: 'start'; readonly at: number }
  | { readonly type: 'end'; readonly start: number; readonly end: number; readonly cut: boolean }
  | { readonly type: 'discard'; readonly start: number };

export const initialVadState: VadState = {
  frame: 0,
  noiseFloor: 0.002,
  startFrame: null,
  lastVoicedFrame: -1,
};

/** Is this level voiced, given the state? */
export function isVoiced(state: VadState, level: number, options: VadOptions): boolean {
  return level >= options.minLevel && level >= state.noiseFloor * options.floorRatio;
}

/** Advance the detector by one frame of the given RMS level. */
export function vadStep(
  state: VadState,
  level: number,
  options: VadOptions = defaultVadOptions,
): { state: VadState; event: VadEvent | null } {
  const voiced = isVoiced(state, level, options);
  const frameMs = (options.frameSamples / options.sampleRate) * 1000;
  // The floor follows quiet frames fast and loud ones slowly, so speech does not raise it.
  const noiseFloor = voiced
    ? state.noiseFloor * 1.0005
    : Math.max(
        1e-4,
        state.noiseFloor + (level - state.noiseFloor) * (level < state.noiseFloor ? 0.2 : 0.02),
      );
  const frame = state.frame;
  const next = (patch: Partial<VadState>): VadState => ({
    ...state,
    noiseFloor,
    frame: frame + 1,
    ...patch,
  });
  const at = (f: number) => f * options.frameSamples;

  if (state.startFrame === null) {
    if (!voiced) return { state: next({}), event: null };
    return {
      state: next({ startFrame: frame, lastVoicedFrame: frame }),
      event: { type: 'start', at: at(frame) },
    };
  }
  const lastVoicedFrame = voiced ? frame : state.lastVoicedFrame;
  const lengthMs = (frame + 1 - state.startFrame) * frameMs;
  if (lengthMs >= options.maxUtteranceMs) {
    return {
      state: next({ startFrame: null, lastVoicedFrame }),
      event: { type: 'end', start: at(state.startFrame), end: at(frame + 1), cut: true },
    };
  }
  const silentMs = (frame - lastVoicedFrame) * frameMs;
  if (silentMs < options.hangoverMs) return { state: next({ lastVoicedFrame }), event: null };
  const voicedMs = (lastVoicedFrame + 1 - state.startFrame) * frameMs;
  const event: VadEvent =
    voicedMs < options.minUtteranceMs
      ? { type: 'discard', start: at(state.startFrame) }
      : { type: 'end', start: at(state.startFrame), end: at(lastVoicedFrame + 1), cut: false };
  return { state: next({ startFrame: null, lastVoicedFrame }), event };
}

/** True while an utterance is open and its last frame was silent (a final is near). */
export function inHangover(state: VadState): boolean {
  return state.startFrame !== null && state.lastVoicedFrame < state.frame - 1;
}
