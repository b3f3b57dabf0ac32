import { describe, expect, it } from 'vitest';
import { knownPersonal, redactStored } from '../../../shared/assist/privacy';

const c = (text: string) => ({ role: 'customer' as const, text });
const a = (text: string) => ({ role: 'agent' as const, text });

describe('redactStored', () => {
  const known = knownPersonal([
    c("Hi, I'm Dana Whitfield. Order 4417-2209 never came. My username is dwhitfield88."),
    a('Thanks Dana. Account number ACME-88123 is the one I see.'),
  ]);

  it('masks the names, ids and usernames the conversation told, wherever they appear', () => {
    expect(
      redactStored(
        'Hi Dana, DANA WHITFIELD and whitfield: order 4417-2209, user dwhitfield88, account ACME-88123',
        known,
      ),
    ).toBe('Hi [NAME], [NAME] and [NAME]: order [ORDER], user [USERNAME], account [ACCOUNT]');
  });

  it('masks what the detectors find and what the text itself introduces', () => {
    expect(redactStored("I'm Priya Patel, write to priya@example.com")).toBe(
      "I'm [NAME], write to [EMAIL]",
    );
  });

  it('leaves ordinary words and the pack wording alone', () => {
    const text = 'I lost the phone I used for login codes; the username is the first letter.';
    expect(redactStored(text, known)).toBe(text);
    expect(redactStored('Dandelion and Whitfieldian are other words', known)).toBe(
      'Dandelion and Whitfieldian are other words',
    );
  });
});
