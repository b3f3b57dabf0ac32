import { describe, expect, it } from 'vitest';
import { detectIntent, rankIntent } from '../../../shared/assist/intent/detect-intent';
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

const customer = (text: string) => ({ role: 'customer' as const, text });

describe('detectIntent', () => {
  const model = buildIntentModel(INTENTS);

  it('finds the intent of unseen wordings, typos included', () => {
    expect(detectIntent(model, [customer('my refund still hasnt come through')])?.id).toBe(
      'refund_status',
    );
    expect(detectIntent(model, [customer('i forgot my pasword, cant login')])?.id).toBe(
      'reset_password',
    );
    expect(detectIntent(model, [customer('please stop my monthly subscription')])?.id).toBe(
      'cancel_subscription',
    );
  });

  it('answers "no intent" for an out-of-scope message instead of the nearest intent', () => {
    expect(
      detectIntent(model, [customer('what is the weather like in Paris tomorrow')]),
    ).toBeNull();
    expect(detectIntent(model, [customer('hello')])).toBeNull();
  });

  it('gives a confidence in [0, 1], higher for a clear match', () => {
    const clear = rankIntent(model, [customer('how do I reset my password')])!;
    const vague = rankIntent(model, [customer('it is about my account')])!;
    expect(clear.confidence).toBeGreaterThan(vague.confidence);
    for (const r of [clear, vague]) {
      expect(r.confidence).toBeGreaterThanOrEqual(0);
      expect(r.confidence).toBeLessThanOrEqual(1);
    }
  });

  it('reads the latest customer turns, newest first, and ignores agent turns', () => {
    const turns = [
      customer('I forgot my password last week'),
      {
        role: 'agent' as const,
        text: 'I can help you cancel your subscription or reset a password',
      },
      customer('sorted that, but now where is my refund'),
    ];
    expect(detectIntent(model, turns)?.id).toBe('refund_status');
    // A content-free latest turn keeps the earlier intent.
    expect(
      detectIntent(model, [customer('I want to cancel my subscription'), customer('yes please')])
        ?.id,
    ).toBe('cancel_subscription');
  });

  it('returns null without customer turns', () => {
    expect(detectIntent(model, [])).toBeNull();
    expect(detectIntent(model, [{ role: 'agent', text: 'where is my refund' }])).toBeNull();
  });

  it('mixes in embedding similarity when vectors are given', () => {
    const text = 'money back please';
    const lexical = rankIntent(model, [customer(text)])!;
    const vec = (x: number) => Float32Array.from([x, 1 - x, 0]);
    const exampleVectors = [
      { intentId: 'refund_status', vector: vec(0) },
      { intentId: 'cancel_subscription', vector: vec(1) },
    ];
    const withVectors = rankIntent(model, [customer(text)], {
      queryVector: vec(1),
      exampleVectors,
    })!;
    expect(withVectors.id).toBe('cancel_subscription');
    expect(lexical.id).toBe('refund_status');
  });

  it('rejects a pack without intents or examples', () => {
    expect(() => buildIntentModel([])).toThrow(/at least one intent/);
    expect(() => buildIntentModel([{ id: 'x', description: 'x', examples: [] }])).toThrow(
      /no examples/,
    );
  });
});
