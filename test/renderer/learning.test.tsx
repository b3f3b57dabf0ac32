/**
 * Settings → Learning and the Team view: what they say, and the store actions behind them
 * (HTML rendering and the real store over a fake API).
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeEach, describe, expect, it } from 'vitest';
import { fail, ok } from '../../shared/result';
import type { LearningSummary, TeamReport } from '../../shared/schemas/learning';
import { defaultSettings } from '../../shared/schemas/settings';
import {
  learnedCountsText,
  LearningSection,
} from '../../renderer/src/containers/settings/learning-section';
import { TeamView } from '../../renderer/src/containers/team/team-view';
import { createInloopStore, type InloopStore } from '../../renderer/src/state/store';
import { StoreProvider } from '../../renderer/src/state/use-inloop';
import { createFakeApi, type FakeApi } from './fake-api';

const summary: LearningSummary = {
  enabled: true,
  allowExport: false,
  events: 42,
  conversations: 17,
  counts: { intentExamples: 5, articles: 9, replies: 3, rewrites: 1, flags: 1 },
  bytes: 20_480,
  updatedAt: 1_790_000_000_000,
};

const report: TeamReport = {
  bundles: 2,
  devices: 2,
  conversations: 40,
  period: { from: '2026-11-01', to: '2026-11-02' },
  acceptance: {
    overall: 0.5,
    byDay: [
      { date: '2026-11-01', shown: 10, sent: 4, rate: 0.4 },
      { date: '2026-11-02', shown: 10, sent: 6, rate: 0.6 },
    ],
    byPackVersion: [{ pack: 'acme@1.2.0', shown: 20, sent: 10, rate: 0.5 }],
  },
  escalation: { conversations: 4, rate: 0.1, byDay: [], reasons: [{ reason: 'Churn risk', count: 4 }] },
  gaps: [{ terms: ['export', 'invoic'], conversations: 6, examples: ['how do I export invoices'] }],
  corrections: [{ from: 'refund', to: 'exchange', count: 3 }],
  replies: [],
  flags: [{ ruleId: 'churn', shown: 8, dismissed: 3, rate: 0.375 }],
  skipped: [],
};

let fake: FakeApi;
let store: InloopStore;
beforeEach(() => {
  fake = createFakeApi();
  store = createInloopStore(fake.api);
  store.getState().applySettings(defaultSettings);
});

// Server rendering reads the store's initial state: hand it the current one.
const render = (node: React.ReactNode) =>
  renderToStaticMarkup(
    <StoreProvider store={{ ...store, getInitialState: store.getState }}>{node}</StoreProvider>,
  );

describe('Settings → Learning', () => {
  it('says what the device learned, per kind, and that nothing leaves it by default', () => {
    expect(learnedCountsText(summary)).toBe(
      'From 42 decisions in 17 conversations: 5 intent examples, 9 articles ranked, 3 replies ranked (1 offered as rewritten), 1 escalation rule lowered. 20 KB on this computer.',
    );
    expect(learnedCountsText({ ...summary, events: 0 })).toMatch(/^Nothing yet/);
    store.getState().setLearning(summary);
    const html = render(<LearningSection />);
    expect(html).toContain('Learn from my decisions');
    expect(html).toContain('Forget what this device learned');
    expect(html).toMatch(/id="learning-export"[^>]*>/);
    expect(html).not.toMatch(/id="learning-export"[^>]*checked/);
  });

  it('forgets through the service and shows the empty state it answers with', async () => {
    store.getState().setLearning(summary);
    fake.handle('learning:forget', () => ok({ ...summary, events: 0, conversations: 0, bytes: 0 }));
    await store.getState().forgetLearning();
    expect(fake.calls.map((c) => c.channel)).toContain('learning:forget');
    expect(store.getState().learning?.events).toBe(0);
  });

  it('keeps the switches in the settings the services save', async () => {
    fake.handle('settings:update', (patch) =>
      ok({ ...defaultSettings, learning: { ...defaultSettings.learning, ...(patch as { learning: object }).learning } }),
    );
    await store.getState().updateSettings({ learning: { enabled: false } });
    expect(fake.calls.at(-1)).toEqual({ channel: 'settings:update', payload: { learning: { enabled: false } } });
    expect(store.getState().settings?.learning.enabled).toBe(false);
  });
});

describe('Team view', () => {
  it('opens from Settings, closing it, and shows the report of the folder the lead picks', async () => {
    store.getState().openSettings();
    store.getState().openTeam();
    expect(store.getState()).toMatchObject({ teamOpen: true, settingsOpen: false });
    fake.handle('learning:team-report', (request) =>
      (request as { dir: string }).dir === '/bundles' ? ok(report) : fail('not_found', 'no such folder'),
    );
    await store.getState().loadTeamReport('/bundles');
    const html = render(<TeamView />);
    expect(html).toContain('2 bundles from 2 agents, 40 conversations, 2026-11-01 to 2026-11-02.');
    expect(html).toContain('Reply acceptance over time');
    expect(html).toContain('refund → exchange');
    expect(html).toContain('<svg');
    await store.getState().loadTeamReport('/nowhere');
    expect(store.getState().teamReport).toEqual({ state: 'failed', dir: '/nowhere', message: 'no such folder' });
  });
});
