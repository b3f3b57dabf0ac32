/**
 * Settings as the services saved them. The UI never edits a local copy: controls send a
 * patch with `updateSettings`, and show what comes back (the response, or the
 * `settings:changed` event another window caused).
 */
import type { InloopApi } from '../../../shared/api';
import type { Result } from '../../../shared/result';
import type { Settings, SettingsPatch } from '../../../shared/schemas/settings';
import type { SliceCreator } from './store';

export interface SettingsSlice {
  /** Null until the first load answers. */
  settings: Settings | null;
  applySettings(settings: Settings): void;
  /**
   * Save a patch. A failure is reported as a notice unless `quiet` (a form that shows
   * the message next to its field); either way the result is returned.
   */
  updateSettings(patch: SettingsPatch, options?: { quiet?: boolean }): Promise<Result<Settings>>;
  resetSettings(): Promise<Result<Settings>>;
}

export const createSettingsSlice =
  (api: InloopApi): SliceCreator<SettingsSlice> =>
  (set, get) => ({
    settings: null,
    applySettings: (settings) => set({ settings }),
    async updateSettings(patch, options) {
      const result = await api.settings.update(patch);
      if (result.ok) get().applySettings(result.value);
      else if (!options?.quiet) get().reportError('save settings', result.error);
      return result;
    },
    async resetSettings() {
      const result = await api.settings.reset();
      if (result.ok) get().applySettings(result.value);
      else get().reportError('reset settings', result.error);
      return result;
    },
  });
