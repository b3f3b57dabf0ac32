/**
 * Issue 16, item 5: a damaged settings file costs only its damaged fields. Every valid field
 * is kept (the trusted keys too), a privacy setting is never turned back on, the old file is
 * moved aside and the next start says what was reset and where the old file went. A
 * read-only CLI command (`pack list`) never moves the file.
 */
import { findAppRoot } from '../../../../electron/services/core/app-root';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServices } from '../../../../electron/app/create-services';
import { runCli } from '../../../../electron/hosts/cli/run-cli';
import type { CliIo } from '../../../../electron/services/core/cli/command';
import { EventBus } from '../../../../electron/services/core/event-bus';
import { silentLogger } from '../../../../electron/services/core/log';
import { commands } from '../../../../electron/hosts/cli/commands';
import { createMemorySecretStore } from '../../../../electron/services/secrets/memory-secret-store';
import { recoverSettings } from '../../../../electron/services/settings/settings-recovery';
import {
  SETTINGS_FILE,
  SettingsService,
} from '../../../../electron/services/settings/settings-service';
import type { Notice } from '../../../../shared/schemas/app';
import { defaultSettings, SETTINGS_VERSION } from '../../../../shared/schemas/settings';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'inloop-recover-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const KEY = {
  name: 'Acme Support Ops',
  publicKeyPem: '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAabc=\n-----END PUBLIC KEY-----',
};

/** What an agent who changed things saved: recording off, a trusted key, dark theme. */
const saved = {
  ...defaultSettings,
  appearance: { theme: 'dark', fontScale: 1.2 },
  overlay: { ...defaultSettings.overlay, contentProtection: true, opacity: 0.8 },
  hotkeys: { ...defaultSettings.hotkeys, togglePause: 'Alt+P' },
  privacy: {
    ...defaultSettings.privacy,
    recordFeedback: false,
    allowedEndpointHosts: ['llm.acme.internal'],
  },
  knowledge: { trustedPublisherKeys: [KEY], allowUnsignedPacks: false },
  assist: { ...defaultSettings.assist, idleTimeoutMinutes: 30 },
  speech: { saveAudio: false, microphoneId: 'usb-headset' },
};

const settingsPath = () => join(dir, SETTINGS_FILE);
const open = () => SettingsService.open(dir, new EventBus(), silentLogger);
const aside = async () => (await readdir(dir)).filter((f) => f.includes('.corrupt-'));

/** The notice the service holds for the next screen, checked for what it must say. */
function expectNotice(notices: readonly Notice[], ...mentions: string[]) {
  expect(notices).toHaveLength(1);
  expect(notices[0]!.level).toBe('warning');
  for (const text of mentions) expect(notices[0]!.message).toContain(text);
}

