import { describe, expect, it } from 'vitest';
import { classifyMessage, rankMessage } from '../../../shared/assist/intent/detect-intent';
import { buildIntentModel } from '../../../shared/assist/intent/intent-model';

const INTENTS = [
  {
    id: 'refund_status',
    description: 'Where is my refund',
    examples: [
      'where is my refund',
      'I still have not received my refund',
      'when will I get my money back',
      'how long does a refund take',
      'my refund has not arrived yet',
      'has my refund been processed',
    ],
  },
  {
    id: 'reset_password',
    description: 'Reset a forgotten password',
    examples: [
      'I forgot my password',
      'how do I reset my password',
      'I cannot log in, password not accepted',
      'reset password link not working',
      'locked out of my account after wrong password',
      'change my login password',
    ],
  },
  {
    id: 'cancel_subscription',
    description: 'Cancel a subscription',
    examples: [
      'I want to cancel my subscription',
      'how do I stop my membership',
      'please cancel my plan',
      'end my subscription at the end of the month',
      'stop charging me every month',
      'unsubscribe me from the paid plan',
    ],
  },
];

describe('classifyMessage', () => {
  const model = buildIntentModel(INTENTS);

  it('ranks the right intent first for unseen wordings, typos included', () => {
    expect(rankMessage(model, 'my refund still hasnt come through')[0]?.id).toBe('refund_status');
    expect(rankMessage(model, 'i forgot my pasword, cant login')[0]?.id).toBe('reset_password');
    expect(rankMessage(model, 'please stop my monthly subscription')[0]?.id).toBe(
      'cancel_subscription',
    );
  });

  it('gives no intent for an out-of-scope message, and no candidate worth a key for "hello"', () => {
    expect(classifyMessage(model, 'what is the weather like in Paris tomorrow').intent).toBeNull();
    const hello = classifyMessage(model, 'hello');
    expect(hello.intent).toBeNull();
    for (const c of hello.candidates) expect(c.confidence).toBeLessThan(0.5);
  });

  it('gives probabilities in [0, 1], higher for a clear match than a vague one', () => {
    const clear = rankMessage(model, 'how do I reset my password')[0]!;
    const vague = rankMessage(model, 'it is about my account')[0]!;
    expect(clear.confidence).toBeGreaterThan(vague.confidence);
    for (const r of [...rankMessage(model, 'how do I reset my password'), vague]) {
      expect(r.confidence).toBeGreaterThanOrEqual(0);
      expect(r.confidence).toBeLessThanOrEqual(1);
    }
  });

  it('answers only at or above the confident level; below it, at most three candidates', () => {
    for (const text of ['how do I reset my password', 'money please', 'my account', 'stop']) {
      const r = classifyMessage(model, text);
      if (r.intent) {
        expect(r.intent.confidence).toBeGreaterThanOrEqual(model.calibration.confident);
        expect(r.candidates).toEqual([]);
      } else {
        expect(r.candidates.length).toBeLessThanOrEqual(3);
        const sum = r.candidates.reduce((s, c) => s + c.confidence, 0);
        expect(sum).toBeLessThanOrEqual(1 + 1e-9);
      }
    }
  });

  it('learns wordings the agents confirmed (learned examples by intent id)', () => {
    const text = 'the cash for the jumper I posted back';
    const learned = new Map([
      ['refund_status', ['the cash for the shoes I posted back', 'cash for my posted back parcel']],
      ['no_such_intent', ['ignored']],
    ]);
    const before = rankMessage(model, text).find((g) => g.id === 'refund_status');
    const after = rankMessage(buildIntentModel(INTENTS, learned), text)[0]!;
    expect(after.id).toBe('refund_status');
    expect(after.confidence).toBeGreaterThan(before?.confidence ?? 0);
  });

  it('is deterministic: the same pack builds the same calibration', () => {
    expect(buildIntentModel(INTENTS).calibration).toEqual(model.calibration);
  });

  it('rejects a pack without intents or examples', () => {
    expect(() => buildIntentModel([])).toThrow(/at least one intent/);
    expect(() => buildIntentModel([{ id: 'x', description: 'x', examples: [] }])).toThrow(
      /no examples/,
    );
  });
});
