import { describe, expect, it } from 'vitest';
import {
  detectIntent,
  intentConfidence,
  rankIntent,
} from '../../../shared/assist/intent/detect-intent';
import { vectorize } from '../../../shared/assist/intent/features';
import { buildIntentModel } from '../../../shared/assist/intent/intent-model';
import { charCoverage } from '../../../shared/assist/intent/score-intents';

const INTENTS = [
  {
    id: 'card_declined',
    description: 'Card declined',
    examples: [
      'my card was declined',
      'why did my card get declined at the store',
      'the payment with my card was refused',
      'card keeps getting declined online',
    ],
  },
  {
    id: 'order_status',
    description: 'Where is my order',
    examples: [
      'where is my order',
      'has my order shipped yet',
      'track my order please',
      'when will my order arrive',
    ],
  },
];

const customer = (text: string) => ({ role: 'customer' as const, text });
const model = buildIntentModel(INTENTS);
const coverage = (text: string) =>
  charCoverage(model.vectorizer, model.centroidIndex, vectorize(model.vectorizer, text), 2);

describe('charCoverage', () => {
  it('is 1 for a message made of one intent example, 0 for words no example has', () => {
    expect(coverage('track my order please')[1]).toBeCloseTo(1, 5);
    expect(coverage('zyxq wvut')[0]).toBe(0);
    expect(coverage('zyxq wvut')[1]).toBe(0);
  });

  it('drops when the message adds rare words the intent never uses', () => {
    const plain = coverage('where is my order')[1]!;
    const offTopic = coverage('where is my order of the planets in the solar system')[1]!;
    expect(offTopic).toBeLessThan(plain * 0.6);
    // The other intent's examples share "my" and "the", not "order": it covers less.
    expect(coverage('where is my order')[0]!).toBeLessThan(plain);
  });
});

describe('intentConfidence', () => {
  const options = { temperature: 0.05, minScore: 0.2 };
  it('is high for a clear, well-covered winner and falls with coverage', () => {
    const mixed = Float32Array.from([0.8, 0.1]);
    const full = intentConfidence(mixed, 0, 1, options);
    expect(full).toBeGreaterThan(0.99);
    expect(intentConfidence(mixed, 0, 0.1, options)).toBeLessThan(full * 0.5);
  });

  it('is low when two intents score alike, however well they match', () => {
    const tie = intentConfidence(Float32Array.from([0.8, 0.79]), 0, 1, options);
    expect(tie).toBeLessThan(0.6);
  });
});

describe('rejecting out-of-scope messages', () => {
  it('answers "no intent" for an off-topic question that shares a phrase with an intent', () => {
    const ranked = rankIntent(model, [customer('where is the nearest volcano to visit')])!;
    const inScope = rankIntent(model, [customer('where is my parcel order')])!;
    expect(ranked.coverage).toBeLessThan(inScope.coverage);
    expect(detectIntent(model, [customer('where is the nearest volcano to visit')])).toBeNull();
    expect(detectIntent(model, [customer('where is my parcel order')])?.id).toBe('order_status');
  });

  it('keeps the coverage of the turn that carries the intent over a content-free reply', () => {
    const named = customer('my card was declined at the till');
    const ranked = rankIntent(model, [named, customer('yes, go ahead')])!;
    expect(ranked.id).toBe('card_declined');
    expect(ranked.coverage).toBeCloseTo(rankIntent(model, [named])!.coverage, 5);
  });

  it('with out-of-scope examples, a message nearest them gets confidence 0', () => {
    const outOfScope = ['what is the capital of france', 'tell me a joke', 'what time is it'];
    const guarded = buildIntentModel(INTENTS, {}, outOfScope);
    const joke = rankIntent(guarded, [customer('tell me a funny joke')])!;
    expect(joke.confidence).toBe(0);
    expect(INTENTS.map((i) => i.id)).toContain(joke.id);
    expect(detectIntent(guarded, [customer('tell me a funny joke')])).toBeNull();
    expect(detectIntent(guarded, [customer('my card got declined')])?.id).toBe('card_declined');
    expect(guarded.intents.map((i) => i.id)).toEqual(['card_declined', 'order_status']);
  });

  it('rejects out-of-scope examples without any intent example', () => {
    expect(() =>
      buildIntentModel([{ id: 'x', description: 'x', examples: [] }], {}, ['hello']),
    ).toThrow(/no examples/);
  });
});

describe('coverage over a conversation', () => {
  it('stays in [0, 1] and follows the turns that name the intent', () => {
    const turns = [
      customer('where is my order'),
      customer('where is my order'),
      customer('where is my order'),
    ];
    const ranked = rankIntent(model, turns)!;
    expect(ranked.coverage).toBeCloseTo(rankIntent(model, [turns[0]!])!.coverage, 5);
    expect(ranked.coverage).toBeLessThanOrEqual(1);
  });
});
