import { describe, expect, it } from 'vitest';
import { suggestReplies, type PackResponse } from '../../../shared/assist/replies';
import { replyKind } from '../../../shared/assist/reply-safety';
import { groundedSnippets, MAX_SNIPPET_CHARS } from '../../../shared/assist/snippets';
import { extractEntities } from '../../../shared/assist/entities';
import type { Entity } from '../../../shared/schemas/assist';
import type { SearchHit } from '../../../shared/schemas/knowledge';

const reply = (r: Omit<PackResponse, 'packId' | 'tags'> & { tags?: string[] }): PackResponse => ({
  packId: 'threadline',
  tags: [],
  ...r,
});

const RESPONSES: PackResponse[] = [
  reply({
    id: 'return-label',
    title: 'Send a prepaid return label',
    text: 'Hi {{first_name}}, I have emailed a prepaid return label for order {{order_id}} to {{email}}. Drop the parcel at any post office within 30 days.',
    intents: ['return_item'],
    tags: ['returns'],
  }),
  reply({
    id: 'return-label-short',
    title: 'Prepaid return label (short)',
    text: 'Hi {{first_name}}, I have emailed a prepaid return label for order {{order_id}} to {{email}}. Drop the parcel at any post office within 30 days!',
    intents: ['return_item'],
  }),
  reply({
    id: 'refund-timeline',
    title: 'When the refund arrives',
    text: 'Once the warehouse receives your return, your refund of {{amount}} reaches your original payment method within 5-10 business days.',
    intents: ['refund_status', 'return_item'],
    tags: ['refunds'],
  }),
  reply({
    id: 'order-status',
    title: 'Where is my order',
    text: 'Your order {{order_id}} shipped on {{date}}; the tracking link in your confirmation email shows where the parcel is.',
    intents: ['order_status'],
    tags: ['shipping', 'tracking'],
  }),
  reply({
    id: 'promo-code',
    title: 'Promo code not working',
    text: "Sorry the promo code didn't apply, {{first_name}}. Codes work on full-price items only and can't be combined; I've applied the discount to your basket manually.",
    intents: ['promo_code'],
    tags: ['discount', 'coupon'],
  }),
  reply({
    id: 'promo-rules',
    title: 'How promo codes work',
    text: "Promo codes work on full-price items only and can't be combined, {{first_name}}.",
    intents: ['promo_code'],
    tags: ['discount', 'coupon'],
  }),
  reply({
    id: 'password-how',
    title: 'How to reset a password',
    text: "You can reset your password from the sign-in page with 'Forgot password'; the link expires in 30 minutes.",
    intents: ['account_access'],
    tags: ['login'],
  }),
  reply({
    id: 'password-reset',
    title: 'Reset your password',
    text: 'I have sent a password reset link to {{email}}; it expires in 30 minutes. Check your spam folder if it does not arrive.',
    intents: ['account_access'],
    tags: ['login'],
  }),
];

const ENTITIES: Entity[] = [
  { kind: 'name', value: 'Maria Lopez', turn: 0 },
  { kind: 'order', value: 'WB-48213', turn: 2 },
];

const customer = (text: string) => ({ role: 'customer' as const, text });
const agent = (text: string) => ({ role: 'agent' as const, text });

