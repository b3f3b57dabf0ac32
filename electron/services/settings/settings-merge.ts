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

/**
 * Fill sections and fields a file lacks from the defaults, so a file written by an older
 * build that knew fewer options still loads. Keys the defaults do not have are dropped here,
 * not left to the schema: `hotkeys` is a record over the known actions, which rejects an
 * unknown key (an action a newer or older build had) and would discard the whole file.
 */
export function withDefaults(raw: Record<string, unknown>): Record<string, unknown> {
  const section = (key: keyof Settings) => {
    const value = raw[key];
    const base = defaultSettings[key];
    if (typeof value !== 'object' || value === null || typeof base !== 'object') return base;
    const known = Object.entries(value).filter(([field]) => Object.hasOwn(base, field));
    return { ...base, ...Object.fromEntries(known) };
  };
  return {
    version: raw.version,
    ...Object.fromEntries(sectionKeys.map((key) => [key, section(key)])),
  };
}
