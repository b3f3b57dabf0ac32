import { describe, expect, it } from 'vitest';
import { defaultSettings, SettingsSchema } from '../../../../shared/schemas/settings';
import {
  applySettingsPatch,
  withDefaults,
} from '../../../../electron/services/settings/settings-merge';

describe('settings merge', () => {
  it('applies a patch field by field, leaving the rest of each section alone', () => {
    const next = applySettingsPatch(defaultSettings, {
      overlay: { opacity: 0.8 },
      hotkeys: { togglePause: 'Alt+P' },
    });
    expect(next.overlay).toEqual({ ...defaultSettings.overlay, opacity: 0.8 });
    expect(next.hotkeys).toEqual({ ...defaultSettings.hotkeys, togglePause: 'Alt+P' });
    expect(next.appearance).toEqual(defaultSettings.appearance);
  });

  it('fills sections and fields an older file lacks from the defaults', () => {
    const filled = withDefaults({ version: 1, appearance: { theme: 'dark' } });
    expect(SettingsSchema.parse(filled)).toEqual({
      ...defaultSettings,
      appearance: { ...defaultSettings.appearance, theme: 'dark' },
    });
  });

  it('drops keys the app does not know, including a hotkey action it no longer has', () => {
    const filled = withDefaults({
      version: 1,
      hotkeys: { toggleOverlay: 'Alt+O', retiredAction: 'Alt+R' },
      overlay: { gone: true },
      extra: 1,
    });
    const parsed = SettingsSchema.safeParse(filled);
    expect(parsed.success).toBe(true);
    expect(parsed.data?.hotkeys).toEqual({ ...defaultSettings.hotkeys, toggleOverlay: 'Alt+O' });
  });

  it('replaces a section that is not an object with its defaults', () => {
    const filled = withDefaults({ version: 1, privacy: 'yes please' });
    expect(filled.privacy).toEqual(defaultSettings.privacy);
  });
});
