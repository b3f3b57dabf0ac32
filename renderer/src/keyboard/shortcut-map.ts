/**
 * The renderer's own keyboard shortcuts (the global, OS-wide ones are settings.hotkeys).
 * A pure mapping from a key press to a command, and the list the shortcuts sheet shows;
 * both come from the same table, so the sheet cannot drift from what the keys do.
 */
import { panelIds, panelTitles, type PanelId } from '../panels/panel-ids';

export type ShortcutCommand =
  | { kind: 'focus-panel'; panel: PanelId }
  | { kind: 'open-settings' }
  | { kind: 'cycle-region'; direction: 1 | -1 }
  | { kind: 'show-shortcuts' }
  // ── assist: suggestions ──
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
  switch (press.key) {
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
    case ' ':
      return press.onControl ? null : { kind: 'toggle-step' };
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
    description: `Go to ${panelTitles[panel]}`,
  })),
  { keys: ['F6'], description: 'Next area (header, panels, notices)' },
  { keys: ['Shift', 'F6'], description: 'Previous area' },
  { keys: ['Ctrl', ','], description: 'Open settings (also Alt+,)' },
  { keys: ['Esc'], description: 'Close settings or this sheet' },
  { keys: ['?'], description: 'Show these shortcuts' },
  // ── assist ──
  { keys: ['C'], description: 'Copy the selected reply (also Ctrl+Shift+C)' },
  { keys: ['J'], description: 'Next reply suggestion (also ↓)' },
  { keys: ['K'], description: 'Previous reply suggestion (also ↑)' },
  { keys: ['+'], description: 'Thumbs up for the selected reply' },
  { keys: ['-'], description: 'Thumbs down for the selected reply' },
  { keys: ['Space'], description: 'Tick the next step of the checklist' },
];
