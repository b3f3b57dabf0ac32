/** Listens for the in-app shortcuts (keyboard/shortcut-map.ts) and carries them out. */
import { useEffect } from 'react';
import { assertNever } from '../../../shared/result';
import { focusRegion, regionOf } from '../keyboard/focus-region';
import { nextRegion } from '../keyboard/region-cycle';
import { commandForKey, type ShortcutCommand } from '../keyboard/shortcut-map';
import { focusComposer, runAssistShortcut } from '../panels/assist-shortcuts';
import { regionIds } from '../panels/panel-ids';
import type { InloopState } from '../state/store';
import { useInloopStore } from '../state/use-inloop';

export function useAppShortcuts(): void {
  const store = useInloopStore();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const state = store.getState();
      // A sheet is modal: its own keys (Tab, Escape) apply, ours wait.
      if (state.settingsOpen || state.shortcutsOpen) return;
      const command = commandForKey({
        key: event.key,
        code: event.code,
        altKey: event.altKey,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        shiftKey: event.shiftKey,
        inTextField: isTextField(event.target),
        onControl: isControl(event.target),
        region: regionOf(document.activeElement),
      });
      if (!command) return;
      event.preventDefault();
      run(command, state);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store]);
}

function run(command: ShortcutCommand, state: InloopState): void {
  switch (command.kind) {
    case 'focus-panel':
      state.expandPanel(command.panel);
      state.setActivePanel(command.panel);
      // Alt+1 lands where the agent types; the other panels take the focus themselves.
      if (command.panel !== 'conversation' || !focusComposer()) focusRegion(command.panel);
      return;
    case 'switch-speaker':
      state.expandPanel('conversation');
      state.switchSpeaker();
      focusComposer();
      return;
    case 'cycle-region': {
      const next = nextRegion(regionIds, regionOf(document.activeElement), command.direction);
      if (next) focusRegion(next);
      return;
    }
    case 'open-settings':
      state.openSettings();
      return;
    case 'show-shortcuts':
      state.setShortcutsOpen(true);
      return;
    // ── assist ──
    case 'copy-reply':
    case 'move-suggestion':
    case 'thumb-reply':
    case 'toggle-step':
    case 'pick-intent':
    case 'decide-step':
      runAssistShortcut(command, state);
      return;
    default:
      assertNever(command);
  }
}

/**
 * Focus is on something whose own keys Space and Enter are: a button, link or field, or a
 * focusable item such as a card or the transcript (Space scrolls it; it never ticks a step).
 */
function isControl(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.tabIndex >= 0 || target.closest('button, a, input, select, summary') !== null)
  );
}

function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true;
  if (target instanceof HTMLSelectElement) return true;
  return (
    target instanceof HTMLInputElement &&
    !['checkbox', 'radio', 'range', 'button', 'submit', 'reset', 'color', 'file'].includes(
      target.type,
    )
  );
}
