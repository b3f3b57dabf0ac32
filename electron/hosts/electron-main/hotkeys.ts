/**
 * Global shortcuts from `settings.hotkeys`: show/hide the overlay, click-through, pause
 * listening. A shortcut the OS refuses (another app holds it) or cannot parse becomes a
 * `HotkeyProblem` with a sentence the agent can act on; the other shortcuts still register.
 * Problems reach the UI in `OverlayState.hotkeyProblems` and as `app:notice` events.
 */
import { assertNever } from '../../../shared/result';
import type { Notice } from '../../../shared/schemas/app';
import type { HotkeyProblem } from '../../../shared/schemas/overlay';
import {
  HotkeyActionSchema,
  type HotkeyAction,
  type Settings,
} from '../../../shared/schemas/settings';
import type { EventBus } from '../../services/core/event-bus';
import type { GlobalShortcutLike } from './electron-deps';

export type HotkeyActions = Readonly<Record<HotkeyAction, () => void>>;

/** How the agent knows each action (Settings → Shortcuts uses the same words). */
export const hotkeyActionLabels: Readonly<Record<HotkeyAction, string>> = {
  toggleOverlay: 'Show/hide overlay',
  toggleClickThrough: 'Click-through',
  togglePause: 'Pause listening',
};

const WHERE_TO_FIX = 'choose another shortcut in Settings → Shortcuts';

export type HotkeyFailure =
  | { kind: 'taken' }
  | { kind: 'invalid'; detail: string }
  | { kind: 'duplicate'; other: HotkeyAction };

/** The sentence shown for a shortcut that could not be registered (pure). */
export function hotkeyProblemMessage(accelerator: string, failure: HotkeyFailure): string {
  switch (failure.kind) {
    case 'taken':
      return `${accelerator} is already used by another application; ${WHERE_TO_FIX}`;
    case 'invalid':
      return `${accelerator} is not a shortcut this system accepts (${failure.detail}); ${WHERE_TO_FIX}`;
    case 'duplicate':
      return `${accelerator} is already the shortcut for ${hotkeyActionLabels[failure.other]}; ${WHERE_TO_FIX}`;
    default:
      return assertNever(failure);
  }
}

/**
 * Register every hotkey (after dropping ours); returns the ones that failed. Each failure
 * is isolated: one taken shortcut does not stop the others.
 */
export function registerHotkeys(
  globalShortcut: GlobalShortcutLike,
  hotkeys: Settings['hotkeys'],
  actions: HotkeyActions,
): HotkeyProblem[] {
  globalShortcut.unregisterAll();
  const problems: HotkeyProblem[] = [];
  const claimed = new Map<string, HotkeyAction>();
  for (const action of HotkeyActionSchema.options) {
    const accelerator = hotkeys[action];
    if (!accelerator) continue;
    const fail = (failure: HotkeyFailure) =>
      problems.push({ action, accelerator, message: hotkeyProblemMessage(accelerator, failure) });
    const other = claimed.get(accelerator.toLowerCase());
    if (other) {
      fail({ kind: 'duplicate', other });
      continue;
    }
    try {
      if (globalShortcut.register(accelerator, () => actions[action]())) {
        claimed.set(accelerator.toLowerCase(), action);
      } else {
        fail({ kind: 'taken' });
      }
    } catch (error) {
      fail({ kind: 'invalid', detail: error instanceof Error ? error.message : String(error) });
    }
  }
  return problems;
}

/** The notices for a set of problems; one stable id per action so repeats replace. */
export function hotkeyNotices(problems: readonly HotkeyProblem[]): Notice[] {
  return problems.map((problem) => ({
    id: `hotkey:${problem.action}`,
    level: 'warning',
    message: problem.message,
  }));
}

export interface HotkeyManager {
  /** (Re-)register for these settings; a no-op when the shortcuts did not change. */
  apply(hotkeys: Settings['hotkeys']): HotkeyProblem[];
  /** Unregister everything (on quit). */
  dispose(): void;
}

export interface HotkeyManagerOptions {
  globalShortcut: GlobalShortcutLike;
  actions: HotkeyActions;
  /** Where problems go: the overlay state (replaced each time) and the notice events. */
  setProblems(problems: readonly HotkeyProblem[]): void;
  bus: EventBus;
}

export function createHotkeyManager(options: HotkeyManagerOptions): HotkeyManager {
  let applied: string | null = null;
  let problems: HotkeyProblem[] = [];
  return {
    apply(hotkeys) {
      const key = JSON.stringify(hotkeys);
      if (key === applied) return problems;
      applied = key;
      problems = registerHotkeys(options.globalShortcut, hotkeys, options.actions);
      options.setProblems(problems);
      for (const notice of hotkeyNotices(problems)) options.bus.emit('app:notice', notice);
      return problems;
    },
    dispose() {
      options.globalShortcut.unregisterAll();
      applied = null;
    },
  };
}
