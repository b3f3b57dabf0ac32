/**
 * What the tray shows for a given state: its tooltip and its menu, as pure functions. The
 * menu items name an action instead of holding a click handler, so tests read the labels
 * and the shell (tray.ts) maps actions to what they do.
 */
import type { CaptureState } from '../../../shared/schemas/overlay';
import { assertNever } from '../../../shared/result';

export type CaptureStatus = CaptureState['state'];

export interface TrayState {
  overlayVisible: boolean;
  clickThrough: boolean;
  capture: CaptureStatus;
  /** Offer "Check for updates" (updates are on and have a server; absent: off). */
  checkForUpdates?: boolean;
}

export type TrayAction =
  'toggle-overlay' | 'toggle-pause' | 'toggle-click-through' | 'check-updates' | 'quit';

export type TrayMenuItem =
  | { type: 'normal'; label: string; action: TrayAction }
  | { type: 'checkbox'; label: string; checked: boolean; action: TrayAction }
  | { type: 'separator' };

/** The capture state in the agent's words. */
export function captureLabel(capture: CaptureStatus): string {
  switch (capture) {
    case 'idle':
      return 'not listening';
    case 'listening':
      return 'listening';
    case 'paused':
      return 'paused';
    default:
      return assertNever(capture);
  }
}

/** The tray tooltip, e.g. "Inloop: listening". */
export function trayTooltip(state: TrayState): string {
  return `Inloop: ${captureLabel(state.capture)}`;
}

/** The tray's context menu for `state`. */
export function trayMenuTemplate(state: TrayState): TrayMenuItem[] {
  return [
    {
      type: 'normal',
      label: state.overlayVisible ? 'Hide Inloop' : 'Show Inloop',
      action: 'toggle-overlay',
    },
    {
      type: 'normal',
      label: state.capture === 'paused' ? 'Resume listening' : 'Pause listening',
      action: 'toggle-pause',
    },
    {
      type: 'checkbox',
      label: 'Click-through',
      checked: state.clickThrough,
      action: 'toggle-click-through',
    },
    { type: 'separator' },
    ...(state.checkForUpdates
      ? [{ type: 'normal' as const, label: 'Check for updates', action: 'check-updates' as const }]
      : []),
    { type: 'normal', label: 'Quit Inloop', action: 'quit' },
  ];
}
