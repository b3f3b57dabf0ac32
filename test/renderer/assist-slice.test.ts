/** The assist slice: ordering of states, reply focus, feedback and the keyboard mapping. */
import { describe, expect, it } from 'vitest';
import { ok } from '../../shared/result';
import type { AssistState } from '../../shared/schemas/assist';
import { commandForKey } from '../../renderer/src/keyboard/shortcut-map';
import { createInloopStore } from '../../renderer/src/state/store';
import { createFakeApi } from './fake-api';

const state = (seq: number, conversationId = 'c1', replies = 3): AssistState => ({
  conversation: { id: conversationId, startedAt: 0, endedAt: null, endReason: null, turns: [] },
  suggestions: {
    intent: null,
    candidates: [],
    sentiment: { score: 0, trend: 'steady' },
    escalation: [],
    articles: [],
    replies: Array.from({ length: replies }, (_, i) => ({
      id: `r${i}`,
      text: `Reply ${i}`,
      source: 'canned' as const,
    })),
    nextActions: [],
    summary: { gist: '' },
    ms: 1,
  },
  seq,
  handoff: null,
  generation: null,
});

describe('assist slice', () => {
  it('never goes back to an older state of the same conversation', () => {
    const store = createInloopStore(createFakeApi().api);
    store.getState().applyAssist(state(5));
    store.getState().applyAssist(state(4));
    expect(store.getState().assist?.seq).toBe(5);
    // A new conversation (e.g. after a restart) starts over.
    store.getState().applyAssist(state(1, 'c2'));
    expect(store.getState().assist?.conversation?.id).toBe('c2');
  });

  it('moves the reply focus around the list and records thumbs with the reply id', async () => {
    const fake = createFakeApi();
    fake.handle('assist:feedback', () => ok({ recorded: true }));
    const store = createInloopStore(fake.api);
    store.getState().applyAssist(state(1));
    store.getState().moveReplyFocus(-1);
    expect(store.getState().focusedReply).toBe(2);
    store.getState().moveReplyFocus(1);
    expect(store.getState().focusedReply).toBe(0);
    const reply = store.getState().assist!.suggestions!.replies[0]!;
    await store.getState().thumbReply(reply, 'down');
    expect(store.getState().replyThumbs).toEqual({ r0: 'down' });
    expect(fake.calls.at(-1)).toEqual({
      channel: 'assist:feedback',
      payload: { kind: 'thumbs-down', target: 'reply', id: 'r0', text: 'Reply 0' },
    });
  });
});

describe('assist keys', () => {
  const press = (key: string, extra: Partial<Parameters<typeof commandForKey>[0]> = {}) =>
    commandForKey({
      key,
      code: '',
      altKey: false,
      ctrlKey: false,
      metaKey: false,
      shiftKey: false,
      inTextField: false,
      ...extra,
    });

  it('maps c, j/k, +/- and Space, but not while typing', () => {
    expect(press('c')).toEqual({ kind: 'copy-reply' });
    expect(press('C', { code: 'KeyC', ctrlKey: true, shiftKey: true, inTextField: true })).toEqual({
      kind: 'copy-reply',
    });
    expect(press('j')).toEqual({ kind: 'move-suggestion', direction: 1 });
    expect(press('ArrowUp')).toEqual({ kind: 'move-suggestion', direction: -1 });
    expect(press('+')).toEqual({ kind: 'thumb-reply', thumb: 'up' });
    expect(press('-')).toEqual({ kind: 'thumb-reply', thumb: 'down' });
    expect(press(' ')).toEqual({ kind: 'toggle-step' });
    expect(press(' ', { onControl: true })).toBeNull();
    expect(press('c', { inTextField: true })).toBeNull();
  });
});
