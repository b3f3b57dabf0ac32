/**
 * What can go wrong with capture, as the agent reads it: what happened and the fix.
 * Pure, so the states are unit-tested without a browser.
 */
import type { Speaker } from '../../../shared/schemas/speech';

export type CaptureProblemKind = 'permission-denied' | 'device-missing' | 'silent' | 'failed';

export interface CaptureProblem {
  readonly speaker: Speaker;
  readonly kind: CaptureProblemKind;
  readonly message: string;
  readonly fix: string;
}

const source = (speaker: Speaker) => (speaker === 'agent' ? 'microphone' : 'customer audio');

/** The problem for an error from getUserMedia / getDisplayMedia. */
export function problemFromError(speaker: Speaker, error: unknown): CaptureProblem {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return {
        speaker,
        kind: 'permission-denied',
        message: `Access to the ${source(speaker)} was refused.`,
        fix:
          speaker === 'agent'
            ? 'Allow microphone access for Inloop (system privacy settings, or the browser’s site permissions), then start again.'
            : 'Allow screen and audio sharing when asked (macOS: Screen Recording permission for Inloop), or pick the softphone’s output as an input device.',
      };
    case 'NotFoundError':
    case 'OverconstrainedError':
      return {
        speaker,
        kind: 'device-missing',
        message: `The ${source(speaker)} device was not found.`,
        fix: 'Plug it in, or pick another device in the list, then start again.',
      };
    default:
      return {
        speaker,
        kind: 'failed',
        message: `The ${source(speaker)} could not be opened${error instanceof Error ? `: ${error.message}` : ''}.`,
        fix: 'Close other apps that hold the device, or pick another one, then start again.',
      };
  }
}

/** Below this level (RMS) a channel counts as silent. */
export const SILENCE_LEVEL = 0.002;
/** How long a channel may stay silent before the agent is told. */
export const SILENCE_MS = 8_000;

/** The silent-input problem, once a channel has been quiet for long enough. */
export function silenceProblem(speaker: Speaker, quietMs: number): CaptureProblem | null {
  if (quietMs < SILENCE_MS) return null;
  return {
    speaker,
    kind: 'silent',
    message: `No sound from the ${source(speaker)} for ${Math.round(quietMs / 1000)} s.`,
    fix:
      speaker === 'agent'
        ? 'Check the microphone is not muted (headset switch, system mute) and is the one picked here.'
        : 'On Linux pick the “Monitor of …” input of the speakers the softphone plays to; elsewhere share system audio.',
  };
}
