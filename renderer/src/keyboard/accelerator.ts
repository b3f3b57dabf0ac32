/**
 * Checks a global shortcut (an Electron accelerator such as `CmdOrCtrl+Shift+K`) as the
 * agent types it, with a message that says what to fix. The services check the shape again
 * (AcceleratorSchema) and the OS reports clashes (overlay state `hotkeyProblems`).
 */
import type { HotkeyAction } from '../../../shared/schemas/settings';

const modifierNames: Record<string, string> = {
  command: 'Command',
  cmd: 'Command',
  control: 'Control',
  ctrl: 'Control',
  commandorcontrol: 'CmdOrCtrl',
  cmdorctrl: 'CmdOrCtrl',
  alt: 'Alt',
  option: 'Alt',
  altgr: 'AltGr',
  shift: 'Shift',
  super: 'Super',
  meta: 'Super',
};

const namedKeys = new Set([
  'plus',
  'space',
  'tab',
  'capslock',
  'numlock',
  'scrolllock',
  'backspace',
  'delete',
  'insert',
  'return',
  'enter',
  'up',
  'down',
  'left',
  'right',
  'home',
  'end',
  'pageup',
  'pagedown',
  'escape',
  'esc',
  'volumeup',
  'volumedown',
  'volumemute',
  'medianexttrack',
  'mediaprevioustrack',
  'mediastop',
  'mediaplaypause',
  'printscreen',
  'numdec',
  'numadd',
  'numsub',
  'nummult',
  'numdiv',
]);

const isFunctionKey = (key: string) => /^f([1-9]|1\d|2[0-4])$/i.test(key);
const isKey = (part: string) =>
  (part.length === 1 && part !== ' ') ||
  isFunctionKey(part) ||
  /^num[0-9]$/i.test(part) ||
  namedKeys.has(part.toLowerCase());

const EXAMPLE = 'e.g. CmdOrCtrl+Shift+K';

/** What is wrong with `accelerator` as a global shortcut, or null when it is usable. */
export function acceleratorProblem(accelerator: string): string | null {
  const text = accelerator.trim();
  if (text === '') return `Enter a shortcut, ${EXAMPLE}.`;
  if (/\s/.test(text)) return `Join keys with + and no spaces, ${EXAMPLE}.`;
  const parts = text.split('+');
  if (parts.some((part) => part === '')) return `Join keys with a single +, ${EXAMPLE}.`;
  const key = parts[parts.length - 1] ?? '';
  const modifiers = parts.slice(0, -1);
  for (const part of modifiers) {
    if (modifierNames[part.toLowerCase()]) continue;
    return isKey(part)
      ? `Use one key, after the modifiers, ${EXAMPLE}.`
      : `"${part}" is not a modifier. Use CmdOrCtrl, Alt, Shift or Super.`;
  }
  if (modifierNames[key.toLowerCase()]) return `End with a key, not a modifier, ${EXAMPLE}.`;
  if (!isKey(key)) return `"${key}" is not a key Inloop knows, ${EXAMPLE}.`;
  const names = modifiers.map((part) => modifierNames[part.toLowerCase()]);
  if (new Set(names).size !== names.length) return 'A modifier appears twice.';
  const strong = names.some((name) => name !== 'Shift');
  if (!strong && !isFunctionKey(key)) {
    return 'Add CmdOrCtrl, Alt or Super, or the shortcut would fire while you type.';
  }
  return null;
}

/** Case and alias-insensitive form, so `ctrl+shift+k` and `Shift+Control+K` compare equal. */
export function normalizeAccelerator(accelerator: string): string {
  const parts = accelerator.trim().split('+');
  const key = (parts.pop() ?? '')
    .toLowerCase()
    .replace(/^esc$/, 'escape')
    .replace(/^return$/, 'enter');
  const modifiers = parts.map((part) => modifierNames[part.toLowerCase()] ?? part).sort();
  return [...modifiers, key].join('+');
}

/** The other action already bound to `accelerator`, if any. */
export function clashingAction(
  action: HotkeyAction,
  accelerator: string,
  hotkeys: Partial<Record<HotkeyAction, string>>,
): HotkeyAction | undefined {
  const wanted = normalizeAccelerator(accelerator);
  return (Object.keys(hotkeys) as HotkeyAction[]).find(
    (other) => other !== action && normalizeAccelerator(hotkeys[other] ?? '') === wanted,
  );
}

/** How to show an accelerator to the agent on `platform` (`CmdOrCtrl` → Ctrl or ⌘). */
export function displayAccelerator(accelerator: string, platform: string): string {
  const mac = platform === 'darwin';
  return accelerator
    .split('+')
    .map((part) => {
      const name = modifierNames[part.toLowerCase()];
      if (name === 'CmdOrCtrl') return mac ? '⌘' : 'Ctrl';
      if (name === 'Command') return '⌘';
      if (name === 'Control') return 'Ctrl';
      if (name === 'Alt') return mac ? '⌥' : 'Alt';
      return part;
    })
    .join('+');
}
