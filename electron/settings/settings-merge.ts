import { defaultSettings, type Settings, type SettingsPatch } from '../../shared/schemas/settings';

/** Apply a partial update section by section; untouched fields keep their values. */
export function applySettingsPatch(settings: Settings, patch: SettingsPatch): Settings {
  return {
    ...settings,
    appearance: { ...settings.appearance, ...patch.appearance },
    overlay: { ...settings.overlay, ...patch.overlay },
    hotkeys: { ...settings.hotkeys, ...patch.hotkeys },
    privacy: { ...settings.privacy, ...patch.privacy },
  };
}

/**
 * Fill sections and fields a file lacks from the defaults, so a file written by an older
 * build that knew fewer options still loads. Unknown keys are dropped by the schema.
 */
export function withDefaults(raw: Record<string, unknown>): Record<string, unknown> {
  const section = (key: keyof Settings) => {
    const value = raw[key];
    const base = defaultSettings[key];
    return typeof value === 'object' && value !== null && typeof base === 'object'
      ? { ...base, ...(value as object) }
      : base;
  };
  return {
    version: raw.version,
    appearance: section('appearance'),
    overlay: section('overlay'),
    hotkeys: section('hotkeys'),
    privacy: section('privacy'),
  };
}
