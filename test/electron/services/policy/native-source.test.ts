/**
 * The registry and managed-preferences source, against a fake of @vscode/policy-watcher's
 * createWatcher (the real addon has no backend on Linux; FakePolicyStore says how it behaves).
 */
import { describe, expect, it } from 'vitest';
import {
  createNativePolicySource,
  macPolicyPlaces,
  watcherPolicies,
  windowsPolicyPlaces,
  WINDOWS_POLICY_KEY,
  WINDOWS_RECOMMENDED_KEY,
} from '../../../../electron/services/policy/native-source';
import type { PolicyReading } from '../../../../electron/services/policy/policy-source';
import { FakePolicyStore } from './policy-fixtures';

async function started(store: FakePolicyStore, places = windowsPolicyPlaces(), timeoutMs?: number) {
  const readings: PolicyReading[] = [];
  const source = createNativePolicySource(places, store.createWatcher, {
    firstReportTimeoutMs: timeoutMs,
  });
  await source.start((r) => readings.push(r));
  return { source, readings };
}

describe('the registry and managed preferences through @vscode/policy-watcher', () => {
  it('declares every policy with the type the addon reads (lists and JSON as strings)', () => {
    const policies = watcherPolicies();
    expect(policies.AllowUnsignedPacks).toEqual({ type: 'boolean' });
    expect(policies.DataRetentionDays).toEqual({ type: 'number' });
    expect(policies.PackFeeds).toEqual({ type: 'string' });
    expect(policies.AllowedEndpointHosts).toEqual({ type: 'string' });
  });

  it('watches Software\\Policies\\Inloop (enforced) and its Recommended subkey (defaults)', async () => {
    const store = new FakePolicyStore();
    store.set(WINDOWS_POLICY_KEY, 'UpdateMode', 'none');
    store.set(WINDOWS_RECOMMENDED_KEY, 'RecordFeedback', false);
    const { source, readings } = await started(store);
    expect(store.created.map((c) => c.registryPath)).toEqual([
      WINDOWS_POLICY_KEY,
      WINDOWS_RECOMMENDED_KEY,
    ]);
    expect(readings).toEqual([
      {
        source: `registry ${WINDOWS_POLICY_KEY} (HKLM, then HKCU)`,
        levels: { enforced: { UpdateMode: 'none' }, defaults: { RecordFeedback: false } },
        problems: [],
      },
    ]);
    source.close();
  });

  it('reads the macOS bundle domain and its .recommended domain', async () => {
    const store = new FakePolicyStore();
    store.set('dev.inloop.app', 'ContentProtection', true);
    store.set('dev.inloop.app.recommended', 'FeedPollMinutes', 30);
    const { source, readings } = await started(store, macPolicyPlaces());
    expect(store.created.map((c) => c.productName)).toEqual([
      'dev.inloop.app',
      'dev.inloop.app.recommended',
    ]);
    expect(readings[0]!.levels).toEqual({
      enforced: { ContentProtection: true },
      defaults: { FeedPollMinutes: 30 },
    });
    source.close();
  });

  it('gives a reading for each change while running, a removed value gone', async () => {
    const store = new FakePolicyStore();
    const { source, readings } = await started(store);
    store.set(WINDOWS_POLICY_KEY, 'SaveAudio', false);
    expect(readings.at(-1)!.levels!.enforced).toEqual({ SaveAudio: false });
    store.set(WINDOWS_POLICY_KEY, 'SaveAudio', undefined);
    expect(readings.at(-1)!.levels!.enforced).toEqual({});
    source.close();
    store.set(WINDOWS_POLICY_KEY, 'SaveAudio', true);
    expect(readings.at(-1)!.levels!.enforced).toEqual({});
  });

  it('starts without the addon’s answer after the timeout, saying so, and applies it later', async () => {
    const store = new FakePolicyStore();
    store.answers = false;
    const { source, readings } = await started(store, windowsPolicyPlaces(), 20);
    expect(readings[0]!.problems[0]!.message).toMatch(/gave no answer within 20 ms/);
    store.set(WINDOWS_POLICY_KEY, 'UpdateMode', 'manual');
    expect(readings.at(-1)!.levels!.enforced).toEqual({ UpdateMode: 'manual' });
    source.close();
  });

  it('an addon that cannot load is a reported problem, not a crash', async () => {
    const source = createNativePolicySource(windowsPolicyPlaces(), () => {
      throw new TypeError('Unsupported platform');
    });
    const readings: PolicyReading[] = [];
    await source.start((r) => readings.push(r));
    expect(readings).toMatchObject([{ levels: null }]);
    expect(readings[0]!.problems[0]!.message).toMatch(/cannot be watched \(Unsupported platform\)/);
  });
});
