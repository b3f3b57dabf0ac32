/** Scoring one scripted conversation: each property passes or fails as an agent would judge it. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  passRates,
  PROPERTIES,
  readScripts,
  scoreRun,
  ScriptSchema,
  type Run,
} from '../../eval/conversations';

const script = ScriptSchema.parse({
  id: 'parcel',
  subflow: 'shipping_issue.missing',
  turns: [
    { c: 'Hi there', intent: null },
    { a: 'Hello!' },
    { c: 'My parcel never arrived, it was due on 3 March', intent: 'missing' },
  ],
  ticks: { done: ['ask-days'], open: ['resend'] },
  flags: { raise: ['chargeback'], quiet: ['churn'] },
  mustNotSay: ['3 March'],
  issue: 'parcel never arrived',
});

const good: Run = {
  engineAlone: [null, 'missing'],
  engineAloneReplies: [[], []],
  afterCustomer: [
    { intent: null, candidates: [], replies: [] },
    {
      intent: { id: 'missing', label: 'Missing', confidence: 0.9 },
      candidates: [],
      replies: [
        { text: 'It should be with you by [date].', source: 'canned' },
        { text: 'Refunded on 3 March', source: 'canned', withheld: 'A chargeback is open' },
      ],
    },
  ],
  flags: [{ concern: 'chargeback' }],
  steps: [
    { id: 'ask-days', text: 'Ask how many days', done: false, suggested: true },
    { id: 'resend', text: 'Resend the product', done: false },
  ],
  issue: 'My parcel never arrived, it was due on 3 March',
};

describe('scoreRun', () => {
  it('passes every property of a run that does what the script expects', () => {
    const checks = scoreRun(script, good);
    expect(checks.filter((c) => !c.pass).map((c) => c.property)).toEqual([
      // Suggested is not strictly done.
      'ticks done, strictly (not just suggested)',
    ]);
  });

  it('fails what an agent would call wrong', () => {
    const bad: Run = {
      ...good,
      engineAlone: [null, null],
      engineAloneReplies: [[], [{ text: 'Due on 3 March', source: 'canned' }]],
      afterCustomer: [
        good.afterCustomer[0]!,
        {
          intent: null,
          candidates: [{ id: 'missing', label: 'Missing', confidence: 0.4 }],
          replies: [{ text: 'It should be with you by 3 March.', source: 'canned' }],
        },
      ],
      flags: [{ concern: 'churn' }, { concern: 'churn' }],
      steps: [
        { id: 'ask-days', text: 'Ask how many days', done: false },
        { id: 'resend', text: 'Resend the product', done: true },
      ],
      issue: 'Thanks, bye',
    };
    const failed = new Set(
      scoreRun(script, bad)
        .filter((c) => !c.pass)
        .map((c) => c.property),
    );
    const oneKey = 'intent shown, or one key away among the candidates';
    // Everything fails but the one-key pick: the right intent is among the candidates.
    expect([...failed].sort()).toEqual(PROPERTIES.filter((p) => p !== oneKey).sort());
    // The right intent among the candidates still counts for the one-key pick.
    const rates = passRates(scoreRun(script, bad));
    expect(rates.find((r) => r.property === oneKey)).toEqual({
      property: oneKey,
      passed: 2,
      total: 2,
    });
  });

  it('reads the fixture: at least 40 conversations, each with an expected intent per customer turn', () => {
    const scripts = readScripts(
      join(import.meta.dirname, '../../eval/conversations/acme-retail.yaml'),
    );
    expect(scripts.length).toBeGreaterThanOrEqual(40);
    for (const s of scripts) expect(s.turns.some((t) => 'c' in t)).toBe(true);
  });
});
