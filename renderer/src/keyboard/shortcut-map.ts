/**
 * The renderer's own keyboard shortcuts (the global, OS-wide ones are settings.hotkeys).
 * A pure mapping from a key press to a command, and the list the shortcuts sheet shows;
 * both come from the same table, so the sheet cannot drift from what the keys do.
 */
import { panelIds, panelTitles, type PanelId, type RegionId } from '../panels/panel-ids';

export type ShortcutCommand =
  | { kind: 'focus-panel'; panel: PanelId }
  | { kind: 'open-settings' }
  | { kind: 'cycle-region'; direction: 1 | -1 }
  | { kind: 'show-shortcuts' }
  | { kind: 'switch-speaker' }
  // ── assist: one-key decisions ──
  /** 1..3 picks that intent candidate, 0 is "none of these". */
  | { kind: 'pick-intent'; choice: number }
  /** Confirm (y) or dismiss (n) the step the engine thinks is done. */
  | { kind: 'decide-step'; done: boolean }
  | { kind: 'copy-reply' }
  | { kind: 'move-suggestion'; direction: 1 | -1 }
  | { kind: 'thumb-reply'; thumb: 'up' | 'down' }
  | { kind: 'toggle-step' };

/** The parts of a KeyboardEvent the mapping reads. */
export interface KeyPress {
  key: string;
  code: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  /** Focus is in a text field, where plain keys are typing, not commands. */
  inTextField: boolean;
  /** Focus is on a button, link or check box, where Space and Enter are theirs. */
  onControl?: boolean;
  /** The region focus is in: the reply keys act only inside Replies. */
  region?: RegionId | null;
}

/** The command a key press means, or null when it is not one of ours. */
export function commandForKey(press: KeyPress): ShortcutCommand | null {
  const { altKey, ctrlKey, metaKey, shiftKey } = press;
  if (press.key === 'F6' && !altKey && !ctrlKey && !metaKey) {
    return { kind: 'cycle-region', direction: shiftKey ? -1 : 1 };
  }
  // `code`, not `key`: on macOS Option+1 types "¡" but is still Digit1.
  const digit = /^Digit([1-9])$/.exec(press.code);
  if (digit && altKey && !ctrlKey && !metaKey && !shiftKey) {
    const panel = panelIds[Number(digit[1]) - 1];
    return panel ? { kind: 'focus-panel', panel } : null;
  }
  if (press.code === 'KeyS' && altKey && !ctrlKey && !metaKey && !shiftKey) {
    return { kind: 'switch-speaker' };
  }
  if (press.code === 'Comma' && !shiftKey && altKey !== (ctrlKey || metaKey)) {
    return { kind: 'open-settings' };
  }
  if (press.key === '?' && !altKey && !ctrlKey && !metaKey && !press.inTextField) {
    return { kind: 'show-shortcuts' };
  }
  return assistCommandForKey(press);
}

// ── assist: suggestion keys (plain keys only outside text fields) ──
function assistCommandForKey(press: KeyPress): ShortcutCommand | null {
  const { altKey, ctrlKey, metaKey, shiftKey } = press;
  if (press.code === 'KeyC' && ctrlKey && shiftKey && !altKey && !metaKey)
    return { kind: 'copy-reply' };
  if (press.inTextField || altKey || ctrlKey || metaKey) return null;
  const candidate = /^(?:Digit|Numpad)([0-3])$/.exec(press.code);
  if (candidate && !shiftKey) return { kind: 'pick-intent', choice: Number(candidate[1]) };
  switch (press.key) {
    case 'y':
      return { kind: 'decide-step', done: true };
    case 'n':
      return { kind: 'decide-step', done: false };
    case ' ':
      return press.onControl ? null : { kind: 'toggle-step' };
    default:
      return press.region === 'replies' ? replyCommandForKey(press.key) : null;
  }
}

/** Keys that act on the highlighted reply: only while focus is in the Replies panel. */
function replyCommandForKey(key: string): ShortcutCommand | null {
  switch (key) {
    case 'c':
      return { kind: 'copy-reply' };
    case 'j':
    case 'ArrowDown':
      return { kind: 'move-suggestion', direction: 1 };
    case 'k':
    case 'ArrowUp':
      return { kind: 'move-suggestion', direction: -1 };
    case '+':
    case '=':
      return { kind: 'thumb-reply', thumb: 'up' };
    case '-':
      return { kind: 'thumb-reply', thumb: 'down' };
    default:
      return null;
  }
}

/** One row of the shortcuts sheet. */
export interface ShortcutHelp {
  keys: string[];
  description: string;
}

export const shortcutHelp: readonly ShortcutHelp[] = [
  ...panelIds.map((panel, index) => ({
    keys: ['Alt', String(index + 1)],
    description:
      panel === 'conversation'
        ? 'Type a turn (the Conversation box)'
        : `Go to ${panelTitles[panel]}`,
  })),
  { keys: ['Alt', 'S'], description: 'Switch who said the turn: Customer or Agent' },
  { keys: ['F6'], description: 'Next area (header, panels, notices)' },
  { keys: ['Shift', 'F6'], description: 'Previous area' },
  { keys: ['Ctrl', ','], description: 'Open settings (also Alt+,)' },
  { keys: ['Esc'], description: 'Close settings or this sheet' },
  { keys: ['?'], description: 'Show these shortcuts' },
  // ── assist ──
  { keys: ['1', '2', '3'], description: 'Pick the intent the customer means (when asked)' },
  { keys: ['0'], description: 'None of the offered intents' },
  { keys: ['Y'], description: 'Yes, the suggested step is done' },
  { keys: ['N'], description: 'No, the suggested step is not done' },
  { keys: ['Space'], description: 'Tick the next step of the checklist' },
  { keys: ['C'], description: 'In Replies: copy the highlighted reply (Ctrl+Shift+C anywhere)' },
  { keys: ['J'], description: 'In Replies: next reply (also ↓)' },
  { keys: ['K'], description: 'In Replies: previous reply (also ↑)' },
  { keys: ['+'], description: 'In Replies: the highlighted reply is good' },
  { keys: ['-'], description: 'In Replies: the highlighted reply is bad' },
];
