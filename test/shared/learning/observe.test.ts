/** Learning from feedback records: replies, intents, flags, counted as a team lead expects. */
import { describe, expect, it } from 'vitest';
import { adjustSuggestions } from '../../../shared/learning/assist-learning';
import { learnedExamples, NO_INTENT } from '../../../shared/learning/intent-examples';
import { emptyLearnedState, type LearnedState } from '../../../shared/learning/learned-state';
import { observeRecord, type ObservedContext } from '../../../shared/learning/observe';
import type { EscalationFlag, ReplySuggestion } from '../../../shared/schemas/assist';

const turns = [{ role: 'customer' as const, text: 'The courier left my box at the wrong house' }];
const replies: ReplySuggestion[] = [
  { id: 'sorry', text: 'Sorry about that.', source: 'canned', title: 'Sorry' },
  { id: 'resend', text: 'I will send a new one today.', source: 'canned', title: 'Resend' },
];
const flag: EscalationFlag = { reason: 'Churn risk', severity: 'high', turn: 0, ruleId: 'churn' };
const context = (
  intent: string | null = null,
): Omit<ObservedContext, 'packs'> & { packs: string[] } => ({
  turns,
  suggestions: {
    intent: intent ? { id: intent } : null,
    articles: [],
    replies,
    escalation: [flag],
  },
  packs: ['acme@1.0.0'],
});

let at = Date.parse('2026-11-02T10:00:00Z');
function conversation(state: LearnedState, id: string, decide: (c: string) => void) {
  observeRecord(
    state,
    { kind: 'assessed', at: ++at, conversationId: id, escalations: ['Churn risk'] },
    context(),
  );
  observeRecord(
    state,
    { kind: 'assessed', at: ++at, conversationId: id, escalations: [] },
    context(),
  );
  decide(id);
}

describe('observing the feedback log', () => {
  it('counts a reply shown once per conversation, and a copy that was never sent as no acceptance', () => {
    const state = emptyLearnedState();
    conversation(state, 'a', (c) =>
      observeRecord(
        state,
        { kind: 'copied', target: 'reply', id: 'sorry', at, conversationId: c },
        context(),
      ),
    );
    expect(state.replies.get('sorry')).toMatchObject({ shown: 1, copied: 1, sent: 0 });
    expect(state.days[0]).toMatchObject({
      conversations: 1,
      escalated: 1,
      replyShown: 2,
      replySent: 0,
    });
  });

  it('ranks replies by what agents send, and offers the rewrite agents keep sending', () => {
    const state = emptyLearnedState();
    const rewrite = 'So sorry, I will send a replacement today at no cost.';
    for (const id of ['a', 'b', 'c']) {
      conversation(state, id, (c) => {
        observeRecord(
          state,
          { kind: 'copied', target: 'reply', id: 'resend', at, conversationId: c },
          context(),
        );
        observeRecord(
          state,
          { kind: 'edited', id: 'resend', ratio: 0.45, text: rewrite, at, conversationId: c },
          context(),
        );
      });
    }
    const adjusted = adjustSuggestions(state, { replies, escalation: [] }).replies;
    expect(adjusted.map((r) => r.id)).toEqual(['resend', 'sorry']);
    expect(adjusted[0]!.text).toBe(rewrite);
  });

  it('never offers a rewrite holding a redaction mask, and needs it in three conversations', () => {
    const state = emptyLearnedState();
    const masked = 'Sent to [EMAIL] just now.';
    for (const id of ['a', 'b', 'c']) {
      conversation(state, id, (c) => {
        observeRecord(
          state,
          { kind: 'copied', target: 'reply', id: 'sorry', at, conversationId: c },
          context(),
        );
        observeRecord(
          state,
          { kind: 'edited', id: 'sorry', ratio: 0.6, text: masked, at, conversationId: c },
          context(),
        );
      });
    }
    const shown = adjustSuggestions(state, { replies, escalation: [] }).replies;
    expect(shown.find((r) => r.id === 'sorry')!.text).toBe('Sorry about that.');
  });

  it('turns an intent pick into an example of the picked intent and counts the correction', () => {
    const state = emptyLearnedState();
    conversation(state, 'a', (c) =>
      observeRecord(
        state,
        { kind: 'picked', target: 'intent', id: 'delivery', at, conversationId: c },
        context('refund'),
      ),
    );
    conversation(state, 'b', (c) =>
      observeRecord(
        state,
        { kind: 'picked', target: 'intent', id: NO_INTENT, at, conversationId: c },
        context('refund'),
      ),
    );
    expect(learnedExamples(state).get('delivery')).toEqual([turns[0]!.text]);
    expect([...state.corrections]).toEqual([
      ['refund\u0000delivery', 1],
      ['refund\u0000', 1],
    ]);
  });

  it('lowers a rule that agents keep dismissing by a severity step at a time, never hiding it', () => {
    const state = emptyLearnedState();
    const dismiss = (id: string) =>
      conversation(state, id, (c) =>
        observeRecord(
          state,
          { kind: 'dismissed', target: 'flag', id: 'churn', at, conversationId: c },
          context(),
        ),
      );
    dismiss('a');
    expect(
      adjustSuggestions(state, { replies: [], escalation: [flag] }).escalation[0]!.severity,
    ).toBe('high');
    for (const id of ['b', 'c']) dismiss(id);
    expect(
      adjustSuggestions(state, { replies: [], escalation: [flag] }).escalation[0]!.severity,
    ).toBe('medium');
    for (const id of ['d', 'e', 'f', 'g', 'h']) dismiss(id);
    const weighed = adjustSuggestions(state, { replies: [], escalation: [flag] }).escalation;
    expect(weighed).toHaveLength(1);
    expect(weighed[0]!.severity).toBe('low');
  });
});
