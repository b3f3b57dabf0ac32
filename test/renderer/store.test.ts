/** The store's slices: settings saved through the API, status actions, notices, navigation. */
import { beforeEach, describe, expect, it } from 'vitest';
import { fail, ok } from '../../shared/result';
import { defaultSettings } from '../../shared/schemas/settings';
import { MAX_NOTICES, upsertNotice, type UiNotice } from '../../renderer/src/state/notices-slice';
import { createInloopStore, type InloopStore } from '../../renderer/src/state/store';
import { createFakeApi, type FakeApi } from './fake-api';

let fake: FakeApi;
let store: InloopStore;

beforeEach(() => {
  fake = createFakeApi();
  store = createInloopStore(fake.api);
});

describe('settings slice', () => {
  it('sends the patch and keeps what the service saved, not what was asked', async () => {
    const saved = { ...defaultSettings, appearance: { theme: 'dark' as const, fontScale: 1.2 } };
    fake.handle('settings:update', () => ok(saved));
    const result = await store.getState().updateSettings({ appearance: { theme: 'dark' } });
    expect(fake.calls).toEqual([
      { channel: 'settings:update', payload: { appearance: { theme: 'dark' } } },
    ]);
    expect(result.ok).toBe(true);
    expect(store.getState().settings).toEqual(saved);
  });

  it('keeps the old settings and shows the service message when saving fails', async () => {
    store.getState().applySettings(defaultSettings);
    fake.handle('settings:update', () => fail('invalid_request', 'overlay.opacity: too small'));
    await store.getState().updateSettings({ overlay: { opacity: 0.1 } });
    expect(store.getState().settings).toBe(defaultSettings);
    expect(store.getState().notices).toEqual([
      {
        id: 'request:save settings',
        level: 'error',
        message: "Couldn't save settings. overlay.opacity: too small",
        source: 'request',
      },
    ]);
  });

  it('leaves the message to the caller when asked to be quiet', async () => {
    fake.handle('settings:update', () => fail('invalid_request', 'bad hotkey'));
    const result = await store
      .getState()
      .updateSettings({ hotkeys: { togglePause: 'x' } }, { quiet: true });
    expect(result).toEqual({
      ok: false,
      error: { code: 'invalid_request', message: 'bad hotkey' },
    });
    expect(store.getState().notices).toEqual([]);
  });
});

describe('status slice', () => {
  it('pauses capture through the API and shows the state the service returns', async () => {
    fake.handle('capture:set-paused', (payload) =>
      ok({ state: (payload as { paused: boolean }).paused ? 'paused' : 'idle' }),
    );
    await store.getState().setCapturePaused(true);
    expect(fake.calls.at(-1)).toEqual({ channel: 'capture:set-paused', payload: { paused: true } });
    expect(store.getState().capture).toEqual({ state: 'paused' });
  });

  it('reports a failed overlay action under a readable name', async () => {
    fake.handle('overlay:set-click-through', () => fail('unavailable', 'Not connected to Inloop.'));
    await store.getState().setClickThrough(true);
    expect(store.getState().overlay).toBeNull();
    expect(store.getState().notices[0]?.message).toBe(
      "Couldn't change click-through. Not connected to Inloop.",
    );
  });
});

describe('notices slice', () => {
  const notice = (id: string, level: UiNotice['level'] = 'info'): UiNotice => ({
    id,
    level,
    message: id,
    source: 'app',
  });

  it('replaces a notice with the same id instead of stacking a copy', () => {
    const list = upsertNotice([notice('a'), notice('b')], {
      ...notice('a', 'warning'),
      message: 'again',
    });
    expect(list.map((n) => [n.id, n.message])).toEqual([
      ['b', 'b'],
      ['a', 'again'],
    ]);
  });

  it(`keeps at most ${MAX_NOTICES}, dropping the oldest`, () => {
    let list: UiNotice[] = [];
    for (let i = 0; i < MAX_NOTICES + 2; i++) list = upsertNotice(list, notice(`n${i}`));
    expect(list.map((n) => n.id)).toEqual(['n2', 'n3', 'n4', 'n5']);
  });

  it('dismisses by id', () => {
    store.getState().showNotice(notice('x'));
    store.getState().dismissNotice('x');
    expect(store.getState().notices).toEqual([]);
  });
});

describe('ui slice', () => {
  it('opens one sheet at a time', () => {
    store.getState().setShortcutsOpen(true);
    store.getState().openSettings();
    expect(store.getState()).toMatchObject({ settingsOpen: true, shortcutsOpen: false });
    store.getState().setShortcutsOpen(true);
    expect(store.getState()).toMatchObject({ settingsOpen: false, shortcutsOpen: true });
  });

  it('folds and unfolds panels; expanding an open panel changes nothing', () => {
    store.getState().togglePanel('replies');
    expect(store.getState().collapsedPanels).toEqual(['replies']);
    const before = store.getState();
    store.getState().expandPanel('summary');
    expect(store.getState()).toBe(before);
    store.getState().expandPanel('replies');
    expect(store.getState().collapsedPanels).toEqual([]);
  });
});