describe('settings recovery, field by field', () => {
  it('reads a file that starts with a byte-order mark as it is', async () => {
    await writeFile(settingsPath(), `\uFEFF${JSON.stringify(saved)}`);
    const service = await open();
    expect(service.get()).toEqual(saved);
    expect(service.startupNotices).toEqual([]);
    expect(await aside()).toEqual([]);
  });

  it('resets only the one bad field and keeps every other, the trusted keys included', async () => {
    await writeFile(
      settingsPath(),
      JSON.stringify({ ...saved, appearance: { ...saved.appearance, theme: 42 } }),
    );
    const service = await open();
    expect(service.get()).toEqual({
      ...saved,
      appearance: { ...saved.appearance, theme: defaultSettings.appearance.theme },
    });
    const [old] = await aside();
    expect(old).toBeDefined();
    expectNotice(service.startupNotices, 'appearance.theme', join(dir, old!));
    // The recovered settings are on disk, so the next start is quiet.
    expect(JSON.parse(await readFile(settingsPath(), 'utf8'))).toEqual(service.get());
    expect((await open()).startupNotices).toEqual([]);
  });

  it('never turns recording or any other privacy setting back on', async () => {
    await writeFile(
      settingsPath(),
      JSON.stringify({
        ...saved,
        privacy: {
          ...saved.privacy,
          recordFeedback: 'no',
          allowedEndpointHosts: ['llm.acme.internal', 42],
        },
        overlay: { ...saved.overlay, contentProtection: 'yes' },
        speech: { saveAudio: 1, microphoneId: 'usb-headset' },
      }),
    );
    const service = await open();
    const settings = service.get();
    expect(settings.privacy).toEqual({
      ...saved.privacy,
      recordFeedback: false,
      allowedEndpointHosts: ['llm.acme.internal'],
    });
    expect(settings.overlay.contentProtection).toBe(true);
    expect(settings.speech.saveAudio).toBe(false);
    expect(settings.knowledge.trustedPublisherKeys).toEqual([KEY]);
    expectNotice(service.startupNotices, 'privacy.recordFeedback', 'off');
  });

  it('keeps the valid trusted keys when one of them is damaged', async () => {
    await writeFile(
      settingsPath(),
      JSON.stringify({
        ...saved,
        knowledge: { trustedPublisherKeys: [KEY, { name: '' }], allowUnsignedPacks: false },
      }),
    );
    const service = await open();
    expect(service.get().knowledge.trustedPublisherKeys).toEqual([KEY]);
    expectNotice(service.startupNotices, 'knowledge.trustedPublisherKeys');
  });

  it('keeps what it understands of a file from a newer version', async () => {
    await writeFile(
      settingsPath(),
      JSON.stringify({ ...saved, version: SETTINGS_VERSION + 1, future: { x: 1 } }),
    );
    const service = await open();
    expect(service.get()).toEqual(saved);
    const [old] = await aside();
    expectNotice(service.startupNotices, 'newer', join(dir, old!));
  });

  it('keeps every field of a file grown to 600 MB with empty bytes, reading a chunk at a time', async () => {
    // The probe: `truncate -s 600M settings.json` (what a crash while growing a file leaves).
    await writeFile(settingsPath(), JSON.stringify(saved));
    await truncate(settingsPath(), 600 * 1024 * 1024);
    const before = process.memoryUsage().rss;
    const service = await open();
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
    expect(service.get()).toEqual(saved);
    const [old] = await aside();
    expectNotice(service.startupNotices, '600 MiB of empty bytes', 'every setting was kept');
    expectNotice(service.startupNotices, join(dir, old!));
    expect(JSON.parse(await readFile(settingsPath(), 'utf8'))).toEqual(saved);
    expect((await open()).startupNotices).toEqual([]);
  });

  it('does not read a file with more than 1 MiB of content: moves it aside and starts private', async () => {
    const big = JSON.stringify({ ...saved, padding: 'x'.repeat(2 * 1024 * 1024) });
    await writeFile(settingsPath(), big);
    const service = await open();
    expect(service.get().privacy.recordFeedback).toBe(false);
    expect(service.get().overlay.contentProtection).toBe(true);
    const [old] = await aside();
    expectNotice(service.startupNotices, 'too large', join(dir, old!));
    expect(await readFile(join(dir, old!), 'utf8')).toBe(big);
  });

  it('does not even scan a file over 1 GiB', async () => {
    await writeFile(settingsPath(), JSON.stringify(saved));
    await truncate(settingsPath(), 2 * 1024 * 1024 * 1024);
    const service = await open();
    expect(service.get().privacy.recordFeedback).toBe(false);
    expectNotice(service.startupNotices, 'too large (2048 MiB');
  });

  it('moves a directory in place of the file aside and starts', async () => {
    await mkdir(settingsPath());
    await writeFile(join(settingsPath(), 'stray.txt'), 'x');
    const service = await open();
    expect(service.get().privacy.recordFeedback).toBe(false);
    const [old] = await aside();
    expect(await readdir(join(dir, old!))).toEqual(['stray.txt']);
    expectNotice(service.startupNotices, 'not a file', join(dir, old!));
    expect(JSON.parse(await readFile(settingsPath(), 'utf8'))).toEqual(service.get());
  });

  it('starts private from a file that is not JSON at all', async () => {
    await writeFile(settingsPath(), '{ "version": 1, "privacy": ');
    const service = await open();
    expect(service.get()).toEqual({
      ...defaultSettings,
      privacy: { ...defaultSettings.privacy, recordFeedback: false },
      overlay: { ...defaultSettings.overlay, contentProtection: true },
      learning: { ...defaultSettings.learning, enabled: false },
    });
    expectNotice(service.startupNotices, 'not JSON');
  });
});

