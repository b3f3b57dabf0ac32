/**
 * Settings as the services saved them. The UI never edits a local copy: controls send a
 * patch with `updateSettings`, and show what comes back (the response, or the
 * `settings:changed` event another window caused).
 */
import type { InloopApi } from '../../../shared/api';
import type { Result } from '../../../shared/result';
import type { SecretName, SecretStatus } from '../../../shared/schemas/secrets';
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
  /** Which secrets the keychain holds (never their values); null until first asked. */
  secrets: SecretStatus | null;
  /**
   * Ask the keychain again, store a secret, or remove one. The caller shows a failure beside
   * its field; on success the new status is kept.
   */
  loadSecrets(): Promise<Result<SecretStatus>>;
  storeSecret(name: SecretName, value: string): Promise<Result<SecretStatus>>;
  removeSecret(name: SecretName): Promise<Result<SecretStatus>>;
}

export const createSettingsSlice =
  (api: InloopApi): SliceCreator<SettingsSlice> =>
  (set, get) => ({
    settings: null,
    secrets: null,
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
    loadSecrets: async () => keepSecrets(set, await api.secrets.status()),
    storeSecret: async (name, value) => keepSecrets(set, await api.secrets.set({ name, value })),
    removeSecret: async (name) => keepSecrets(set, await api.secrets.delete({ name })),
  });

/** Keep the status a secrets request answered with; hand the result back either way. */
function keepSecrets(
  set: (partial: Pick<SettingsSlice, 'secrets'>) => void,
  result: Result<SecretStatus>,
): Result<SecretStatus> {
  if (result.ok) set({ secrets: result.value });
  return result;
}
