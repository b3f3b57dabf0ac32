import {
  defaultSettings,
  type Settings,
  type SettingsPatch,
} from '../../../shared/schemas/settings';

/** Every section of the settings (all but `version`). */
const sectionKeys = (Object.keys(defaultSettings) as (keyof Settings)[]).filter(
  (key): key is Exclude<keyof Settings, 'version'> => key !== 'version',
);

/** Apply a partial update section by section; untouched fields keep their values. */
export function applySettingsPatch(settings: Settings, patch: SettingsPatch): Settings {
  const next: Record<string, unknown> = { ...settings };
  for (const key of sectionKeys) next[key] = { ...settings[key], ...patch[key] };
  return next as Settings;
}