describe('recoverSettings (pure)', () => {
  it('fills sections and fields an older file lacks from the defaults, resetting nothing', () => {
    const { settings, reset } = recoverSettings({ version: 1, appearance: { theme: 'dark' } });
    expect(settings).toEqual({
      ...defaultSettings,
      appearance: { ...defaultSettings.appearance, theme: 'dark' },
    });
    expect(reset).toEqual([]);
  });

  it('drops keys the app does not know, including a hotkey action it no longer has', () => {
    const { settings, reset } = recoverSettings({
      version: 1,
      hotkeys: { toggleOverlay: 'Alt+O', retiredAction: 'Alt+R' },
      overlay: { gone: true },
      extra: 1,
    });
    expect(settings.hotkeys).toEqual({ ...defaultSettings.hotkeys, toggleOverlay: 'Alt+O' });
    expect(reset).toEqual([]);
  });

  it('replaces a section that is not an object with its private defaults', () => {
    const { settings, reset, madePrivate } = recoverSettings({ version: 1, privacy: 'yes' });
    expect(settings.privacy).toEqual({
      ...defaultSettings.privacy,
      recordFeedback: false,
      allowedEndpointHosts: [],
    });
    expect(reset).toEqual(['privacy']);
    expect(madePrivate).toEqual(['privacy.recordFeedback']);
  });
});

/** The probes of issue 16: each writes what is found in place of the settings file. */
const probes: Array<{ name: string; write: () => Promise<void>; notice: string | null }> = [
  {
    name: 'a byte-order mark',
    write: () => writeFile(settingsPath(), `\uFEFF${JSON.stringify(saved)}`),
    notice: null, // read as it is: nothing was lost
  },
  {
    name: 'one wrong type',
    write: () => writeFile(settingsPath(), JSON.stringify({ ...saved, appearance: { theme: 42 } })),
    notice: 'appearance.theme',
  },
  {
    name: 'a newer version',
    write: () =>
      writeFile(settingsPath(), JSON.stringify({ ...saved, version: SETTINGS_VERSION + 1 })),
    notice: 'newer',
  },
  {
    name: 'a 600 MB file',
    write: async () => {
      await writeFile(settingsPath(), JSON.stringify(saved));
      await truncate(settingsPath(), 600 * 1024 * 1024);
    },
    notice: 'empty bytes',
  },
  {
    name: 'a directory',
    write: async () => {
      await mkdir(settingsPath());
      await writeFile(join(settingsPath(), 'stray.txt'), 'x');
    },
    notice: 'not a file',
  },
];

/** What `pack list` must leave exactly as it found it. */
async function fingerprint(): Promise<string> {
  const info = await stat(settingsPath());
  const body =
    info.isFile() && info.size < 1024 * 1024 ? await readFile(settingsPath(), 'utf8') : '';
  return JSON.stringify([info.ino, info.size, info.mtimeMs, info.isDirectory(), body]);
}

describe('each probe of issue 16', () => {
  for (const probe of probes) {
    it(`${probe.name}: recording stays off, the valid fields are kept, the start says so, and \`pack list\` moves nothing`, async () => {
      await probe.write();
      const before = await fingerprint();
      const out: string[] = [];
      const io: CliIo = {
        stdout: (t) => out.push(t),
        stderr: (t) => out.push(t),
        env: { INLOOP_EMBED_MODEL: 'none' },
        cwd: dir,
        isTty: false,
      };
      expect(await runCli(['pack', 'list', '--data-dir', dir], commands, '1.0.0', io)).toBe(0);
      expect(await aside()).toEqual([]);
      expect(await fingerprint()).toBe(before);

      const service = await open();
      expect(service.get().privacy.recordFeedback).toBe(false);
      if (probe.name !== 'a directory') {
        expect(service.get().knowledge.trustedPublisherKeys).toEqual([KEY]);
        expect(service.get().hotkeys.togglePause).toBe('Alt+P');
      }
      if (probe.notice === null) expect(service.startupNotices).toEqual([]);
      else {
        const [old] = await aside();
        expectNotice(service.startupNotices, probe.notice, join(dir, old!));
      }
    });
  }
});

describe('the notice on the next start', () => {
  it('reaches the screen through app:notices', async () => {
    await writeFile(
      settingsPath(),
      JSON.stringify({ ...saved, privacy: { ...saved.privacy, recordFeedback: 'off' } }),
    );
    const services = await createServices({
      host: 'web',
      appVersion: '0.0.0-test',
      appRoot: findAppRoot(),
      dataDir: dir,
      modelsDir: join(dir, 'models'),
      secretStore: createMemorySecretStore(),
      logger: silentLogger,
    });
    try {
      const result = await services.dispatch('app:notices', undefined);
      expect(result).toMatchObject({ ok: true });
      expectNotice((result as { value: Notice[] }).value, 'privacy.recordFeedback');
    } finally {
      await services.close();
    }
  });
});
