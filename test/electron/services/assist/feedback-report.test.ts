/** `inloop report`'s numbers from a feedback log. */
import { describe, expect, it } from 'vitest';
import type { FeedbackRecord } from '../../../../electron/services/assist/feedback-log';
import { editDistance } from '../../../../electron/services/assist/feedback-log';
import { buildReport } from '../../../../electron/services/assist/feedback-report';

const at = Date.parse('2026-11-20T10:00:00Z');
const records: FeedbackRecord[] = [
  { at, conversationId: 'c1', kind: 'assessed', turn: 0, intentId: 'refund', escalations: [] },
  { at, conversationId: 'c1', kind: 'displayed', target: 'reply', id: 'refund-timing' },
  { at, conversationId: 'c1', kind: 'copied', target: 'reply', id: 'refund-timing' },
  { at, conversationId: 'c1', kind: 'edited', id: 'refund-timing', distance: 10, ratio: 0.2 },
  {
    at,
    conversationId: 'c2',
    kind: 'assessed',
    turn: 0,
    intentId: null,
    escalations: ['Legal threat'],
    gap: 'How do I export my invoices to Excel?',
  },
  {
    at,
    conversationId: 'c2',
    kind: 'assessed',
    turn: 2,
    intentId: null,
    escalations: [],
    gap: 'Can I export invoices as a spreadsheet?',
  },
  { at, conversationId: 'c2', kind: 'displayed', target: 'reply', id: 'refund-timing' },
  {
    at: at - 86_400_000 * 30,
    conversationId: 'old',
    kind: 'displayed',
    target: 'reply',
    id: 'old-reply',
  },
];

describe('buildReport', () => {
  it('computes acceptance, intents, escalation rate, gaps and rewrites', () => {
    const report = buildReport(records);
    const reply = report.replies.find((r) => r.id === 'refund-timing');
    expect(reply).toMatchObject({ displayed: 2, copied: 1, acceptance: 0.5 });
    expect(report.intents).toEqual([
      { id: '(no intent)', turns: 2, conversations: 1 },
      { id: 'refund', turns: 1, conversations: 1 },
    ]);
    expect(report.escalation).toMatchObject({
      conversations: 1,
      rate: 0.5,
      reasons: [{ reason: 'Legal threat', count: 1 }],
    });
    expect(report.gaps).toHaveLength(1);
    expect(report.gaps[0]).toMatchObject({ count: 2 });
    expect(report.gaps[0]?.terms).toEqual(expect.arrayContaining(['export']));
    expect(report.rewritten).toEqual([
      { id: 'refund-timing', sends: 1, meanEditRatio: 0.2, meanDistance: 10 },
    ]);
  });

  it('keeps only records since the given date', () => {
    const report = buildReport(records, at - 86_400_000);
    expect(report.replies.map((r) => r.id)).not.toContain('old-reply');
    expect(report.conversations).toBe(2);
  });
});

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
    expect(editDistance('', 'abc')).toBe(3);
  });
});
