import { describe, expect, it } from 'vitest';
import { scorePii } from '../../../shared/assist/pii/pii-score';
import { findPii, isMasked, redact } from '../../../shared/assist/pii/redact';
import { expectedSpans, PII_CASES } from './pii-cases';

describe('redact', () => {
  it('masks each kind with its visible token', () => {
    const out = redact('Mail jo@example.com, call +44 20 7946 0958, card 4111 1111 1111 1111.');
    expect(out.text).toBe('Mail [EMAIL], call [PHONE], card [CARD].');
    expect(out.spans.map((s) => s.kind)).toEqual(['email', 'phone', 'card']);
  });

  it('gives offsets into the input', () => {
    const input = 'IBAN GB82 WEST 1234 5698 7654 32 please';
    const [span] = redact(input).spans;
    expect(input.slice(span!.start, span!.end)).toBe('GB82 WEST 1234 5698 7654 32');
  });

  it('needs the Luhn check for cards and mod-97 for IBANs', () => {
    expect(redact('card 4111 1111 1111 1112').spans).toEqual([]);
    expect(redact('IBAN GB82 WEST 1234 5698 7654 33').spans).toEqual([]);
  });

  it('leaves order numbers, prices, dates and versions alone', () => {
    const text = 'order 4829301755 cost $1,249.99 on 2024-05-12 at 14:30 with app 10.2.1';
    expect(redact(text).text).toBe(text);
  });

  it('needs context before masking a ZIP code', () => {
    expect(redact('my zip is 94105').text).toBe('my zip is [POSTCODE]');
    expect(redact('shipment 94105 arrived').spans).toEqual([]);
  });

  it('recognises mask tokens for the UI', () => {
    expect(isMasked('[EMAIL]')).toBe(true);
    expect(isMasked('[NATIONAL-ID]')).toBe(true);
    expect(isMasked('[email]')).toBe(false);
    expect(isMasked('EMAIL')).toBe(false);
  });
});

describe('the PII test set', () => {
  const scores = scorePii(
    PII_CASES.map((c) => ({ expected: expectedSpans(c), found: findPii(c.text) })),
  );

  it('has at least 200 strings, every kind and hard negatives', () => {
    expect(PII_CASES.length).toBeGreaterThanOrEqual(200);
    expect(PII_CASES.filter((c) => c.pii.length === 0).length).toBeGreaterThanOrEqual(80);
    for (const kind of ['email', 'phone', 'card', 'iban', 'postcode', 'national-id', 'address']) {
      expect(scores.get(kind as never)?.expected ?? 0).toBeGreaterThanOrEqual(6);
    }
  });

  // The set was written together with the detectors, so its scores are an upper bound:
  // the thresholds leave room for honest regressions to show without failing on one miss.
  it('finds PII with precision and recall of at least 0.95', () => {
    const all = scores.get('all')!;
    expect(all.precision).toBeGreaterThanOrEqual(0.95);
    expect(all.recall).toBeGreaterThanOrEqual(0.95);
  });

  it('keeps every kind at precision and recall of at least 0.85', () => {
    for (const [kind, s] of scores) {
      expect({ kind, ok: s.precision >= 0.85 && s.recall >= 0.85 }).toEqual({ kind, ok: true });
    }
  });
});
