/**
 * Pack ids name folders in the data folder and keys of the pack registry: the store's own
 * file, Windows device names, a trailing dot and object property names are refused by the
 * schema, with a message that says why.
 */
import { describe, expect, it } from 'vitest';
import { PackIdSchema } from '../../../shared/packs/pack-schemas';

const message = (id: string): string => {
  const parsed = PackIdSchema.safeParse(id);
  return parsed.success ? '' : parsed.error.issues[0]!.message;
};

describe('pack ids', () => {
  it('accepts ordinary ids', () => {
    for (const id of ['acme-retail', 'acme.billing', 'a', 'faq_2026', 'x'.repeat(64)]) {
      expect(message(id), id).toBe('');
    }
  });

  it('refuses the store’s own names, device names, a trailing dot and property names', () => {
    for (const id of [
      'registry.json',
      'constructor',
      'prototype',
      'con',
      'prn',
      'aux',
      'nul',
      'com1',
      'com9',
      'lpt1',
      'con.txt',
      'acme.',
      'uploads',
    ]) {
      expect(message(id), id).toMatch(new RegExp(`'${id.replace('.', '\\.')}' is reserved`));
    }
  });

  it('keeps refusing what the pattern never allowed', () => {
    expect(message('__proto__')).toMatch(/lower-case/);
    expect(message('Acme')).toMatch(/lower-case/);
    expect(message('.staging')).toMatch(/lower-case/);
  });
});
