/**
 * Settings → Learning and the Team view: what they say, and the store actions behind them
 * (HTML rendering and the real store over a fake API).
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeEach, describe, expect, it } from 'vitest';
import { fail, ok } from '../../shared/result';
import { defaultSettings } from '../../shared/schemas/settings';
import {
  learnedCountsText,
  LearningSection,
} from '../../renderer/src/containers/settings/learning-section';
import { TeamView } from '../../renderer/src/containers/team/team-view';
import { createInloopStore, type InloopStore } from '../../renderer/src/state/store';
import { StoreProvider } from '../../renderer/src/state/use-inloop';
import { createFakeApi, type FakeApi } from './fake-api';
import {
  learningSummary,
  teamReportFixture,
} from '../electron/hosts/electron-main/ipc/fixtures/learning';

const summary = learningSummary;
const report = {
  ...teamReportFixture,
  corrections: [{ from: 'refund', to: 'exchange', count: 3 }],
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
      'From 12 decisions in 5 conversations: 2 intent examples, 3 articles ranked (from 4 answered questions), 1 reply ranked (0 offered as rewritten), 1 escalation rule lowered. 2 KB on this computer.',
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
      ok({
        ...defaultSettings,
        learning: { ...defaultSettings.learning, ...(patch as { learning: object }).learning },
      }),
    );
    await store.getState().updateSettings({ learning: { enabled: false } });
    expect(fake.calls.at(-1)).toEqual({
      channel: 'settings:update',
      payload: { learning: { enabled: false } },
    });
    expect(store.getState().settings?.learning.enabled).toBe(false);
  });
});

describe('Team view', () => {
  it('opens from Settings, closing it, and shows the report of the folder the lead picks', async () => {
    store.getState().openSettings();
    store.getState().openTeam();
    expect(store.getState()).toMatchObject({ teamOpen: true, settingsOpen: false });
    fake.handle('learning:team-report', (request) =>
      (request as { dir: string }).dir === '/bundles'
        ? ok(report)
        : fail('not_found', 'no such folder'),
    );
    await store.getState().loadTeamReport('/bundles');
    const html = render(<TeamView />);
    expect(html).toContain('2 bundles from 2 agents, 40 conversations, 2026-11-01 to 2026-11-02.');
    expect(html).toContain('Reply acceptance over time');
    expect(html).toContain('refund → exchange');
    expect(html).toContain('<svg');
    await store.getState().loadTeamReport('/nowhere');
    expect(store.getState().teamReport).toEqual({
      state: 'failed',
      dir: '/nowhere',
      message: 'no such folder',
    });
  });
});
