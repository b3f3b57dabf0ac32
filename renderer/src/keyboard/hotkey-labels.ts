/** The agent-facing names of the global shortcuts in settings.hotkeys. */
import type { HotkeyAction } from '../../../shared/schemas/settings';

export const hotkeyLabels: Record<HotkeyAction, string> = {
  toggleOverlay: 'Show or hide Inloop',
  toggleClickThrough: 'Turn click-through on or off',
  togglePause: 'Pause or resume capture',
};

/** In the order the settings list them. */
export const hotkeyActions: readonly HotkeyAction[] = [
  'toggleOverlay',
  'toggleClickThrough',
  'togglePause',
];
