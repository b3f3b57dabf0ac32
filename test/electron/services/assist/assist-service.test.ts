/**
 * The assist service with the real engine (the pure functions), a real in-memory index over a
 * small pack, and a real feedback log in a temp folder.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AssistState } from '../../../../shared/schemas/assist';
import {
  createIndexKnowledge,
  type AssistKnowledge,
} from '../../../../electron/services/assist/assist-knowledge';
import { AssistService } from '../../../../electron/services/assist/assist-service';
import { FeedbackLog, readFeedback } from '../../../../electron/services/assist/feedback-log';
import { EventBus } from '../../../../electron/services/core/event-bus';
import { retailPack } from './fixture-pack';

let dir: string;
let recording: boolean;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'inloop-assist-'));
  recording = true;
});
afterEach(async () => {
  vi.useRealTimers();
  await rm(dir, { recursive: true, force: true });
});

function makeService(knowledge: AssistKnowledge = createIndexKnowledge([retailPack]), idle = 15) {
  const bus = new EventBus();
  const updates: AssistState[] = [];
  bus.subscribe((event, payload) => {
    if (event === 'assist:updated') updates.push(payload as AssistState);
  });
  const feedback = FeedbackLog.in(dir, () => recording);
  const service = new AssistService({
    bus,
    knowledge,
    feedback,
    idleTimeoutMinutes: () => idle,
  });
  return { service, updates, feedback };
}

const customer = (text: string) => ({ role: 'customer' as const, text, source: 'typed' as const });
const agent = (text: string) => ({ role: 'agent' as const, text, source: 'typed' as const });

describe('AssistService', () => {
  it('suggests for a customer turn: intent, checklist, a filled reply, cited articles', async () => {
    const { service, updates } = makeService();
    await service.addTurn(
      customer('Hi, this is Jane Smith. Where is my order 12345678? It has not arrived.'),
    );
    const state = service.getState();
    expect(state.suggestions?.intent?.id).toBe('order_status');
    expect(state.suggestions?.nextActions.map((s) => s.id)).toEqual(['verify', 'track']);
    const reply = state.suggestions?.replies.find((r) => r.id === 'order-status');
    expect(reply?.text).toContain('12345678');
    expect(state.suggestions?.articles[0]?.articleId).toBe('orders/where-is-my-order');
    expect(updates.at(-1)?.seq).toBe(state.seq);
  });

  it('keeps the original text on the screen and redacts what it stores, names included', async () => {
    const { service } = makeService();
    await service.addTurn(
      customer("I'm Jane Smith, my email is jane.smith@example.com, where is my order 12345678?"),
    );
    const text = service.getState().conversation?.turns[0]?.text ?? '';
    expect(text).toContain('jane.smith@example.com');
    expect(
      service.redactForStorage('Thanks Jane, order 12345678 goes to jane.smith@example.com'),
    ).toBe('Thanks [NAME], order [ORDER] goes to [EMAIL]');
  });

  it('raises an escalation flag naming its reason and turn', async () => {
    const { service } = makeService();
    await service.addTurn(customer('Where is my order?'));
    await service.addTurn(agent('Let me check that for you.'));
    await service.addTurn(customer('This is a joke, I will file a chargeback and call my lawyer.'));
    const flags = service.getState().suggestions?.escalation ?? [];
    expect(flags.map((f) => f.reason)).toEqual(expect.arrayContaining(['Chargeback threat']));
    expect(flags.every((f) => f.turn === 2)).toBe(true);
  });

  it('drops the suggestion for an older turn when a newer one arrived meanwhile', async () => {
    const real = createIndexKnowledge([retailPack]);
    let release: () => void = () => undefined;
    let calls = 0;
    const slowFirst: AssistKnowledge = {
      content: () => real.content(),
      searchTurns: async (turns, k) => {
        calls += 1;
        if (calls === 1) await new Promise<void>((resolve) => (release = resolve));
        return real.searchTurns(turns, k);
      },
    };
    const { service, updates } = makeService(slowFirst);
    const first = service.addTurn(customer('Where is my order?'));
    await service.addTurn(customer('Actually, I want a refund for it.'));
    release();
    await first;
    const withSuggestions = updates.filter((u) => u.suggestions !== null);
    // Only the newer turn's suggestions were published; the older one's were dropped.
    expect(withSuggestions).toHaveLength(1);
    expect(service.getState().suggestions?.intent?.id).toBe('refund');
  });

  it('lets the agent tick a step and keeps the tick across turns', async () => {
    const { service } = makeService();
    await service.addTurn(customer('Where is my order? It never came.'));
    service.setStep('track', true);
    await service.addTurn(customer('It was meant to arrive on Monday.'));
    const track = service.getState().suggestions?.nextActions.find((s) => s.id === 'track');
    expect(track).toMatchObject({ done: true });
    expect(() => service.setStep('nope', true)).toThrow(/no step 'nope'/);
  });

  it('keeps the intent the agent picked, labelled, from then on, and logs the pick', async () => {
    const { service, feedback } = makeService();
    await service.addTurn(customer('Where is my order? It never came.'));
    expect(service.getState().suggestions).toMatchObject({
      intent: { id: 'order_status', by: 'engine' },
      candidates: [],
    });
    const picked = await service.pickIntent('refund');
    expect(picked.suggestions?.intent).toMatchObject({
      id: 'refund',
      label: 'Refund',
      by: 'agent',
    });
    expect(picked.suggestions?.nextActions.map((s) => s.id)).toEqual(['return']);
    await service.addTurn(customer('It was meant to arrive on Monday, where is my parcel?'));
    expect(service.getState().suggestions?.intent).toMatchObject({ id: 'refund', by: 'agent' });
    await expect(service.pickIntent('nope')).rejects.toThrow(/no.*intent 'nope'/i);
    const records = await readFeedback(feedback.path);
    expect(records.filter((r) => r.kind === 'picked')).toMatchObject([
      { kind: 'picked', target: 'intent', id: 'refund' },
    ]);
  });

  it('"none of these" clears the intent until the customer says more', async () => {
    const { service } = makeService();
    await service.addTurn(customer('Where is my order? It never came.'));
    const none = await service.pickIntent(null);
    expect(none.suggestions).toMatchObject({ intent: null, candidates: [] });
    expect(none.suggestions?.nextActions).toEqual([]);
    await service.addTurn(customer('I want a refund, give me my money back.'));
    expect(service.getState().suggestions?.intent?.id).toBe('refund');
  });

  it('keeps a dismissed flag quiet for the rest of the conversation, and logs it', async () => {
    const { service, feedback } = makeService();
    await service.addTurn(customer('Is a chargeback the same as a refund?'));
    expect(service.getState().suggestions?.escalation.map((f) => f.ruleId)).toEqual(['chargeback']);
    const after = await service.dismissFlag('chargeback');
    expect(after.suggestions?.escalation).toEqual([]);
    await service.addTurn(customer('I mean a chargeback through my card, how does it work?'));
    expect(service.getState().suggestions?.escalation).toEqual([]);
    await expect(service.dismissFlag('legal')).rejects.toThrow(/no flag/i);
    const records = await readFeedback(feedback.path);
    expect(records.filter((r) => r.kind === 'dismissed')).toMatchObject([
      { kind: 'dismissed', target: 'flag', id: 'chargeback', position: 0 },
    ]);
    // A new conversation starts with every rule awake again.
    service.start();
    await service.addTurn(customer('I will file a chargeback.'));
    expect(service.getState().suggestions?.escalation.map((f) => f.ruleId)).toEqual(['chargeback']);
  });

  it('logs feedback redacted, measures the edit of a copied reply, and stops when recording is off', async () => {
    const { service, feedback } = makeService();
    await service.addTurn(customer('Where is my order? Mail me at a.b@example.com'));
    await service.feedback({
      kind: 'copied',
      target: 'reply',
      id: 'order-status',
      text: 'It is on its way, a.b@example.com',
    });
    await service.addTurn(agent('It is on its way now, [EMAIL]'));
    const records = await readFeedback(feedback.path);
    expect(JSON.stringify(records)).not.toContain('a.b@example.com');
    expect(records.map((r) => r.kind)).toEqual(['assessed', 'copied', 'edited']);
    const edited = records.find((r) => r.kind === 'edited');
    expect(edited).toMatchObject({ id: 'order-status', distance: 4 });
    recording = false;
    expect(
      await service.feedback({ kind: 'thumbs-up', target: 'reply', id: 'order-status' }),
    ).toEqual({
      recorded: false,
    });
    expect((await readFile(feedback.path, 'utf8')).trim().split('\n')).toHaveLength(3);
  });

  it('ends on the idle timeout with a handoff summary, and the next turn starts a new conversation', async () => {
    vi.useFakeTimers();
    const { service } = makeService(undefined, 1);
    await service.addTurn(customer('Where is my order? It has not arrived.'));
    const firstId = service.getState().conversation?.id;
    vi.advanceTimersByTime(60_000);
    const ended = service.getState();
    expect(ended.conversation?.endReason).toBe('idle');
    expect(ended.handoff?.intent).toBe('Order status');
    await service.addTurn(customer('Hello again'));
    expect(service.getState().conversation?.id).not.toBe(firstId);
    expect(service.getState().conversation?.turns).toHaveLength(1);
  });

  it('writes a handoff summary with plain text for the helpdesk', async () => {
    const { service } = makeService();
    await service.addTurn(
      customer('Hi, my name is Jane Smith. My order 12345678 has not arrived.'),
    );
    const { summary, text } = service.handoff();
    expect(summary.intent).toBeTruthy();
    expect(text).toContain('12345678');
    expect(service.getState().handoff).toEqual(summary);
  });

  it('gives the same answer for a whole conversation as the live path', async () => {
    const { service } = makeService();
    const turns = [
      { role: 'customer' as const, text: 'I want a refund, when will I get my money back?' },
    ];
    const once = await service.assessOnce(turns);
    await service.addTurn(customer(turns[0]!.text));
    const live = service.getState().suggestions!;
    expect({ ...once, ms: 0 }).toEqual({ ...live, ms: 0 });
  });
});
