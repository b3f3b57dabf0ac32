import { describe, expect, it } from 'vitest';
import { extractEntities, type EntityTurn } from '../../../shared/assist/entities';

const c = (text: string): EntityTurn => ({ role: 'customer', text });
const a = (text: string): EntityTurn => ({ role: 'agent', text });
const values = (turns: EntityTurn[], kind: string) =>
  extractEntities(turns)
    .filter((e) => e.kind === kind)
    .map((e) => e.value);

describe('extractEntities', () => {
  it('finds the customer name from introductions and sign-offs', () => {
    expect(values([c('Hi, my name is Sarah Connor')], 'name')).toEqual(['Sarah Connor']);
    expect(values([c('Hello, this is Priya here, quick question')], 'name')).toEqual(['Priya']);
    expect(values([c('The box was empty.\nThanks, Tom')], 'name')).toEqual(['Tom']);
    expect(values([a('Hi Marcus, thanks for waiting')], 'name')).toEqual(['Marcus']);
  });

  it('does not take adjectives for names', () => {
    expect(values([c('This is Ridiculous, nothing works')], 'name')).toEqual([]);
  });

  it('finds order numbers and account ids', () => {
    const turns = [c('my order #A12345 never came'), c('account number 55-2231-9')];
    expect(values(turns, 'order')).toEqual(['A12345']);
    expect(values(turns, 'account')).toEqual(['55-2231-9']);
  });

  it('finds e-mails, phones, dates and amounts with currency', () => {
    const turns = [
      c('I paid £45.00 on 12 March, email me at jo@example.com or call 07700 900123'),
      c('it was charged again yesterday, 30 dollars this time'),
    ];
    const entities = extractEntities(turns).map(({ role, ...e }) => {
      expect(role).toBe('customer');
      return e;
    });
    expect(entities).toContainEqual({ kind: 'amount', value: '£45.00', turn: 0 });
    expect(entities).toContainEqual({ kind: 'date', value: '12 March', turn: 0, time: 'past' });
    expect(entities).toContainEqual({ kind: 'email', value: 'jo@example.com', turn: 0 });
    expect(entities).toContainEqual({ kind: 'phone', value: '07700 900123', turn: 0 });
    expect(entities).toContainEqual({ kind: 'date', value: 'yesterday', turn: 1, time: 'past' });
    expect(entities).toContainEqual({ kind: 'amount', value: '30 dollars', turn: 1 });
  });

  it('lists a value once, at its first mention, and keeps turn indexes', () => {
    const turns = [
      { role: 'customer' as const, text: 'order 884422 is late', index: 4 },
      { role: 'customer' as const, text: 'yes order 884422', index: 6 },
    ];
    expect(extractEntities(turns)).toEqual([
      { kind: 'order', value: '884422', turn: 4, role: 'customer' },
    ]);
  });

  it('tells when a date stands: past, a promise already made, or ahead', () => {
    const timeOf = (text: string, role: 'customer' | 'agent' = 'customer') =>
      extractEntities([{ role, text }]).find((e) => e.kind === 'date')?.time;
    expect(timeOf("The tracking hasn't moved since 3 March")).toBe('past');
    expect(timeOf('You said by 2 March and nothing came')).toBe('promised');
    expect(timeOf('It was meant to arrive on Monday')).toBe('promised');
    expect(timeOf('I ordered it on 1 March')).toBe('past');
    expect(timeOf('I need it by 10 March')).toBe('future');
    expect(timeOf('It will be with you by 12 March', 'agent')).toBe('future');
    expect(timeOf('I got it yesterday')).toBe('past');
  });

  it('does not read an order number as an amount or date', () => {
    const entities = extractEntities([c('order 20240512 please')]);
    expect(entities.map((e) => e.kind)).toEqual(['order']);
  });
});
