import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../../shared/schemas/settings';
import { applySettingsPatch } from '../../../../electron/services/settings/settings-merge';

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
});
