import { describe, expect, it } from 'vitest';
import { classifyMessage, rankMessage } from '../../../shared/assist/intent/detect-intent';
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

const model = buildIntentModel(INTENTS);
const { vectorizer, centroidIndex } = model.scorer;
const coverage = (text: string) =>
  charCoverage(vectorizer, centroidIndex, vectorize(vectorizer, text), 2);

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

describe('rejecting out-of-scope messages', () => {
  it('answers "no intent" for an off-topic question that shares a phrase with an intent', () => {
    const offTopic = rankMessage(model, 'where is the nearest volcano to visit')[0]!;
    const inScope = rankMessage(model, 'where is my parcel order')[0]!;
    expect(inScope.id).toBe('order_status');
    expect(offTopic.confidence).toBeLessThan(inScope.confidence);
    expect(classifyMessage(model, 'where is the nearest volcano to visit').intent).toBeNull();
  });

  it('with out-of-scope examples, a message nearest them gets a low probability', () => {
    const outOfScopeExamples = [
      'what is the capital of france',
      'tell me a joke',
      'what time is it',
    ];
    const guarded = buildIntentModel(INTENTS, new Map(), { outOfScopeExamples });
    const joke = rankMessage(guarded, 'tell me a funny joke')[0]!;
    expect(joke.confidence).toBeLessThan(rankMessage(model, 'tell me a funny joke')[0]!.confidence);
    expect(INTENTS.map((i) => i.id)).toContain(joke.id);
    expect(classifyMessage(guarded, 'tell me a funny joke').intent).toBeNull();
    expect(rankMessage(guarded, 'my card got declined')[0]?.id).toBe('card_declined');
    expect(guarded.intents.map((i) => i.id)).toEqual(['card_declined', 'order_status']);
  });

  it('rejects out-of-scope examples without any intent example', () => {
    expect(() =>
      buildIntentModel([{ id: 'x', description: 'x', examples: [] }], new Map(), {
        outOfScopeExamples: ['hello'],
      }),
    ).toThrow(/no examples/);
  });
});
