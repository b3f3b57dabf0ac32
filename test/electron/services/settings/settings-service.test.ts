import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventChannel } from '../../../../shared/contract';
import { AppError } from '../../../../shared/result';
import { defaultSettings, SETTINGS_VERSION } from '../../../../shared/schemas/settings';
import { EventBus } from '../../../../electron/services/core/event-bus';
import type { Logger } from '../../../../electron/services/core/log';
import {
  loadSettingsFile,
  SETTINGS_FILE,
  SettingsService,
} from '../../../../electron/services/settings/settings-service';
import { USER_SET_FILE } from '../../../../electron/services/settings/settings-user-set';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'inloop-settings-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A logger that keeps its warnings for the test to read. */
function recordingLogger(): Logger & { warnings: string[] } {
  const warnings: string[] = [];
  return { warnings, info() {}, warn: (m) => warnings.push(m), error() {} };
}

const settingsPath = () => join(dir, SETTINGS_FILE);
const writeSettingsFile = (content: unknown) =>
  writeFile(settingsPath(), typeof content === 'string' ? content : JSON.stringify(content));
const readSettingsFile = async () => JSON.parse(await readFile(settingsPath(), 'utf8')) as unknown;
const filesAside = async () => (await readdir(dir)).filter((f) => f.includes('.corrupt-'));

async function open(log: Logger = recordingLogger(), bus = new EventBus()) {
  return SettingsService.open(dir, bus, log);
}

describe('loading settings', () => {
  it('starts with the defaults and no warning when there is no file', async () => {
    const log = recordingLogger();
    const service = await open(log);
    expect(service.get()).toEqual(defaultSettings);
    expect(service.startupWarning).toBeUndefined();
    expect(log.warnings).toEqual([]);
  });

  it('migrates a v0 file (no version) and keeps its values', async () => {
    await writeSettingsFile({ appearance: { theme: 'dark' }, overlay: { opacity: 0.7 } });
    const service = await open();
    expect(service.get()).toEqual({
      ...defaultSettings,
      version: SETTINGS_VERSION,
      appearance: { ...defaultSettings.appearance, theme: 'dark' },
      overlay: { ...defaultSettings.overlay, opacity: 0.7 },
    });
    expect(service.startupWarning).toBeUndefined();
    expect(await filesAside()).toEqual([]);
  });

  it('moves a file from a newer version aside with a warning naming it, and loads defaults', async () => {
    const newer = { version: SETTINGS_VERSION + 1, appearance: { theme: 'dark' } };
    await writeSettingsFile(newer);
    const log = recordingLogger();
    const service = await open(log);

    expect(service.get()).toEqual(defaultSettings);
    const [aside] = await filesAside();
    expect(aside).toMatch(/^settings\.corrupt-.+\.json$/);
    expect(service.startupWarning).toContain(join(dir, aside!));
    expect(service.startupWarning).toMatch(/newer Inloop/);
    expect(log.warnings).toEqual([service.startupWarning]);
    expect(JSON.parse(await readFile(join(dir, aside!), 'utf8'))).toEqual(newer);
  });

  it.each([
    ['bad JSON', '{ "version": 1, "appearance": '],
    ['not an object', '[1, 2, 3]'],
    ['wrong types', JSON.stringify({ version: 1, appearance: { theme: 42 } })],
    ['out of range', JSON.stringify({ version: 1, overlay: { opacity: 7 } })],
  ])('moves a corrupt file (%s) aside with a warning and loads defaults', async (_, text) => {
    await writeSettingsFile(text);
    const log = recordingLogger();
    const service = await open(log);

    expect(service.get()).toEqual(defaultSettings);
    const aside = await filesAside();
    expect(aside).toHaveLength(1);
    expect(await readFile(join(dir, aside[0]!), 'utf8')).toBe(text);
    expect(log.warnings).toHaveLength(1);
    expect(log.warnings[0]).toMatch(/Settings file was unreadable .*started with defaults/);
    expect(log.warnings[0]).toContain(aside[0]);
    expect((await readdir(dir)).includes(SETTINGS_FILE)).toBe(false);
  });

  it('keeps a file whose hotkeys name an action this build does not have', async () => {
    await writeSettingsFile({ version: 1, hotkeys: { toggleOverlay: 'Alt+O', retired: 'Alt+R' } });
    const service = await open();
    expect(service.get().hotkeys).toEqual({ ...defaultSettings.hotkeys, toggleOverlay: 'Alt+O' });
    expect(service.startupWarning).toBeUndefined();
    expect(await filesAside()).toEqual([]);
  });

  it('names the bad field when the types are wrong', async () => {
    await writeSettingsFile({ version: 1, appearance: { theme: 42 } });
    const loaded = await loadSettingsFile(settingsPath(), new Date('2026-01-02T03:04:05.678Z'));
    expect(loaded.warning).toMatch(/appearance\.theme/);
    expect(loaded.warning).toContain('settings.corrupt-2026-01-02T03-04-05-678Z.json');
  });
});

