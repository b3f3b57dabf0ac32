import { describe, expect, it } from 'vitest';
import {
  handoffSummary,
  liveGist,
  summaryAsText,
  type HandoffInput,
} from '../../../shared/assist/summary';
import { extractEntities } from '../../../shared/assist/entities';
import { inferResolution } from '../../../shared/assist/summary-closing';
import type { z } from 'zod';
import type { DetectedIntentSchema, Entity, ReplySuggestion } from '../../../shared/schemas/assist';
import type { SearchHit } from '../../../shared/schemas/knowledge';

type DetectedIntent = z.infer<typeof DetectedIntentSchema>;

const customer = (text: string) => ({ role: 'customer' as const, text });
const agent = (text: string) => ({ role: 'agent' as const, text });

const DAMAGED_JACKET = [
  agent('Hi, thanks for contacting Threadline, my name is Sam. How can I help you today?'),
  customer('Hello. My name is Maria Lopez.'),
  customer(
    'The leather jacket from order WB-48213 arrived with a torn sleeve and a broken zip. I paid $189 for it and I want a refund, not a replacement.',
  ),
  agent(
    "I'm so sorry about that, Maria. Can I have the email on the account to verify your identity?",
  ),
  customer('maria.lopez@example.com'),
  agent(
    "Thank you. I've issued a full refund of $189 to your card; you will receive a confirmation email within the hour and the money in 5-10 business days.",
  ),
  agent('Is there anything else I can help you with?'),
  customer("No, that's all, thank you for your help!"),
];

const ENTITIES: Entity[] = [
  { kind: 'name', value: 'Sam', turn: 0 },
  { kind: 'name', value: 'Maria Lopez', turn: 1 },
  { kind: 'order', value: 'WB-48213', turn: 2 },
  { kind: 'amount', value: '$189', turn: 2 },
  { kind: 'email', value: 'maria.lopez@example.com', turn: 4 },
  { kind: 'amount', value: '$189', turn: 5 },
];

const DETECTED: DetectedIntent = {
  id: 'damaged_item',
  label: 'Damaged item',
  confidence: 0.82,
  description: 'Item arrived damaged',
};
const ARTICLE_HIT: SearchHit = {
  articleId: 'returns/damaged',
  title: 'Damaged or faulty items',
  packId: 'threadline',
  passage: 'Damaged items are refunded in full.',
  score: 1,
};
const SNIPPET_USED: ReplySuggestion = {
  text: 'According to Refunds: card refunds take 5-10 business days.',
  source: 'snippet',
};

const input = (over: Partial<HandoffInput> = {}): HandoffInput => ({
  turns: DAMAGED_JACKET,
  entities: ENTITIES,
  intent: DETECTED,
  nextActions: [
    { id: 'verify', text: "Verify the customer's identity", done: true, by: 'engine' },
    { id: 'refund', text: 'Offer a refund or a replacement', done: true, by: 'engine' },
    { id: 'photos', text: 'Ask for photos of the damage', done: false },
  ],
  articlesUsed: ['Damaged or faulty items', ARTICLE_HIT],
  repliesUsed: ['Refund issued', SNIPPET_USED],
  sentiment: { score: 0.6, trend: 'improving' },
  escalation: [],
  agentName: 'Sam',
  ...over,
});

