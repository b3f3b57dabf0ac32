/**
 * The knowledge slice over a fake API: search as the agent types (debounced, late answers to
 * older text dropped), the conversation's cards, and the pack actions with their errors.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SEARCH_DEBOUNCE_MS } from '../../renderer/src/state/knowledge-slice';
import { createInloopStore, type InloopStore } from '../../renderer/src/state/store';
import { fail, ok, type Result } from '../../shared/result';
import type { SearchHit } from '../../shared/schemas/knowledge';
import type { InstalledPack } from '../../shared/schemas/packs';
import { createFakeApi, type FakeApi } from './fake-api';

const lexical = { mode: 'lexical' as const, reason: 'no embedding model', embeddingModel: null };

function hit(title: string): SearchHit {
  return { articleId: title.toLowerCase(), title, packId: 'acme-retail', passage: title, score: 1 };
}

function pack(version: string, previous: string | null = null): InstalledPack {
  const at = (v: string) => ({
    id: 'acme-retail',
    version: v,
    name: 'Acme Retail',
    publisher: 'Acme Support Ops',
    description: 'Returns, refunds, delivery',
    signerKeyId: null,
    installedAt: '2026-12-01T10:00:00.000Z',
    counts: { articles: 3, passages: 12, responses: 2, intents: 4, rules: 1 },
    embeddingModel: null,
    folder: `acme-retail/${v}`,
  });
  return { current: at(version), previous: previous ? at(previous) : null };
}

/** A promise the test settles by hand, to answer requests out of order. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

let fake: FakeApi;
let store: InloopStore;

beforeEach(() => {
  vi.useFakeTimers();
  fake = createFakeApi();
  store = createInloopStore(fake.api);
});

afterEach(() => {
  vi.useRealTimers();
});

const searches = () => fake.calls.filter((call) => call.channel === 'knowledge:search');

describe('search as the agent types', () => {
  it('keeps every keystroke at once and sends one search once typing pauses', async () => {
    fake.handle('knowledge:search', () => ok({ hits: [hit('Refunds')], mode: lexical, ms: 2 }));
    for (const text of ['r', 're', 'ref', 'refund']) store.getState().typeKnowledgeQuery(text);
    expect(store.getState().knowledgeQuery).toBe('refund');
    expect(searches()).toEqual([]);
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS);
    expect(searches()).toEqual([
      { channel: 'knowledge:search', payload: { query: 'refund', k: 8 } },
    ]);
    expect(store.getState().knowledgeSearch).toMatchObject({
      state: 'done',
      query: 'refund',
      hits: [{ title: 'Refunds' }],
    });
  });

  it('drops an answer that arrives after a newer search started', async () => {
    const slow = deferred<Result<unknown>>();
    fake.handle('knowledge:search', (payload) =>
      (payload as { query: string }).query === 'refund'
        ? slow.promise
        : ok({ hits: [hit('Delivery')], mode: lexical, ms: 1 }),
    );
    store.getState().typeKnowledgeQuery('refund');
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS);
    store.getState().typeKnowledgeQuery('delivery');
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS);
    slow.resolve(ok({ hits: [hit('Refunds')], mode: lexical, ms: 9 }));
    await vi.advanceTimersByTimeAsync(0);
    expect(store.getState().knowledgeSearch).toMatchObject({
      state: 'done',
      query: 'delivery',
      hits: [{ title: 'Delivery' }],
    });
  });

  it('clears the results when the box is emptied, even with a search in flight', async () => {
    const slow = deferred<Result<unknown>>();
    fake.handle('knowledge:search', () => slow.promise);
    store.getState().typeKnowledgeQuery('refund');
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS);
    store.getState().typeKnowledgeQuery('');
    slow.resolve(ok({ hits: [hit('Refunds')], mode: lexical, ms: 9 }));
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS);
    expect(store.getState().knowledgeSearch).toEqual({ state: 'idle' });
    expect(searches()).toHaveLength(1);
  });

  it('keeps the last answer on screen while the next search runs', async () => {
    const slow = deferred<Result<unknown>>();
    fake.handle('knowledge:search', (payload) =>
      (payload as { query: string }).query === 'refund'
        ? ok({ hits: [hit('Refunds')], mode: lexical, ms: 1 })
        : slow.promise,
    );
    store.getState().typeKnowledgeQuery('refund');
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS);
    store.getState().typeKnowledgeQuery('refund card');
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS);
    expect(store.getState().knowledgeSearch).toMatchObject({
      state: 'searching',
      query: 'refund card',
      last: { query: 'refund', hits: [{ title: 'Refunds' }] },
    });
  });

  it("keeps the service's message when a search fails", async () => {
    fake.handle('knowledge:search', () => fail('unavailable', 'the index is being rebuilt'));
    store.getState().typeKnowledgeQuery('refund');
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS);
    expect(store.getState().knowledgeSearch).toEqual({
      state: 'failed',
      query: 'refund',
      message: 'the index is being rebuilt',
    });
  });
});

describe('status and packs', () => {
  it('loads status and packs, and says why when the service is not there', async () => {
    await store.getState().loadKnowledge();
    expect(store.getState().knowledgeUnavailable).toBe('no fake for knowledge:status');
    expect(store.getState().notices).toEqual([]);
    fake.handle('knowledge:status', () => ok({ mode: lexical, packs: 1, passages: 12 }));
    fake.handle('packs:list', () => ok([pack('1.0.0')]));
    await store.getState().loadKnowledge();
    expect(store.getState().knowledgeUnavailable).toBeNull();
    expect(store.getState().knowledgeStatus).toMatchObject({ packs: 1, passages: 12 });
    expect(store.getState().packs.map((p) => p.current.version)).toEqual(['1.0.0']);
  });

  it('asks the shown search again when the packs change', async () => {
    let packs = 0;
    fake.handle('knowledge:search', () =>
      ok({ hits: packs ? [hit('Refunds')] : [], mode: lexical, ms: 1 }),
    );
    fake.handle('packs:list', () => ok(packs ? [pack('1.0.0')] : []));
    store.getState().typeKnowledgeQuery('refund');
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS);
    expect(store.getState().knowledgeSearch).toMatchObject({ hits: [] });
    packs = 1;
    store.getState().knowledgeChanged({ mode: lexical, packs: 1, passages: 12 });
    await vi.advanceTimersByTimeAsync(0);
    expect(store.getState().knowledgeSearch).toMatchObject({ hits: [{ title: 'Refunds' }] });
    expect(store.getState().packs).toHaveLength(1);
  });
});

describe('pack actions', () => {
  it('installs a file, shows busy meanwhile, and reloads the list after', async () => {
    const install = deferred<Result<unknown>>();
    fake.handle('packs:install', () => install.promise);
    fake.handle('knowledge:status', () => ok({ mode: lexical, packs: 1, passages: 12 }));
    fake.handle('packs:list', () => ok([pack('1.0.0')]));
    const done = store.getState().installPack({ fileName: 'acme.inloop', bytesBase64: 'AAAA' });
    expect(store.getState().packBusy).toEqual({ action: 'install', fileName: 'acme.inloop' });
    install.resolve(ok(pack('1.0.0')));
    expect((await done).ok).toBe(true);
    expect(store.getState().packBusy).toBeNull();
    expect(store.getState().packs).toHaveLength(1);
  });

  it("reports a refused install with the service's message, or leaves it to a quiet caller", async () => {
    fake.handle('packs:install', () =>
      fail('unauthorized', 'acme.inloop is signed by key 3f2a…, which is not a trusted publisher'),
    );
    await store.getState().installPack({ fileName: 'acme.inloop', bytesBase64: 'AAAA' });
    expect(store.getState().notices.map((n) => n.message)).toEqual([
      "Couldn't install the pack. acme.inloop is signed by key 3f2a…, which is not a trusted publisher",
    ]);
    store.getState().dismissNotice('request:install the pack');
    const quiet = await store
      .getState()
      .installPack({ fileName: 'acme.inloop', bytesBase64: 'AAAA' }, { quiet: true });
    expect(quiet.ok).toBe(false);
    expect(store.getState().notices).toEqual([]);
    expect(store.getState().packBusy).toBeNull();
  });

  it('removes and rolls back by id', async () => {
    fake.handle('packs:remove', () => ok([]));
    fake.handle('packs:rollback', () => ok(pack('1.0.0')));
    await store.getState().rollbackPack('acme-retail');
    await store.getState().removePack('acme-retail');
    expect(
      fake.calls.filter((c) => c.channel.startsWith('packs:') && c.channel !== 'packs:list'),
    ).toEqual([
      { channel: 'packs:rollback', payload: { id: 'acme-retail' } },
      { channel: 'packs:remove', payload: { id: 'acme-retail' } },
    ]);
  });
});