describe('updating settings', () => {
  it('writes an update to disk, emits settings:changed, and the change survives a re-open', async () => {
    const bus = new EventBus();
    const seen: Array<[EventChannel, unknown]> = [];
    bus.subscribe((event, payload) => seen.push([event, payload]));
    const service = await open(recordingLogger(), bus);

    const next = await service.update({ appearance: { theme: 'high-contrast' } });

    expect(next.appearance.theme).toBe('high-contrast');
    expect(await readSettingsFile()).toEqual(next);
    expect(seen).toEqual([['settings:changed', next]]);
    const reopened = await open();
    expect(reopened.get()).toEqual(next);
  });

  it('rejects an invalid patch with invalid_request and leaves the file and state alone', async () => {
    const bus = new EventBus();
    const service = await open(recordingLogger(), bus);
    await service.update({ overlay: { opacity: 0.9 } });
    const before = await readFile(settingsPath(), 'utf8');
    const events: string[] = [];
    bus.subscribe((event) => events.push(event));

    const attempt = service.update({ overlay: { opacity: 0.1 } });

    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({ code: 'invalid_request' });
    await expect(attempt).rejects.toThrow(/overlay\.opacity/);
    expect(await readFile(settingsPath(), 'utf8')).toBe(before);
    expect(service.get().overlay.opacity).toBe(0.9);
    expect(events).toEqual([]);
  });

  it('keeps every one of several concurrent updates', async () => {
    const service = await open();
    await Promise.all([
      service.update({ appearance: { theme: 'dark' } }),
      service.update({ overlay: { opacity: 0.8 } }),
      service.update({ privacy: { recordFeedback: false } }),
      service.update({ hotkeys: { togglePause: 'Alt+P' } }),
    ]);
    const expected = {
      ...defaultSettings,
      appearance: { ...defaultSettings.appearance, theme: 'dark' },
      overlay: { ...defaultSettings.overlay, opacity: 0.8 },
      privacy: { ...defaultSettings.privacy, recordFeedback: false },
      hotkeys: { ...defaultSettings.hotkeys, togglePause: 'Alt+P' },
    };
    expect(service.get()).toEqual(expected);
    expect(await readSettingsFile()).toEqual(expected);
    expect((await open()).get()).toEqual(expected);
  });

  it('goes on after a rejected update queued between good ones', async () => {
    const service = await open();
    const results = await Promise.allSettled([
      service.update({ appearance: { theme: 'dark' } }),
      service.update({ appearance: { fontScale: 9 } }),
      service.update({ appearance: { fontScale: 1.2 } }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((await open()).get().appearance).toEqual({ theme: 'dark', fontScale: 1.2 });
  });

  it('resets to the defaults on disk', async () => {
    const service = await open();
    await service.update({ appearance: { theme: 'dark' } });
    expect(await service.reset()).toEqual(defaultSettings);
    expect(await readSettingsFile()).toEqual(defaultSettings);
  });

  it('leaves no temp files behind', async () => {
    const service = await open();
    await Promise.all([1, 0.9, 0.8].map((opacity) => service.update({ overlay: { opacity } })));
    // The settings, and the fields the user set (policy defaults no longer apply to them).
    expect((await readdir(dir)).sort()).toEqual([SETTINGS_FILE, USER_SET_FILE]);
  });
});
