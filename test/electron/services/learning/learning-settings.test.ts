/** The `learning` settings section: older files load with its defaults, a patch changes one field. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EventBus } from '../../../../electron/services/core/event-bus';
import { silentLogger } from '../../../../electron/services/core/log';
import {
  SETTINGS_FILE,
  SettingsService,
} from '../../../../electron/services/settings/settings-service';
import { SettingsPatchSchema, SettingsSchema } from '../../../../shared/schemas/settings';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'inloop-learning-settings-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('settings.learning', () => {
  it('loads a settings file written before the section existed with learning on, export off, k 3', async () => {
    await writeFile(
      join(dir, SETTINGS_FILE),
      JSON.stringify({ version: 1, privacy: { recordFeedback: false, allowedEndpointHosts: [] } }),
    );
    const settings = await SettingsService.open(dir, new EventBus(), silentLogger);
    expect(settings.get().learning).toEqual({
      enabled: true,
      allowExport: false,
      exportFolder: '',
      k: 3,
    });
    expect(settings.get().privacy.recordFeedback).toBe(false);
  });

  it('changes only the field a patch names, and refuses a k below 2', async () => {
    const settings = await SettingsService.open(dir, new EventBus(), silentLogger);
    await settings.update({ learning: { enabled: false } });
    const next = await settings.update({ learning: { k: 5 } });
    expect(next.learning).toEqual({ enabled: false, allowExport: false, exportFolder: '', k: 5 });
    expect(SettingsPatchSchema.safeParse({ learning: { k: 1 } }).success).toBe(false);
    expect(SettingsSchema.shape.learning.parse(undefined)).toEqual({
      enabled: true,
      allowExport: false,
      exportFolder: '',
      k: 3,
    });
  });
});
