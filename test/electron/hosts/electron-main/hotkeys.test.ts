import { describe, expect, it } from 'vitest';
import { EventBus } from '../../../../electron/services/core/event-bus';
import {
  createHotkeyManager,
  registerHotkeys,
} from '../../../../electron/hosts/electron-main/hotkeys';
import type { Notice } from '../../../../shared/schemas/app';
import type { HotkeyProblem } from '../../../../shared/schemas/overlay';
import { defaultSettings, type HotkeyAction } from '../../../../shared/schemas/settings';
import { FakeGlobalShortcut } from '../../../electron-mock';

function recordingActions() {
  const pressed: HotkeyAction[] = [];
  const actions = {
    toggleOverlay: () => pressed.push('toggleOverlay'),
    toggleClickThrough: () => pressed.push('toggleClickThrough'),
    togglePause: () => pressed.push('togglePause'),
  };
  return { pressed, actions };
}

function managerSetup() {
  const globalShortcut = new FakeGlobalShortcut();
  const bus = new EventBus();
  const notices: Notice[] = [];
  bus.subscribe((event, payload) => {
    if (event === 'app:notice') notices.push(payload as Notice);
  });
  const problemsShown: (readonly HotkeyProblem[])[] = [];
  const { pressed, actions } = recordingActions();
  const manager = createHotkeyManager({
    globalShortcut,
    actions,
    bus,
    setProblems: (problems) => problemsShown.push(problems),
  });
  return { globalShortcut, notices, problemsShown, pressed, manager };
}

describe('global shortcuts', () => {
  it('registers the default shortcuts, and each one runs its action', () => {
    const globalShortcut = new FakeGlobalShortcut();
    const { pressed, actions } = recordingActions();
    expect(registerHotkeys(globalShortcut, defaultSettings.hotkeys, actions)).toEqual([]);

    globalShortcut.press('CmdOrCtrl+\\');
    globalShortcut.press('CmdOrCtrl+Shift+\\');
    globalShortcut.press('CmdOrCtrl+Shift+P');
    expect(pressed).toEqual(['toggleOverlay', 'toggleClickThrough', 'togglePause']);
  });

  it('explains a shortcut another app holds, and still registers the others', () => {
    const globalShortcut = new FakeGlobalShortcut();
    globalShortcut.taken.add('CmdOrCtrl+\\');
    const problems = registerHotkeys(
      globalShortcut,
      defaultSettings.hotkeys,
      recordingActions().actions,
    );

    expect(problems).toEqual([
      {
        action: 'toggleOverlay',
        accelerator: 'CmdOrCtrl+\\',
        message:
          'CmdOrCtrl+\\ is already used by another application; choose another shortcut in Settings → Shortcuts',
      },
    ]);
    expect([...globalShortcut.registered.keys()]).toEqual([
      'CmdOrCtrl+Shift+\\',
      'CmdOrCtrl+Shift+P',
    ]);
  });

  it('turns a shortcut the OS rejects into a problem instead of a crash', () => {
    const globalShortcut = new FakeGlobalShortcut();
    globalShortcut.invalid.add('CmdOrCtrl+Shift+P');
    const problems = registerHotkeys(
      globalShortcut,
      defaultSettings.hotkeys,
      recordingActions().actions,
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toMatch(
      /^CmdOrCtrl\+Shift\+P is not a shortcut this system accepts .*; choose another shortcut in Settings → Shortcuts$/,
    );
    expect(globalShortcut.registered.size).toBe(2);
  });

  it('reports the same shortcut set for two actions', () => {
    const globalShortcut = new FakeGlobalShortcut();
    const hotkeys = { ...defaultSettings.hotkeys, togglePause: 'CmdOrCtrl+\\' };
    const problems = registerHotkeys(globalShortcut, hotkeys, recordingActions().actions);
    expect(problems).toEqual([
      {
        action: 'togglePause',
        accelerator: 'CmdOrCtrl+\\',
        message:
          'CmdOrCtrl+\\ is already the shortcut for Show/hide overlay; choose another shortcut in Settings → Shortcuts',
      },
    ]);
  });

  it('shows problems in the overlay state and as a notice', () => {
    const { globalShortcut, manager, notices, problemsShown } = managerSetup();
    globalShortcut.taken.add('CmdOrCtrl+\\');
    manager.apply(defaultSettings.hotkeys);

    expect(problemsShown.at(-1)?.map((p) => p.action)).toEqual(['toggleOverlay']);
    expect(notices).toEqual([
      {
        id: 'hotkey:toggleOverlay',
        level: 'warning',
        message:
          'CmdOrCtrl+\\ is already used by another application; choose another shortcut in Settings → Shortcuts',
      },
    ]);
  });

  it('re-registers when the agent picks another shortcut, clearing the problem', () => {
    const { globalShortcut, manager, problemsShown, pressed } = managerSetup();
    globalShortcut.taken.add('CmdOrCtrl+\\');
    manager.apply(defaultSettings.hotkeys);

    manager.apply({ ...defaultSettings.hotkeys, toggleOverlay: 'CmdOrCtrl+Alt+O' });
    expect(problemsShown.at(-1)).toEqual([]);
    globalShortcut.press('CmdOrCtrl+Alt+O');
    expect(pressed).toEqual(['toggleOverlay']);
  });

  it('does not re-register when settings change without touching shortcuts', () => {
    const { globalShortcut, manager } = managerSetup();
    manager.apply(defaultSettings.hotkeys);
    const before = globalShortcut.unregisterAllCalls;
    manager.apply({ ...defaultSettings.hotkeys });
    expect(globalShortcut.unregisterAllCalls).toBe(before);
  });

  it('releases every shortcut on quit', () => {
    const { globalShortcut, manager } = managerSetup();
    manager.apply(defaultSettings.hotkeys);
    manager.dispose();
    expect(globalShortcut.registered.size).toBe(0);
  });
});
