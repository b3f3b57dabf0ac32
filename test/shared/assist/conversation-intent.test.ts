import { beforeAll, describe, expect, it } from 'vitest';
import { conversationIntent } from '../../../shared/assist/intent/conversation-intent';
import { buildIntentModel, type IntentModel } from '../../../shared/assist/intent/intent-model';
import { redact } from '../../../shared/assist/pii/redact';
import { examplePackIntents } from './example-pack-intents';

// Turns reach the engine redacted, as the assist service sends them.
const customer = (text: string) => ({ role: 'customer' as const, text: redact(text).text });
const agent = (text: string) => ({ role: 'agent' as const, text });

let model: IntentModel;
beforeAll(() => {
  model = buildIntentModel(examplePackIntents());
});

/** The answer, else the first candidate: what the agent sees first. */
const shown = (r: ReturnType<typeof conversationIntent>) => (r.intent ?? r.candidates[0])?.id;

describe('conversationIntent with the example pack', () => {
  it('finds the missing parcel in a real first message full of particulars', () => {
    const r = conversationIntent(model, [
      customer(
        "Hi, I'm Dana Whitfield. My parcel never arrived. The order number is 4417-2209 and the tracking hasn't moved since 3 March",
      ),
    ]);
    expect(shown(r)).toBe('shipping_issue.missing');
    expect((r.intent ?? r.candidates[0])!.confidence).toBeGreaterThan(0.5);
  });

  it('answers a clear request outright, with nothing to pick', () => {
    const r = conversationIntent(model, [
      customer('Your website is so slow today, pages take forever'),
    ]);
    expect(r.intent?.id).toBe('troubleshoot_site.slow_speed');
    expect(r.intent!.confidence).toBeGreaterThanOrEqual(model.calibration.confident);
    expect(r.candidates).toEqual([]);
  });

  it('asks with up to three candidates when the pack cannot tell (promo code refused)', () => {
    const r = conversationIntent(model, [
      customer("I tried the promo code SPRING20 at checkout and it says it's invalid"),
    ]);
    expect(r.intent).toBeNull();
    expect(r.candidates.length).toBeGreaterThan(0);
    expect(r.candidates.length).toBeLessThanOrEqual(3);
    expect(r.candidates.map((c) => c.id)).toContain('purchase_dispute.promo_code_invalid');
    const sum = r.candidates.reduce((s, c) => s + c.confidence, 0);
    expect(sum).toBeLessThanOrEqual(1 + 1e-9);
    for (let i = 1; i < r.candidates.length; i++)
      expect(r.candidates[i]!.confidence).toBeLessThanOrEqual(r.candidates[i - 1]!.confidence);
  });

  it('moves to the newest need when the customer changes topic', () => {
    const password = customer("I forgot my password and can't log in");
    expect(conversationIntent(model, [password]).intent?.id).toBe(
      'account_access.recover_password',
    );
    const r = conversationIntent(model, [
      password,
      agent("I've sent you a reset link, you should be able to log in now."),
      customer("thanks. Also, my refund still hasn't shown up"),
    ]);
    expect(r.intent?.id).not.toBe('account_access.recover_password');
    expect(shown(r)).toBe('product_defect.refund_status');
  });

  it('moves outright when the new need is clear', () => {
    const r = conversationIntent(model, [
      customer("I forgot my password and can't log in"),
      customer('also my card keeps getting declined at checkout'),
    ]);
    expect(r.intent?.id).toBe('troubleshoot_site.credit_card');
  });

  it('keeps the earlier intent through turns that state no need', () => {
    const turns = [
      customer("I forgot my password and can't log in"),
      agent('Can I have your username?'),
      customer("this is the third time I'm contacting you!"),
      customer('ok'),
    ];
    expect(conversationIntent(model, turns)).toEqual({
      intent: conversationIntent(model, turns.slice(0, 1)).intent,
      candidates: [],
    });
  });

  it('reads customer turns only; nothing without them or without a model', () => {
    expect(conversationIntent(model, [agent('Is your parcel missing?')])).toEqual({
      intent: null,
      candidates: [],
    });
    expect(conversationIntent(model, [])).toEqual({ intent: null, candidates: [] });
    expect(conversationIntent(null, [customer('my parcel never arrived')])).toEqual({
      intent: null,
      candidates: [],
    });
  });
});
