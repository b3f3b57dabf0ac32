/**
 * The assist slice: ordering of states, the highlight that follows a reply across re-ranks,
 * whose turn the composer types, the one-key decisions sent to the services, feedback with
 * ranks, filled blanks, and the keyboard mapping.
 */
import { describe, expect, it } from 'vitest';
import { ok } from '../../shared/result';
import type { AssistState, ReplySuggestion } from '../../shared/schemas/assist';
import { commandForKey, type KeyPress } from '../../renderer/src/keyboard/shortcut-map';
import {
  fillBlanks,
  followHighlight,
  highlightedReply,
  movedHighlight,
  replyKey,
} from '../../renderer/src/state/reply-focus';
import { createInloopStore } from '../../renderer/src/state/store';
import { createFakeApi } from './fake-api';

const reply = (id: string): ReplySuggestion => ({ id, text: `Reply ${id}`, source: 'canned' });

const state = (
  seq: number,
  conversationId = 'c1',
  replies: ReplySuggestion[] = ['r0', 'r1', 'r2'].map(reply),
): AssistState => ({
  conversation: { id: conversationId, startedAt: 0, endedAt: null, endReason: null, turns: [] },
  suggestions: {
    intent: null,
    candidates: [],
    sentiment: { score: 0, trend: 'steady' },
    escalation: [],
    articles: [],
    replies,
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

  it('keeps the highlight on the same reply when the list re-ranks, back to the top when it goes', () => {
    const store = createInloopStore(createFakeApi().api);
    store.getState().applyAssist(state(1));
    store.getState().moveReplyFocus(1);
    expect(store.getState().focusedReplyKey).toBe('r1');
    store.getState().applyAssist(state(2, 'c1', ['r2', 'r1', 'r0'].map(reply)));
    const replies = store.getState().assist!.suggestions!.replies;
    expect(highlightedReply(replies, store.getState().focusedReplyKey)).toMatchObject({
      index: 1,
      reply: { id: 'r1' },
    });
    store.getState().applyAssist(state(3, 'c1', ['r2', 'r0'].map(reply)));
    expect(store.getState().focusedReplyKey).toBeNull();
    expect(highlightedReply(store.getState().assist!.suggestions!.replies, null)?.reply.id).toBe(
      'r2',
    );
  });

  it('records thumbs and copies with the reply id and its rank', async () => {
    const fake = createFakeApi();
    fake.handle('assist:feedback', () => ok({ recorded: true }));
    const store = createInloopStore(fake.api);
    store.getState().applyAssist(state(1));
    const second = store.getState().assist!.suggestions!.replies[1]!;
    await store.getState().thumbReply(second, 'down', 1);
    expect(store.getState().replyThumbs).toEqual({ r1: 'down' });
    expect(fake.calls.at(-1)).toEqual({
      channel: 'assist:feedback',
      payload: { kind: 'thumbs-down', target: 'reply', id: 'r1', text: 'Reply r1', position: 1 },
    });
    await store.getState().noteReplyCopied(second, 'Reply r1, filled', 1);
    expect(store.getState().copiedReply).toEqual({ key: 'r1', text: 'Reply r1, filled' });
    expect(fake.calls.at(-1)?.payload).toMatchObject({ kind: 'copied', text: 'Reply r1, filled' });
  });

  it('starts every conversation as the customer, and goes back to them after the agent speaks', async () => {
    const fake = createFakeApi();
    fake.handle('assist:add-turn', () => ok(state(2)));
    const store = createInloopStore(fake.api);
    store.getState().applyAssist(state(1));
    store.getState().switchSpeaker();
    expect(store.getState().composerRole).toBe('agent');
    expect(await store.getState().addTurn('agent', 'Sorry about that')).toBe(true);
    expect(fake.calls.at(-1)).toEqual({
      channel: 'assist:add-turn',
      payload: { role: 'agent', text: 'Sorry about that' },
    });
    expect(store.getState().composerRole).toBe('customer');
    store.getState().setComposerRole('agent');
    store.getState().applyAssist(state(1, 'c2'));
    expect(store.getState().composerRole).toBe('customer');
  });

  it('sends the one-key decisions to their channels and shows the answer', async () => {
    const fake = createFakeApi();
    fake.handle('assist:pick-intent', () => ok(state(2)));
    fake.handle('assist:dismiss-flag', () => ok(state(3)));
    fake.handle('assist:set-step', () => ok(state(4)));
    const store = createInloopStore(fake.api);
    store.getState().applyAssist(state(1));
    await store.getState().pickIntent('refund');
    await store.getState().pickIntent(null);
    await store
      .getState()
      .dismissFlag({ reason: 'Chargeback', severity: 'high', turn: 0, ruleId: 'cb' });
    await store
      .getState()
      .decideStep({ id: 's1', text: 'Ask', done: false, suggested: true }, false);
    expect(fake.calls.map((call) => [call.channel, call.payload])).toEqual([
      ['assist:pick-intent', { intentId: 'refund' }],
      ['assist:pick-intent', { intentId: null }],
      ['assist:dismiss-flag', { ruleId: 'cb' }],
      ['assist:set-step', { stepId: 's1', done: false }],
    ]);
    expect(store.getState().assist?.seq).toBe(4);
  });
});

describe('reply focus helpers', () => {
  const replies = ['a', 'b', 'c'].map(reply);

  it('moves around the list, wrapping at both ends', () => {
    expect(movedHighlight(replies, null, 1)).toBe('b');
    expect(movedHighlight(replies, 'c', 1)).toBe('a');
    expect(movedHighlight(replies, 'a', -1)).toBe('c');
    expect(movedHighlight([], null, 1)).toBeNull();
  });

  it('keys snippets by their article, and follows only a reply still offered', () => {
    expect(
      replyKey({
        text: 'x',
        source: 'snippet',
        citations: [{ articleId: 'a1', title: 'A', packId: 'p' }],
      }),
    ).toBe('snippet:a1');
    expect(followHighlight(replies, 'b')).toBe('b');
    expect(followHighlight(replies, 'z')).toBeNull();
  });

  it('fills every blank with what the agent typed, and refuses while one is empty', () => {
    const blanks = [
      { name: 'amount', label: 'amount' },
      { name: 'order_id', label: 'order id' },
    ];
    const text = 'A refund of $[amount] for order [order id] ([order id]).';
    expect(fillBlanks(text, blanks, { amount: '59.90' })).toBeNull();
    expect(fillBlanks(text, blanks, { amount: ' $59.90 ', order_id: '4417' })).toBe(
      'A refund of $59.90 for order 4417 (4417).',
    );
  });
});

describe('assist keys', () => {
  const press = (key: string, extra: Partial<KeyPress> = {}) =>
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

  it('acts on replies with c, j/k and +/- only inside the Replies panel', () => {
    const inReplies = { region: 'replies' as const };
    expect(press('c', inReplies)).toEqual({ kind: 'copy-reply' });
    expect(press('j', inReplies)).toEqual({ kind: 'move-suggestion', direction: 1 });
    expect(press('ArrowUp', inReplies)).toEqual({ kind: 'move-suggestion', direction: -1 });
    expect(press('+', inReplies)).toEqual({ kind: 'thumb-reply', thumb: 'up' });
    expect(press('-', inReplies)).toEqual({ kind: 'thumb-reply', thumb: 'down' });
    for (const region of ['knowledge', 'conversation', null] as const) {
      expect(press('c', { region })).toBeNull();
      expect(press('ArrowDown', { region })).toBeNull();
    }
    expect(press('c', { region: 'replies', inTextField: true })).toBeNull();
    // Ctrl+Shift+C copies from anywhere, even a text field (only a visible reply: see the runner).
    expect(press('C', { code: 'KeyC', ctrlKey: true, shiftKey: true, inTextField: true })).toEqual({
      kind: 'copy-reply',
    });
  });

  it('decides in one key: 1-3 and 0 pick, y/n answer a suggested step, Space ticks', () => {
    expect(press('1', { code: 'Digit1' })).toEqual({ kind: 'pick-intent', choice: 1 });
    expect(press('0', { code: 'Numpad0' })).toEqual({ kind: 'pick-intent', choice: 0 });
    expect(press('4', { code: 'Digit4' })).toBeNull();
    expect(press('1', { code: 'Digit1', inTextField: true })).toBeNull();
    expect(press('y')).toEqual({ kind: 'decide-step', done: true });
    expect(press('n')).toEqual({ kind: 'decide-step', done: false });
    expect(press(' ')).toEqual({ kind: 'toggle-step' });
    expect(press(' ', { onControl: true })).toBeNull();
  });

  it('switches the speaker with Alt+S, even while typing', () => {
    expect(press('s', { code: 'KeyS', altKey: true, inTextField: true })).toEqual({
      kind: 'switch-speaker',
    });
    expect(press('s', { code: 'KeyS', altKey: true, ctrlKey: true })).toBeNull();
  });
});
