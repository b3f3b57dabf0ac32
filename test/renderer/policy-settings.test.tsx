/**
 * Settings under managed policy: the store keeps the policy and the feeds the services report
 * (at load and on their events), a locked setting's row says "Managed by your organisation"
 * and its control is off, the trusted keys show their key ids, and each feed's line says what
 * its last check did. HTML only: the interactive path is test/e2e/rollback.spec.ts.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeEach, describe, expect, it } from 'vitest';
import { generateSigningKeys } from '../../electron/services/packs/pack-file';
import { ok } from '../../shared/result';
import { publicKeyId } from '../../shared/packs/key-id';
import type { FeedsStatus } from '../../shared/schemas/feeds';
import type { PolicyReport } from '../../shared/schemas/policy';
import { PrivacySection } from '../../renderer/src/containers/settings/privacy-section';
import {
  feedPackLine,
  FeedsStatus as FeedsBlock,
} from '../../renderer/src/containers/settings/feeds-status';
import { TrustedKeys } from '../../renderer/src/containers/settings/trusted-keys';
import { loadState } from '../../renderer/src/state/bridge';
import { managedBy } from '../../renderer/src/state/policy-slice';
import { createInloopStore, type InloopStore } from '../../renderer/src/state/store';
import { StoreProvider } from '../../renderer/src/state/use-inloop';
import { createFakeApi, type FakeApi } from './fake-api';

const source = '/etc/inloop/policy.json';
const policy: PolicyReport = {
  sources: [source],
  entries: [
    {
      key: 'RecordFeedback',
      level: 'enforced',
      value: false,
      setting: 'privacy.recordFeedback',
      source,
    },
    {
      key: 'DataRetentionDays',
      level: 'default',
      value: 30,
      setting: 'privacy.retentionDays',
      source,
    },
    {
      key: 'TrustedPublisherKeys',
      level: 'enforced',
      value: [],
      setting: 'knowledge.trustedPublisherKeys',
      source,
    },
  ],
  problems: [],
};
const feeds: FeedsStatus = {
  bucket: 12,
  feeds: [
    {
      url: 'https://packs.example.com/support/',
      channel: 'stable',
      from: 'policy',
      checkedAt: '2026-01-01T10:00:00.000Z',
      okAt: '2026-01-01T09:00:00.000Z',
      error: 'https://packs.example.com cannot be reached (ENOTFOUND)',
      sequence: 4,
      signedBy: 'c370aaf4314d22ba',
      nextCheckAt: '2026-01-01T10:01:00.000Z',
      packs: [
        {
          id: 'acme-retail',
          target: '1.4.0',
          installed: '1.4.0',
          state: 'waiting-for-rollout',
          message: '1.5.0 is rolling out to 20 % of devices; this one is not in it yet',
        },
      ],
    },
  ],
};

let fake: FakeApi;
let store: InloopStore;
beforeEach(() => {
  fake = createFakeApi();
  fake.handle('policy:get', () => ok(policy));
  fake.handle('feeds:status', () => ok(feeds));
  store = createInloopStore(fake.api);
});

// A server render reads the store's initial state; hand it the state the test set up.
const render = (node: React.ReactNode) =>
  renderToStaticMarkup(
    <StoreProvider store={{ ...store, getInitialState: store.getState }}>{node}</StoreProvider>,
  );

describe('the policy in the store', () => {
  it('loads with the rest of the state and knows which settings are locked', async () => {
    await loadState(fake.api, store);
    expect(store.getState().policy).toEqual(policy);
    expect(store.getState().feeds).toEqual(feeds);
    expect(managedBy(store.getState(), 'privacy.recordFeedback')?.key).toBe('RecordFeedback');
    // A default is not a lock: the user may still change it.
    expect(managedBy(store.getState(), 'privacy.retentionDays')).toBeUndefined();
  });
});

describe('what Settings shows', () => {
  it('a locked switch says who manages it and is off', async () => {
    await loadState(fake.api, store);
    const html = render(<PrivacySection />);
    expect(html).toContain('Managed by your organisation');
    expect(html).toContain('(policy RecordFeedback)');
    expect(html).toMatch(/id="record-feedback"[^>]*disabled=""/);
  });

  it('managed trusted keys cannot be added or removed here', async () => {
    await loadState(fake.api, store);
    const html = render(<TrustedKeys />);
    expect(html).toContain('(policy TrustedPublisherKeys)');
    expect(html).not.toContain('Trust key');
  });

  it('nothing is managed without a policy', () => {
    const html = render(<PrivacySection />);
    expect(html).not.toContain('Managed by your organisation');
  });

  it('each feed says where it comes from, who signed it, and why the last check failed', async () => {
    await loadState(fake.api, store);
    const html = render(<FeedsBlock />);
    expect(html).toContain('https://packs.example.com/support/');
    expect(html).toContain(
      'Channel stable · set by your organisation · signed by key c370aaf4314d22ba',
    );
    expect(html).toContain(
      'Last check failed: https://packs.example.com cannot be reached (ENOTFOUND). The installed packs stay as they are.',
    );
    expect(html).toContain('Check now');
    expect(feedPackLine(feeds.feeds[0]!.packs[0]!)).toBe(
      'acme-retail: v1.4.0; 1.5.0 is rolling out to 20 % of devices; this one is not in it yet',
    );
  });
});

describe('key ids in the renderer', () => {
  it('match the ids the signer and the refusals print', async () => {
    const keys = generateSigningKeys();
    expect(await publicKeyId(keys.publicKeyPem)).toBe(keys.keyId);
    expect(await publicKeyId('not a key')).toBeNull();
  });
});
