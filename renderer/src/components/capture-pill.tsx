import type { CaptureState } from '../../../shared/schemas/overlay';
import { assertNever } from '../../../shared/result';

const labels = (state: CaptureState['state'] | 'unknown') => {
  switch (state) {
    case 'idle':
      return 'Idle';
    case 'listening':
      return 'Listening';
    case 'paused':
      return 'Paused';
    case 'unknown':
      return 'Connecting';
    default:
      return assertNever(state);
  }
};

const hints = {
  idle: 'Not listening: no call audio is coming in',
  listening: 'Listening: the call is being transcribed on this computer',
  paused: 'Paused: nothing is transcribed until you resume',
  unknown: 'Waiting for Inloop',
} as const;

/** The capture status in words and colour: idle (grey), listening (green, pulsing), paused (amber). */
export function CapturePill({ state }: { state: CaptureState['state'] | 'unknown' }) {
  return (
    <span className={`capture-pill capture-pill--${state}`} role="status" title={hints[state]}>
      <span className="capture-pill__dot" aria-hidden="true" />
      <span className="visually-hidden">Capture: </span>
      <span className="capture-pill__text">{labels(state)}</span>
    </span>
  );
}
