/**
 * Turns a key press in a shortcut field into an accelerator, so the agent can press
 * Ctrl+Shift+K instead of typing it. Plain typing (no Ctrl, Alt or Meta) stays typing.
 */
import type { KeyPress } from './shortcut-map';

const codeKeys: Record<string, string> = {
  Space: 'Space',
  Enter: 'Enter',
  Tab: 'Tab',
  Backspace: 'Backspace',
  Delete: 'Delete',
  Insert: 'Insert',
  Home: 'Home',
  End: 'End',
  PageUp: 'PageUp',
  PageDown: 'PageDown',
  ArrowUp: 'Up',
  ArrowDown: 'Down',
  ArrowLeft: 'Left',
  ArrowRight: 'Right',
  Escape: 'Escape',
  Backslash: '\\',
  Slash: '/',
  Comma: ',',
  Period: '.',
  Semicolon: ';',
  Quote: "'",
  BracketLeft: '[',
  BracketRight: ']',
  Minus: '-',
  Equal: '=',
  Backquote: '`',
};

/** The accelerator `press` records, or null when it is typing or a lone modifier. */
export function acceleratorFromKey(
  press: Omit<KeyPress, 'inTextField'>,
  platform: string,
): string | null {
  if (!press.ctrlKey && !press.altKey && !press.metaKey) return null;
  const key = keyName(press.code);
  if (!key) return null;
  const mac = platform === 'darwin';
  const modifiers: string[] = [];
  // The primary modifier of the platform becomes CmdOrCtrl, so the setting travels.
  if (mac ? press.metaKey : press.ctrlKey) modifiers.push('CmdOrCtrl');
  if (mac && press.ctrlKey) modifiers.push('Control');
  if (!mac && press.metaKey) modifiers.push('Super');
  if (press.altKey) modifiers.push('Alt');
  if (press.shiftKey) modifiers.push('Shift');
  return [...modifiers, key].join('+');
}

function keyName(code: string): string | null {
  const letter = /^Key([A-Z])$/.exec(code);
  if (letter) return letter[1] ?? null;
  const digit = /^(?:Digit|Numpad)([0-9])$/.exec(code);
  if (digit) return code.startsWith('Numpad') ? `num${digit[1]}` : (digit[1] ?? null);
  if (/^F([1-9]|1\d|2[0-4])$/.test(code)) return code;
  return codeKeys[code] ?? null;
}
