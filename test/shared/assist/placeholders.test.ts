import { describe, expect, it } from 'vitest';
import {
  BLANK_MARKER_PATTERN,
  fillPlaceholders,
  placeholdersIn,
  placeholderValues,
} from '../../../shared/assist/placeholders';
import type { Entity } from '../../../shared/schemas/assist';
import { placeholderMistakes } from '../../../electron/services/packs/source/placeholders';

const RETURN_LABEL =
  'Hi {{first_name}}, I have emailed a prepaid return label for order {{order_id}} to {{email}}. ' +
  'Your refund of {{amount}} follows once the parcel reaches our warehouse. — {{agent_name}}';

describe('fillPlaceholders', () => {
  it('fills the names it has and leaves the rest as visible [blanks], listed as missing', () => {
    const out = fillPlaceholders(RETURN_LABEL, {
      first_name: 'Maria',
      order_id: 'WB-48213',
      agent_name: 'Sam',
    });
    expect(out.text).toContain('Hi Maria,');
    expect(out.text).toContain('order WB-48213');
    expect(out.text).toContain('to [email].');
    expect(out.text).toContain('refund of [amount] follows');
    expect(out.text).not.toContain('{{');
    expect(out.missing).toEqual(['email', 'amount']);
  });

  it('marks blanks so the UI can find them, with underscores as spaces', () => {
    const out = fillPlaceholders('Your order {{order_id}} ships to {{ shipping_address }}.', {});
    const blanks = [...out.text.matchAll(BLANK_MARKER_PATTERN)].map((m) => m[1]);
    expect(blanks).toEqual(['order id', 'shipping address']);
    expect(out.missing).toEqual(['order_id', 'shipping_address']);
  });

  it('matches names case-insensitively and ignores empty values', () => {
    const out = fillPlaceholders('Dear {{ Customer_Name }}, code {{promo_code}}', {
      customer_name: 'Priya Shah',
      promo_code: '   ',
    });
    expect(out.text).toBe('Dear Priya Shah, code [promo code]');
    expect(out.missing).toEqual(['promo_code']);
  });

  it('writes a currency sign once when the macro and the amount both have it', () => {
    const out = fillPlaceholders("I've issued a refund of ${{amount}}.", { amount: '$59.90' });
    expect(out.text).toBe("I've issued a refund of $59.90.");
    expect(fillPlaceholders('Total: ${{amount}}', { amount: '59.90' }).text).toBe('Total: $59.90');
  });

  it('lists a name used twice once', () => {
    const out = fillPlaceholders('{{order_id}} … again {{order_id}}', {});
    expect(out.missing).toEqual(['order_id']);
    expect(out.text).toBe('[order id] … again [order id]');
  });

  it('leaves a malformed placeholder untouched (the pack checker reports it)', () => {
    const out = fillPlaceholders('Hello {{first name}}', { first_name: 'Maria' });
    expect(out.text).toBe('Hello {{first name}}');
    expect(placeholderMistakes('Hello {{first name}}')).toHaveLength(1);
    expect(placeholdersIn('{{a}} {{b}} {{a}} {{bad name}}')).toEqual(['a', 'b']);
  });
});

describe('placeholderValues', () => {
  const entities: Entity[] = [
    { kind: 'name', value: 'Maria Lopez', turn: 0 },
    { kind: 'order', value: 'WB-40001', turn: 1 },
    { kind: 'order', value: 'WB-48213', turn: 3 },
    { kind: 'email', value: 'maria.lopez@example.com', turn: 3 },
    { kind: 'amount', value: '$59.90', turn: 5 },
    { kind: 'date', value: 'March 3', turn: 5 },
  ];

  it('maps entities to the usual macro names, the latest of a kind winning', () => {
    const v = placeholderValues(entities);
    expect(v.customer_name).toBe('Maria Lopez');
    expect(v.first_name).toBe('Maria');
    expect(v.last_name).toBe('Lopez');
    expect(v.order_id).toBe('WB-48213');
    expect(v.order_number).toBe('WB-48213');
    expect(v.email).toBe('maria.lopez@example.com');
    expect(v.amount).toBe('$59.90');
    expect(v.date).toBe('March 3');
    expect(v.phone).toBeUndefined();
  });

  it("never takes the agent's own name for the customer's", () => {
    const v = placeholderValues([...entities, { kind: 'name', value: 'Sam', turn: 6 }], {
      agent_name: 'Sam',
    });
    expect(v.first_name).toBe('Maria');
    expect(v.agent_name).toBe('Sam');
  });

  it('fills a whole macro end to end', () => {
    const out = fillPlaceholders(RETURN_LABEL, placeholderValues(entities, { agent_name: 'Sam' }));
    expect(out.missing).toEqual([]);
    expect(out.text).toContain(
      'Hi Maria, I have emailed a prepaid return label for order WB-48213',
    );
  });
});
