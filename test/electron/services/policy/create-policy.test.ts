/**
 * Managed policy end to end through the capability: the same cases from an /etc-style file and
 * from a fake registry behind the same PolicySource interface. Enforced values lock a setting
 * (Settings reads them, `settings:update` refuses them naming the policy), defaults hold until
 * the user changes the setting, a malformed value is reported and ignored, and a change while
 * the app runs reaches the settings and the UI (`policy:changed`, `settings:changed`).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventChannel } from '../../../../shared/contract';
import { AppError } from '../../../../shared/result';
import { EventBus } from '../../../../electron/services/core/event-bus';
import { silentLogger } from '../../../../electron/services/core/log';
import { createPolicy } from '../../../../electron/services/policy';
import { createFilePolicySource } from '../../../../electron/services/policy/file-source';
import {
  createNativePolicySource,
  windowsPolicyPlaces,
  WINDOWS_POLICY_KEY,
  WINDOWS_RECOMMENDED_KEY,
} from '../../../../electron/services/policy/native-source';
import type { PolicySource } from '../../../../electron/services/policy/policy-source';
import { SettingsService } from '../../../../electron/services/settings/settings-service';
import { FakePolicyStore, nextValue } from './policy-fixtures';

type Level = 'enforced' | 'defaults';

/** One place policy lives, driven the way an administrator would change it. */
interface Place {
  name: string;
  source(): PolicySource;
  /** Sets the level to exactly these values (registry: JSON and lists as text). */
  set(level: Level, values: Record<string, unknown>): Promise<void>;
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'inloop-policy-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

function filePlace(): Place {
  const path = join(dir, 'etc', 'inloop', 'policy.json');
  const levels: Record<Level, Record<string, unknown>> = { enforced: {}, defaults: {} };
  return {
    name: 'the /etc/inloop/policy.json file',
    source: () => createFilePolicySource(path, { intervalMs: 20 }),
    async set(level, values) {
      levels[level] = values;
      await mkdir(join(dir, 'etc', 'inloop'), { recursive: true });
      await writeFile(path, JSON.stringify(levels));
    },
  };
}

function registryPlace(): Place {
  const store = new FakePolicyStore();
  const current: Record<Level, Record<string, unknown>> = { enforced: {}, defaults: {} };
  const keyOf = { enforced: WINDOWS_POLICY_KEY, defaults: WINDOWS_RECOMMENDED_KEY };
  const text = (v: unknown) =>
    typeof v === 'object' && v !== null ? JSON.stringify(v) : (v as string | number | boolean);
  return {
    name: 'a fake registry (Software\\Policies\\Inloop)',
    source: () => createNativePolicySource(windowsPolicyPlaces(), store.createWatcher),
    async set(level, values) {
      for (const name of Object.keys(current[level])) {
        if (!(name in values)) store.set(keyOf[level], name, undefined);
      }
      for (const [name, value] of Object.entries(values))
        store.set(keyOf[level], name, text(value));
      current[level] = values;
    },
  };
}

async function open(place: Place) {
  const bus = new EventBus();
  const events: { event: EventChannel; payload: unknown }[] = [];
  bus.subscribe((event, payload) => events.push({ event, payload }));
  const settings = await SettingsService.open(join(dir, 'data'), bus, silentLogger);
  const policy = await createPolicy({ sources: [place.source()], settings, bus });
  return { bus, events, settings, policy };
}

describe.each([filePlace, registryPlace])('policy from %o', (makePlace) => {
  let place: Place;
  beforeEach(() => {
    place = makePlace();
  });

  it('locks an enforced setting: the settings show it, an update naming it is refused', async () => {
    await place.set('enforced', { SaveAudio: false, UpdateMode: 'none', ContentProtection: true });
    const { settings, policy } = await open(place);
    try {
      expect(settings.get().speech.saveAudio).toBe(false);
      expect(settings.get().updates.mode).toBe('none');
      expect(settings.get().overlay.contentProtection).toBe(true);
      const refused = settings.update({ speech: { saveAudio: true } });
      await expect(refused).rejects.toBeInstanceOf(AppError);
      await expect(refused).rejects.toMatchObject({ code: 'unauthorized' });
      await expect(refused).rejects.toThrow(/Managed by your organisation.*policy SaveAudio/);
      // The rest of the settings still save.
      expect((await settings.update({ overlay: { opacity: 0.8 } })).overlay.opacity).toBe(0.8);
      // Sending the enforced value itself is no change, so it is not refused.
      await expect(settings.update({ updates: { mode: 'none' } })).resolves.toBeTruthy();
      expect(policy.handlers['policy:get'](undefined)).toMatchObject({
        entries: [
          { key: 'UpdateMode', level: 'enforced', value: 'none' },
          { key: 'ContentProtection', level: 'enforced', value: true },
          { key: 'SaveAudio', level: 'enforced', value: false },
        ],
        problems: [],
      });
    } finally {
      await policy.close();
    }
  });

  it('applies a default until the user changes the setting, then keeps the user’s choice', async () => {
    await place.set('defaults', { RecordFeedback: false, DataRetentionDays: 30 });
    const { settings, policy } = await open(place);
    try {
      expect(settings.get().privacy.recordFeedback).toBe(false);
      expect(settings.get().privacy.retentionDays).toBe(30);
      await settings.update({ privacy: { recordFeedback: true } });
      expect(settings.get().privacy.recordFeedback).toBe(true);
      expect(settings.get().privacy.retentionDays).toBe(30);
      // After a restart the user's choice still wins over the default.
      await policy.close();
      const again = await open(place);
      expect(again.settings.get().privacy.recordFeedback).toBe(true);
      // Reset gives the organisation's defaults back.
      expect((await again.settings.reset()).privacy.recordFeedback).toBe(false);
      await again.policy.close();
    } finally {
      await policy.close();
    }
  });

  it('ignores a malformed value key by key and reports it; the valid keys still lock', async () => {
    await place.set('enforced', {
      SaveAudio: 'never',
      DataRetentionDays: -3,
      AllowUnsignedPacks: false,
      PackFeeds: '[{"url": ',
    });
    const { settings, policy } = await open(place);
    try {
      const report = policy.service.report();
      expect(report.entries.map((e) => e.key)).toEqual(['AllowUnsignedPacks']);
      expect(report.problems.map((p) => p.key).sort()).toEqual([
        'DataRetentionDays',
        'PackFeeds',
        'SaveAudio',
      ]);
      await expect(settings.update({ knowledge: { allowUnsignedPacks: true } })).rejects.toThrow(
        /AllowUnsignedPacks/,
      );
      await settings.update({ speech: { saveAudio: true } });
      expect(settings.get().speech.saveAudio).toBe(true);
    } finally {
      await policy.close();
    }
  });

  it('applies a change made while the app runs, telling the settings and the UI', async () => {
    await place.set('enforced', { UpdateMode: 'manual' });
    const { settings, policy, events } = await open(place);
    try {
      await settings.update({ speech: { saveAudio: true } });
      const changed = nextValue(policy.service.onChange);
      await place.set('enforced', { UpdateMode: 'manual', SaveAudio: false });
      expect((await changed).entries.map((e) => e.key)).toEqual(['UpdateMode', 'SaveAudio']);
      expect(settings.get().speech.saveAudio).toBe(false);
      expect(events.some((e) => e.event === 'policy:changed')).toBe(true);
      const last = events.filter((e) => e.event === 'settings:changed').at(-1)!;
      expect(last.payload).toMatchObject({ speech: { saveAudio: false } });
      // Lifting the lock brings the user's own choice back.
      const lifted = nextValue(policy.service.onChange);
      await place.set('enforced', { UpdateMode: 'manual' });
      await lifted;
      expect(settings.get().speech.saveAudio).toBe(true);
    } finally {
      await policy.close();
    }
  });
});

describe('a policy file broken while the app runs', () => {
  it('keeps what it locked until the file reads again', async () => {
    const place = filePlace();
    await place.set('enforced', { AllowUnsignedPacks: false });
    const { settings, policy } = await open(place);
    try {
      const changed = nextValue(policy.service.onChange);
      await writeFile(join(dir, 'etc', 'inloop', 'policy.json'), '{"enforced": {"AllowUns');
      const report = await changed;
      expect(report.problems.map((p) => p.message).join('\n')).toMatch(/not JSON/);
      expect(report.entries).toMatchObject([{ key: 'AllowUnsignedPacks', value: false }]);
      await expect(settings.update({ knowledge: { allowUnsignedPacks: true } })).rejects.toThrow(
        /Managed by your organisation/,
      );
    } finally {
      await policy.close();
    }
  });
});
