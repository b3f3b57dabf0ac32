/** `inloop report`'s numbers from a feedback log, and the errors the old report made. */
import { describe, expect, it } from 'vitest';
import { buildReport, type LoggedRecord } from '../../../shared/learning/feedback-report';
import { editDistance, editRatio } from '../../../shared/learning/edits';
import { isKnowledgeGap } from '../../../shared/assist/engine-gaps';

const at = Date.parse('2026-11-20T10:00:00Z');
const assessed = (conversationId: string, extra: Partial<LoggedRecord> = {}): LoggedRecord => ({
  at,
  conversationId,
  kind: 'assessed',
  intentId: null,
  escalations: [],
  ...extra,
});

const records: LoggedRecord[] = [
  assessed('c1', { intentId: 'refund', replies: ['refund-timing'] }),
  { at, conversationId: 'c1', kind: 'copied', target: 'reply', id: 'refund-timing' },
  { at, conversationId: 'c1', kind: 'edited', id: 'refund-timing', distance: 10, ratio: 0.2 },
  assessed('c2', {
    escalations: ['Legal threat'],
    gap: 'How do I export my invoices to Excel?',
    replies: ['refund-timing'],
  }),
  assessed('c2', { gap: 'Can I export invoices as a spreadsheet?' }),
  {
    at: at - 86_400_000 * 30,
    conversationId: 'old',
    kind: 'displayed',
    target: 'reply',
    id: 'old-reply',
  },
];

describe('buildReport', () => {
  it('computes acceptance, intents, escalation rate, gaps and rewrites per conversation', () => {
    const report = buildReport(records);
    const reply = report.replies.find((r) => r.id === 'refund-timing');
    expect(reply).toMatchObject({ shown: 2, copied: 1, accepted: 1, acceptance: 0.5 });
    expect(report.intents).toEqual([
      { id: '(no intent)', conversations: 1 },
      { id: 'refund', conversations: 1 },
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

  it('does not count a copy that was never sent, or was replaced by another message, as acceptance', () => {
    const report = buildReport([
      assessed('a', { replies: ['greet'] }),
      { at, conversationId: 'a', kind: 'copied', target: 'reply', id: 'greet' },
      assessed('b', { replies: ['greet'] }),
      { at, conversationId: 'b', kind: 'copied', target: 'reply', id: 'greet' },
      { at, conversationId: 'b', kind: 'edited', id: 'greet', distance: 80, ratio: 0.9 },
    ]);
    expect(report.replies[0]).toMatchObject({
      id: 'greet',
      shown: 2,
      copied: 2,
      accepted: 0,
      acceptance: 0,
    });
  });

  it('never reports an edit ratio above 100 %, even from an older log that wrote 1.06', () => {
    const report = buildReport([
      { at, conversationId: 'a', kind: 'edited', id: 'greet', distance: 53, ratio: 1.06 },
    ]);
    expect(report.rewritten[0]!.meanEditRatio).toBe(1);
  });

  it('counts an article acted on as shown, so nothing is "shown 0, copied 1"', () => {
    const report = buildReport([
      { at, conversationId: 'a', kind: 'copied', target: 'article', id: 'billing/refunds' },
    ]);
    expect(report.articles[0]).toMatchObject({ shown: 1, copied: 1, accepted: 1, acceptance: 1 });
  });

  it('counts an intent once per conversation, not once per update', () => {
    const report = buildReport([
      assessed('a', { intentId: 'refund' }),
      assessed('a', { intentId: 'refund' }),
      assessed('a', { intentId: 'refund' }),
      assessed('b', { intentId: 'refund' }),
    ]);
    expect(report.intents).toEqual([{ id: 'refund', conversations: 2 }]);
  });

  it('lists the intents agents corrected, from what the engine said', () => {
    const report = buildReport([
      assessed('a', { intentId: 'refund' }),
      { at, conversationId: 'a', kind: 'picked', target: 'intent', id: 'return' },
      assessed('b', { intentId: null }),
      { at, conversationId: 'b', kind: 'picked', target: 'intent', id: 'return' },
      assessed('c', { intentId: 'refund' }),
      { at, conversationId: 'c', kind: 'picked', target: 'intent', id: 'refund' },
    ]);
    expect(report.corrections).toEqual([
      { from: 'refund', to: 'return', count: 1 },
      { from: null, to: 'return', count: 1 },
    ]);
  });
});

describe('knowledge gaps', () => {
  it('counts a message for which retrieval found nothing, question or not', () => {
    expect(isKnowledgeGap('my parcel never arrived at the depot', [])).toBe(true);
    expect(isKnowledgeGap('ok thanks', [])).toBe(false);
  });
});

describe('edits', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('measures the edit against the longer text, so a longer sent text stays within 100 %', () => {
    const copied = 'Your refund is on its way.';
    const sent = 'Hi! Your refund is on its way and should arrive within five working days.';
    expect(editRatio(editDistance(copied, sent), copied, sent)).toBeLessThanOrEqual(1);
    expect(editRatio(editDistance(copied, copied), copied, copied)).toBe(0);
  });
});
