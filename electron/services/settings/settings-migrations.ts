/**
 * Settings files carry a `version`. Each migration lifts a file one version up; they run in
 * order until the file is current. Pure: no I/O, so every step is unit-tested.
 */
import { SETTINGS_VERSION } from '../../../shared/schemas/settings';

export type RawSettings = Record<string, unknown> & { version?: unknown };

export interface SettingsMigration {
  /** The version this migration reads; it returns a file of version `from + 1`. */
  readonly from: number;
  migrate(raw: RawSettings): RawSettings;
}

/**
 * Version 0 is a file written before settings were versioned: the same sections, no
 * `version` field. Later versions append their step here.
 */
export const settingsMigrations: readonly SettingsMigration[] = [
  { from: 0, migrate: (raw) => ({ ...raw, version: 1 }) },
];

export class SettingsVersionError extends Error {}

/** Lift `raw` to `target` with `migrations`; throws for a file newer than this app. */
export function migrateSettings(
  raw: RawSettings,
  migrations: readonly SettingsMigration[] = settingsMigrations,
  target: number = SETTINGS_VERSION,
): RawSettings {
  let current = raw;
  let version = typeof raw.version === 'number' ? raw.version : 0;
  if (!Number.isInteger(version) || version < 0) {
    throw new SettingsVersionError(`settings version ${String(raw.version)} is not a version`);
  }
  if (version > target) {
    throw new SettingsVersionError(
      `settings version ${version} was written by a newer Inloop (this one reads up to ${target})`,
    );
  }
  while (version < target) {
    const step = migrations.find((m) => m.from === version);
    if (!step) throw new SettingsVersionError(`no migration from settings version ${version}`);
    current = step.migrate(current);
    version += 1;
  }
  return current;
}