describe('suggestReplies', () => {
  const returnTurns = [
    customer(
      "Hi, I'm Maria Lopez. The wool coat I ordered is too small and I'd like to send it back.",
    ),
    agent('Sorry to hear that! What is the order number?'),
    customer("It's WB-48213."),
  ];

  it("puts the detected intent's replies first, filled, with what is missing listed", () => {
    const out = suggestReplies({
      responses: RESPONSES,
      intentId: 'return_item',
      turns: returnTurns,
      entities: ENTITIES,
      hits: [],
    });
    expect(out[0]?.id).toBe('return-label');
    expect(out[0]?.source).toBe('canned');
    expect(out[0]?.text).toContain(
      'Hi Maria, I have emailed a prepaid return label for order WB-48213 to [email].',
    );
    expect(out[0]?.missing).toEqual(['email']);
    expect(out.map((r) => r.id)).toContain('refund-timeline');
  });

  it("counts the replies the intent lists in intents.yaml as the intent's", () => {
    const out = suggestReplies({
      responses: RESPONSES,
      intentId: 'locked_out',
      intentResponses: ['password-reset'],
      turns: [customer("I'm locked out of my account since this morning")],
      entities: [],
      hits: [],
    });
    expect(out[0]?.id).toBe('password-reset');
  });

  it('shows two replies that say the same thing once', () => {
    const out = suggestReplies({
      responses: RESPONSES,
      intentId: 'return_item',
      turns: returnTurns,
      entities: ENTITIES,
      hits: [],
    });
    const ids = out.map((r) => r.id);
    expect(ids.filter((id) => id?.startsWith('return-label'))).toHaveLength(1);
  });

  const linked = new Map([
    ['promo-code', ['promotions/codes']],
    ['promo-rules', ['promotions/codes']],
    ['password-reset', ['account/password']],
    ['password-how', ['account/password']],
    ['order-status', ['orders/tracking']],
  ]);
  const shown = (articleId: string): SearchHit => ({
    articleId,
    title: articleId,
    packId: 'threadline',
    passage: 'See the steps in this article.',
    score: 1,
  });

  it('ranks by what the customer says when no intent was detected, and leaves unrelated replies out', () => {
    const out = suggestReplies({
      responses: RESPONSES,
      intentId: null,
      turns: [
        customer(
          'My discount code SPRING20 is not working at checkout, it says the coupon is invalid',
        ),
      ],
      entities: [],
      hits: [shown('promotions/codes')],
      replyArticles: linked,
      snippets: 0,
    });
    expect(out[0]?.id).toBe('promo-rules');
    // "I've applied the discount" reports something done: not without an intent.
    expect(out.map((r) => r.id)).not.toContain('promo-code');
    expect(out.map((r) => r.id)).not.toContain('password-how');
    expect(out[0]?.text).toContain('[first name]');
    expect(out[0]?.blanks).toEqual([{ name: 'first_name', label: 'first name' }]);
  });

  it('offers no canned reply without an intent unless the shown articles ground it', () => {
    const out = suggestReplies({
      responses: RESPONSES,
      intentId: null,
      turns: [
        customer('Where is my order? The tracking shows nothing, and my discount code failed'),
      ],
      entities: [],
      hits: [shown('orders/tracking')],
      replyArticles: linked,
      snippets: 0,
    });
    expect(out.map((r) => r.id)).toEqual(['order-status']);
  });

  it('follows the latest customer turn when the topic changes', () => {
    const out = suggestReplies({
      responses: RESPONSES,
      intentId: null,
      turns: [
        customer('When will my refund arrive?'),
        agent('It is on its way.'),
        customer("Also I can't log in, I forgot my password and need a reset"),
      ],
      entities: [],
      hits: [shown('account/password'), shown('promotions/codes')],
      replyArticles: linked,
    });
    expect(out[0]?.id).toBe('password-how');
  });

  it('keeps to the limit and suggests nothing for small talk without an intent', () => {
    const limited = suggestReplies({
      responses: RESPONSES,
      intentId: 'return_item',
      turns: returnTurns,
      entities: ENTITIES,
      hits: [],
      limit: 1,
    });
    expect(limited).toHaveLength(1);
    const none = suggestReplies({
      responses: RESPONSES,
      intentId: null,
      turns: [customer('Hello there, lovely weather today')],
      entities: [],
      hits: [],
    });
    expect(none).toEqual([]);
  });
});

