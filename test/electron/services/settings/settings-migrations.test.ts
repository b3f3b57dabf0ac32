import { describe, expect, it } from 'vitest';
import { SETTINGS_VERSION } from '../../../../shared/schemas/settings';
import {
  migrateSettings,
  settingsMigrations,
  SettingsVersionError,
  type SettingsMigration,
} from '../../../../electron/services/settings/settings-migrations';

describe('settings migrations', () => {
  it('lifts a v0 file (no version field) to the current version, keeping its values', () => {
    const migrated = migrateSettings({ appearance: { theme: 'dark' } });
    expect(migrated).toEqual({ appearance: { theme: 'dark' }, version: SETTINGS_VERSION });
  });

  it('leaves a current file as it is', () => {
    const raw = { version: SETTINGS_VERSION, privacy: { recordFeedback: false } };
    expect(migrateSettings(raw)).toEqual(raw);
  });

  it('has a step from every version below the current one', () => {
    for (let from = 0; from < SETTINGS_VERSION; from += 1) {
      expect(settingsMigrations.some((m) => m.from === from)).toBe(true);
    }
  });

  it('runs the steps in order up to the target', () => {
    const chain: SettingsMigration[] = [
      { from: 1, migrate: (raw) => ({ ...raw, version: 2, steps: ['1->2'] }) },
      { from: 0, migrate: (raw) => ({ ...raw, version: 1 }) },
      {
        from: 2,
        migrate: (raw) => ({ ...raw, version: 3, steps: [...(raw.steps as string[]), '2->3'] }),
      },
    ];
    expect(migrateSettings({}, chain, 3)).toEqual({ version: 3, steps: ['1->2', '2->3'] });
  });

  it('refuses a file written by a newer Inloop, naming both versions', () => {
    expect(() => migrateSettings({ version: SETTINGS_VERSION + 1 })).toThrow(SettingsVersionError);
    expect(() => migrateSettings({ version: SETTINGS_VERSION + 1 })).toThrow(
      new RegExp(`version ${SETTINGS_VERSION + 1} was written by a newer Inloop`),
    );
  });

  it('errors when the chain lacks a step, naming the version it is stuck at', () => {
    const gap: SettingsMigration[] = [{ from: 0, migrate: (raw) => ({ ...raw, version: 1 }) }];
    expect(() => migrateSettings({ version: 0 }, gap, 3)).toThrow(
      /no migration from settings version 1/,
    );
  });

  it.each([-1, 1.5])('refuses version %s, which is not a version', (version) => {
    expect(() => migrateSettings({ version })).toThrow(/is not a version/);
  });
});
