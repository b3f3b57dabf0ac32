/** Global shortcut checks: the messages the agent sees, clash detection, recording and display. */
import { describe, expect, it } from 'vitest';
import {
  acceleratorProblem,
  clashingAction,
  displayAccelerator,
  normalizeAccelerator,
} from '../../renderer/src/keyboard/accelerator';
import { acceleratorFromKey } from '../../renderer/src/keyboard/accelerator-from-key';
import { AcceleratorSchema, defaultSettings } from '../../shared/schemas/settings';

describe('acceleratorProblem', () => {
  it.each([
    'CmdOrCtrl+Shift+K',
    'CmdOrCtrl+\\',
    'Alt+Space',
    'Control+Option+F12',
    'Super+num5',
    'F9',
    'Shift+F3',
    'CommandOrControl+Plus',
  ])('accepts %s, which the services accept too', (accelerator) => {
    expect(acceleratorProblem(accelerator)).toBeNull();
    expect(AcceleratorSchema.safeParse(accelerator).success).toBe(true);
  });

  it('accepts the default shortcuts', () => {
    for (const accelerator of Object.values(defaultSettings.hotkeys))
      expect(acceleratorProblem(accelerator)).toBeNull();
  });

  it.each([
    ['', 'Enter a shortcut, e.g. CmdOrCtrl+Shift+K.'],
    ['Ctrl + K', 'Join keys with + and no spaces, e.g. CmdOrCtrl+Shift+K.'],
    ['Ctrl+', 'Join keys with a single +, e.g. CmdOrCtrl+Shift+K.'],
    ['Ctrl++K', 'Join keys with a single +, e.g. CmdOrCtrl+Shift+K.'],
    ['Hyper+K', '"Hyper" is not a modifier. Use CmdOrCtrl, Alt, Shift or Super.'],
    ['Ctrl+A+B', 'Use one key, after the modifiers, e.g. CmdOrCtrl+Shift+K.'],
    ['Ctrl+Shift', 'End with a key, not a modifier, e.g. CmdOrCtrl+Shift+K.'],
    ['Ctrl+Banana', '"Banana" is not a key Inloop knows, e.g. CmdOrCtrl+Shift+K.'],
    ['Ctrl+Control+K', 'A modifier appears twice.'],
    ['K', 'Add CmdOrCtrl, Alt or Super, or the shortcut would fire while you type.'],
    ['Shift+K', 'Add CmdOrCtrl, Alt or Super, or the shortcut would fire while you type.'],
  ])('explains what is wrong with %j', (accelerator, message) => {
    expect(acceleratorProblem(accelerator)).toBe(message);
  });
});

describe('clashes', () => {
  it('compares shortcuts whatever their case, aliases and modifier order', () => {
    expect(normalizeAccelerator('shift+ctrl+k')).toBe(normalizeAccelerator('Control+Shift+K'));
    expect(normalizeAccelerator('Alt+Esc')).toBe(normalizeAccelerator('Option+Escape'));
  });

  it('names the other action that already uses a shortcut, never the action itself', () => {
    const hotkeys = defaultSettings.hotkeys;
    expect(clashingAction('toggleOverlay', 'shift+cmdorctrl+p', hotkeys)).toBe('togglePause');
    expect(clashingAction('togglePause', 'CmdOrCtrl+Shift+P', hotkeys)).toBeUndefined();
    expect(clashingAction('toggleOverlay', 'Alt+I', hotkeys)).toBeUndefined();
  });
});

describe('acceleratorFromKey', () => {
  const key = (
    code: string,
    mods: Partial<Record<'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey', boolean>>,
  ) => ({
    key: '',
    code,
    altKey: false,
    ctrlKey: false,
    metaKey: false,
    shiftKey: false,
    ...mods,
  });

  it('records Ctrl (Cmd on a Mac) as CmdOrCtrl so the setting travels between machines', () => {
    expect(acceleratorFromKey(key('KeyK', { ctrlKey: true, shiftKey: true }), 'linux')).toBe(
      'CmdOrCtrl+Shift+K',
    );
    expect(acceleratorFromKey(key('KeyK', { metaKey: true, altKey: true }), 'darwin')).toBe(
      'CmdOrCtrl+Alt+K',
    );
    expect(acceleratorFromKey(key('Backslash', { ctrlKey: true }), 'win32')).toBe('CmdOrCtrl+\\');
    expect(acceleratorFromKey(key('F7', { altKey: true }), 'linux')).toBe('Alt+F7');
  });

  it('leaves plain typing and lone modifiers alone', () => {
    expect(acceleratorFromKey(key('KeyK', { shiftKey: true }), 'linux')).toBeNull();
    expect(acceleratorFromKey(key('ControlLeft', { ctrlKey: true }), 'linux')).toBeNull();
  });

  it('records only shortcuts the checker accepts', () => {
    const recorded = acceleratorFromKey(key('ArrowUp', { ctrlKey: true, altKey: true }), 'linux');
    expect(recorded).toBe('CmdOrCtrl+Alt+Up');
    expect(acceleratorProblem(recorded!)).toBeNull();
  });
});

describe('displayAccelerator', () => {
  it('shows the platform names of modifiers', () => {
    expect(displayAccelerator('CmdOrCtrl+Shift+\\', 'linux')).toBe('Ctrl+Shift+\\');
    expect(displayAccelerator('CmdOrCtrl+Alt+K', 'darwin')).toBe('⌘+⌥+K');
  });
});