describe('suggestReplies: safe to send as it stands', () => {
  const PARCEL: PackResponse[] = [
    reply({
      id: 'ask-details',
      title: 'Ask for the order details',
      text: 'Could you give me the order ID and the email address on the account?',
      intents: ['missing'],
    }),
    reply({
      id: 'replacement',
      title: 'Replacement sent',
      text: "I've sent a replacement for order {{order_id}}; it should be with you by {{date}}.",
      intents: ['missing'],
    }),
    reply({
      id: 'refunded',
      title: 'Refunded',
      text: "I've refunded ${{amount}} to your card.",
      intents: ['missing'],
    }),
    reply({
      id: 'hold',
      title: 'Chargeback filed',
      text: "While the bank reviews the charge we can't issue a separate refund.",
      intents: ['missing'],
    }),
  ];
  const turns = [
    customer(
      "My parcel never arrived. Order 4417-2209, tracking hasn't moved since 3 March and you said by 2 March.",
    ),
  ];
  const mentions = extractEntities(turns);
  const base = {
    responses: PARCEL,
    intentId: 'missing',
    turns,
    entities: mentions,
    hits: [],
    snippets: 0,
  };

  it('never fills a promise with a date the customer gave as past or as a broken promise', () => {
    const out = suggestReplies(base);
    const replacement = out.find((r) => r.id === 'replacement')!;
    expect(replacement.text).toBe(
      "I've sent a replacement for order 4417-2209; it should be with you by [date].",
    );
    expect(replacement.blanks).toEqual([{ name: 'date', label: 'date' }]);
    expect(out.map((r) => r.text).join(' ')).not.toMatch(/by (?:2|3) March/);
    // A date the agent gave as ahead fills it.
    const promised = suggestReplies({
      ...base,
      entities: extractEntities([...turns, agent('The new parcel will be with you by 9 March.')]),
    });
    expect(promised.find((r) => r.id === 'replacement')?.text).toContain('by 9 March');
  });

  it('ranks "done" replies below the question while the groundwork is open', () => {
    const open = suggestReplies({ ...base, groundworkDone: false }).map((r) => r.id);
    expect(open[0]).toBe('ask-details');
    expect(open.indexOf('replacement')).toBeGreaterThan(open.indexOf('hold'));
  });

  it('withholds a refund while a chargeback is open, with the reason, after the rest', () => {
    const out = suggestReplies({ ...base, flags: [{ concern: 'chargeback' }] });
    const refunded = out.find((r) => r.id === 'refunded');
    expect(refunded?.withheld).toMatch(/chargeback/i);
    expect(out.at(-1)?.id).toBe('refunded');
    // Saying no refund will be issued is not a refund promise.
    expect(out.find((r) => r.id === 'hold')?.withheld).toBeUndefined();
  });
});

const hit = (articleId: string, title: string, passage: string, score: number): SearchHit => ({
  articleId,
  title,
  packId: 'threadline',
  passage,
  score,
});

describe('grounded snippets', () => {
  const hits = [
    hit(
      'returns/refunds',
      'Refunds for returned items',
      'Returns are free within 30 days of delivery. Refunds go back to the original payment method. Card refunds take 5-10 business days after the warehouse scans the parcel. Gift cards are refunded as store credit.',
      1,
    ),
    hit(
      'returns/refunds',
      'Refunds for returned items',
      'Sale items can be returned for store credit only.',
      0.8,
    ),
    hit(
      'account/newsletter',
      'Newsletter preferences',
      'Unsubscribe from marketing e-mails in Settings.',
      0.4,
    ),
  ];
  const turns = [customer('I sent the coat back last week, how long does a card refund take?')];

  it("quotes the passage's best-matching sentence with its citation", () => {
    const [first, ...rest] = groundedSnippets(hits, turns, 2);
    expect(first?.source).toBe('snippet');
    expect(first?.text.startsWith('According to Refunds for returned items: ')).toBe(true);
    expect(first?.text).toContain('Card refunds take 5-10 business days');
    expect(first?.text).not.toContain('Returns are free within 30 days');
    expect(first?.text.length).toBeLessThanOrEqual(MAX_SNIPPET_CHARS);
    expect(first?.citations).toEqual([
      { articleId: 'returns/refunds', title: 'Refunds for returned items', packId: 'threadline' },
    ]);
    // One snippet per article; a passage sharing no word with the question gives none.
    expect(rest).toEqual([]);
  });

  it('clips a long sentence to the snippet limit', () => {
    const long = hit(
      'returns/long',
      'Long policy',
      `Card refunds ${'take a while and then some more '.repeat(20)}.`,
      1,
    );
    const [s] = groundedSnippets([long], turns, 1);
    expect(s?.text.length).toBeLessThanOrEqual(MAX_SNIPPET_CHARS);
    expect(s?.text.endsWith('…')).toBe(true);
  });

  it('come after the canned replies in suggestReplies', () => {
    const out = suggestReplies({
      responses: RESPONSES,
      intentId: 'refund_status',
      turns,
      entities: [],
      hits,
    });
    const sources = out.map((r) => r.source);
    expect(sources.at(-1)).toBe('snippet');
    expect(sources.indexOf('snippet')).toBe(sources.lastIndexOf('canned') + 1);
    expect(out[0]?.id).toBe('refund-timeline');
  });
});

describe('replyKind', () => {
  it('tells a report of something done, a question and information apart', () => {
    expect(replyKind('Done! Order 5 will now arrive next week.')).toBe('done');
    expect(replyKind("I've refunded $20 to your card.")).toBe('done');
    expect(replyKind('Everything has been updated on account 7.')).toBe('done');
    expect(replyKind('Could you give me the order ID?')).toBe('question');
    expect(replyKind('Is there anything else I can help you with today?')).toBe('info');
    expect(replyKind("Promo codes can't be combined.")).toBe('info');
  });
});