describe('liveGist', () => {
  it("names the customer's issue in one short paragraph, without the greetings", () => {
    const gist = liveGist(DAMAGED_JACKET);
    expect(gist).toMatch(/torn sleeve|broken zip/);
    expect(gist).not.toMatch(/How can I help/);
    expect(gist.split(/\s+/).length).toBeLessThanOrEqual(60);
  });

  it('moves with the conversation: the latest state shows up', () => {
    const early = liveGist(DAMAGED_JACKET.slice(0, 3));
    const late = liveGist(DAMAGED_JACKET.slice(0, 6));
    expect(early).not.toMatch(/refund of \$189 to your card/);
    expect(late).toMatch(/Agent: I've issued a full refund of \$189/);
    expect(late).toMatch(/^Customer: The leather jacket/);
    expect(late).not.toBe(early);
  });

  it('is empty while the conversation is only greetings', () => {
    expect(liveGist([])).toBe('');
    expect(liveGist(DAMAGED_JACKET.slice(0, 2))).toBe('');
  });
});

describe('handoffSummary', () => {
  it('fills every field from the conversation and what the engine knows', () => {
    const s = handoffSummary(input());
    expect(s.customer).toBe('Maria Lopez');
    expect(s.intent).toBe('Damaged item');
    expect(s.issueStatement).toBe(
      'The leather jacket from order WB-48213 arrived with a torn sleeve and a broken zip.',
    );
    expect(s.tried).toEqual([
      "Verify the customer's identity",
      'Offer a refund or a replacement',
      'Sent the reply "Refund issued"',
      'Sent the reply "According to Refunds: card refunds take 5-10 business days."',
      'Shared the article "Damaged or faulty items"',
    ]);
    expect(s.outcome).toMatch(/^Resolved/);
    expect(s.nextStep).toBe('None.');
    expect(s.details).toEqual([
      { label: 'Order', value: 'WB-48213' },
      { label: 'Email', value: 'maria.lopez@example.com' },
      { label: 'Amount', value: '$189' },
    ]);
    expect(s.issue?.join(' ')).toContain('arrived with a torn sleeve and a broken zip');
    expect(s.entities?.filter((e) => e.kind === 'amount')).toHaveLength(1);
    expect(s.actionsTaken).toEqual([
      "Verify the customer's identity",
      'Offer a refund or a replacement',
    ]);
    expect(s.articlesUsed).toEqual(['Damaged or faulty items']);
    expect(s.repliesUsed).toEqual([
      'Refund issued',
      'According to Refunds: card refunds take 5-10 business days.',
    ]);
    expect(s.resolution).toBe('resolved');
    expect(s.sentimentTrend).toMatch(/^improving/);
    expect(s.escalationReasons).toEqual([]);
    expect(s.followUps?.[0]).toBe('Ask for photos of the damage');
    expect(s.followUps?.join(' ')).toMatch(/confirmation email within the hour/);
    expect(s.gist).toBe(liveGist(DAMAGED_JACKET));
  });

  it('reports escalation reasons and an escalated close', () => {
    const turns = [
      customer('This is the third time my order has not arrived. I will take this to my lawyer.'),
      agent('I understand. I am transferring you to a supervisor who can authorise compensation.'),
    ];
    const s = handoffSummary(
      input({
        turns,
        entities: [],
        escalation: [
          { reason: 'Legal threat', severity: 'high', turn: 0 },
          { reason: 'Repeated failed attempts', severity: 'medium', turn: 0 },
          { reason: 'Legal threat', severity: 'high', turn: 0 },
        ],
        sentiment: { score: -0.7, trend: 'worsening' },
      }),
    );
    expect(s.resolution).toBe('escalated');
    expect(s.escalationReasons).toEqual(['Legal threat', 'Repeated failed attempts']);
    expect(s.nextStep).toBe('Legal threat');
    expect(s.issueStatement).toBe('This is the third time my order has not arrived.');
    expect(s.customer).toBeNull();
    expect(s.sentimentTrend).toMatch(/worsening.*negative/);
  });
});

describe('inferResolution', () => {
  it('reads the closing turns', () => {
    expect(
      inferResolution([agent('Try the code again now.'), customer('It still does not work.')]),
    ).toBe('unresolved');
    expect(
      inferResolution([
        agent('Anything else I can help with today?'),
        customer('Nope, thanks. Bye'),
      ]),
    ).toBe('resolved');
    expect(inferResolution([customer('Where is my parcel?'), agent('Let me check.')])).toBe(
      'unknown',
    );
  });
});

describe('summaryAsText', () => {
  it('gives a few plain-text lines a helpdesk accepts: Issue, Tried, Outcome, Next step, details', () => {
    const text = summaryAsText(handoffSummary(input()));
    const lines = text.split('\n');
    expect(lines.map((l) => l.split(':')[0])).toEqual([
      'Issue',
      'Tried',
      'Outcome',
      'Next step',
      'Customer',
      'Intent',
      'Order',
      'Email',
      'Amount',
    ]);
    expect(lines[0]).toBe(
      'Issue: The leather jacket from order WB-48213 arrived with a torn sleeve and a broken zip.',
    );
    expect(text).toContain('Intent: Damaged item');
    expect(text).toContain(
      "Tried: Verify the customer's identity; Offer a refund or a replacement",
    );
    expect(text).not.toMatch(/Escalation|undefined|null|\{\{/);
  });

  it('takes the issue from the first statement of need and labels the dates once each', () => {
    const turns = [
      customer(
        "Hi, I'm Dana Whitfield. My parcel never arrived. The order number is 4417-2209 and the tracking hasn't moved since 3 March.",
      ),
      agent('Sorry to hear that. When was it meant to arrive?'),
      customer('You said by 2 March and today is 4 March. It was due on Monday.'),
      customer('Also my refund for the other order still has not shown up.'),
    ];
    const entities = extractEntities(turns);
    const text = summaryAsText(handoffSummary(input({ turns, entities, nextActions: [] })));
    expect(text.split('\n')[0]).toBe(
      "Issue: My parcel never arrived. The order number is 4417-2209 and the tracking hasn't moved since 3 March.",
    );
    const dates = text.split('\n').filter((l) => l.startsWith('Dates:'));
    expect(dates).toEqual([
      'Dates: 3 March (past); 2 March (promised earlier); 4 March; Monday (promised earlier)',
    ]);
    expect(text).not.toMatch(/date Monday|date today/);
  });
});
