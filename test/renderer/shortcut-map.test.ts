/** In-app shortcuts: which key press means which command, and the F6 cycle. */
import { describe, expect, it } from 'vitest';
import { nextRegion } from '../../renderer/src/keyboard/region-cycle';
import {
  commandForKey,
  shortcutHelp,
  type KeyPress,
} from '../../renderer/src/keyboard/shortcut-map';
import { regionIds } from '../../renderer/src/panels/panel-ids';

const press = (over: Partial<KeyPress>): KeyPress => ({
  key: '',
  code: '',
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  inTextField: false,
  ...over,
});

describe('commandForKey', () => {
  it('maps Alt+1..Alt+5 to the five panels by physical key (Option+1 on a Mac types ¡)', () => {
    const panels = [1, 2, 3, 4, 5].map((n) =>
      commandForKey(press({ key: '¡', code: `Digit${n}`, altKey: true })),
    );
    // Decisions first: the replies and next actions come right after the conversation.
    expect(panels).toEqual([
      { kind: 'focus-panel', panel: 'conversation' },
      { kind: 'focus-panel', panel: 'replies' },
      { kind: 'focus-panel', panel: 'actions' },
      { kind: 'focus-panel', panel: 'knowledge' },
      { kind: 'focus-panel', panel: 'summary' },
    ]);
  });

  it('leaves Alt+6, Ctrl+1 and Alt+Shift+1 alone', () => {
    expect(commandForKey(press({ code: 'Digit6', altKey: true }))).toBeNull();
    expect(commandForKey(press({ code: 'Digit1', ctrlKey: true }))).toBeNull();
    expect(commandForKey(press({ code: 'Digit1', altKey: true, shiftKey: true }))).toBeNull();
  });

  it('opens settings with Ctrl+, Cmd+, or Alt+, but not Ctrl+Alt+,', () => {
    const open = { kind: 'open-settings' };
    expect(commandForKey(press({ code: 'Comma', ctrlKey: true }))).toEqual(open);
    expect(commandForKey(press({ code: 'Comma', metaKey: true }))).toEqual(open);
    expect(commandForKey(press({ code: 'Comma', altKey: true }))).toEqual(open);
    expect(commandForKey(press({ code: 'Comma', altKey: true, ctrlKey: true }))).toBeNull();
    expect(commandForKey(press({ code: 'Comma', key: ',' }))).toBeNull();
  });

  it('cycles forward with F6 and back with Shift+F6, even from a text field', () => {
    expect(commandForKey(press({ key: 'F6', inTextField: true }))).toEqual({
      kind: 'cycle-region',
      direction: 1,
    });
    expect(commandForKey(press({ key: 'F6', shiftKey: true }))).toEqual({
      kind: 'cycle-region',
      direction: -1,
    });
  });

  it('shows the shortcuts on ?, except while typing in a field', () => {
    expect(commandForKey(press({ key: '?', shiftKey: true }))).toEqual({ kind: 'show-shortcuts' });
    expect(commandForKey(press({ key: '?', shiftKey: true, inTextField: true }))).toBeNull();
  });

  it('documents every panel shortcut in the sheet', () => {
    expect(
      shortcutHelp.filter((row) => row.keys[0] === 'Alt' && /^\d$/.test(row.keys[1] ?? '')),
    ).toHaveLength(5);
  });
});

describe('nextRegion', () => {
  it('goes header, the five panels, notices, and wraps around both ways', () => {
    expect(regionIds).toEqual([
      'header',
      'conversation',
      'replies',
      'actions',
      'knowledge',
      'summary',
      'notices',
    ]);
    expect(nextRegion(regionIds, 'header', 1)).toBe('conversation');
    expect(nextRegion(regionIds, 'notices', 1)).toBe('header');
    expect(nextRegion(regionIds, 'header', -1)).toBe('notices');
    expect(nextRegion(regionIds, 'summary', -1)).toBe('knowledge');
  });

  it('starts at the first region (F6) or the last (Shift+F6) from outside them all', () => {
    expect(nextRegion(regionIds, null, 1)).toBe('header');
    expect(nextRegion(regionIds, null, -1)).toBe('notices');
    expect(nextRegion([], null, 1)).toBeUndefined();
  });
});
