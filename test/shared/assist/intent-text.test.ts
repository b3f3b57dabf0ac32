import { describe, expect, it } from 'vitest';
import { messageUnits, splitSentences } from '../../../shared/assist/intent/message-units';
import { neutralise } from '../../../shared/assist/intent/neutralise';

describe('splitSentences', () => {
  it('splits at sentence ends, line breaks and semicolons, keeping decimals and ids whole', () => {
    expect(
      splitSentences('Hi! My parcel never arrived. It cost $89.99; order 4417-2209?\nThanks… Dana'),
    ).toEqual([
      'Hi!',
      'My parcel never arrived.',
      'It cost $89.99',
      'order 4417-2209?',
      'Thanks…',
      'Dana',
    ]);
  });

  it('drops parts without a word', () => {
    expect(splitSentences('... !! \n ; ok')).toEqual(['ok']);
    expect(splitSentences('   ')).toEqual([]);
  });
});

describe('messageUnits', () => {
  it('is the message alone when it is one sentence, else the message and its sentences', () => {
    expect(messageUnits('where is my refund')).toEqual(['where is my refund']);
    expect(messageUnits('Hi. Where is my refund?')).toEqual([
      'Hi. Where is my refund?',
      'Hi.',
      'Where is my refund?',
    ]);
    expect(messageUnits('')).toEqual([]);
  });
});

describe('neutralise', () => {
  it('takes out a self-introduced name, the order number and a date', () => {
    const out = neutralise(
      "Hi, I'm Dana Whitfield. My parcel never arrived. The order number is 4417-2209 and the tracking hasn't moved since 3 March",
    );
    expect(out).not.toMatch(/Dana|Whitfield|4417|2209|March|\d/);
    expect(out).toContain('My parcel never arrived.');
    expect(out).toContain('The order number is');
    expect(out).toContain("tracking hasn't moved since");
  });

  it('turns amounts into "money" and drops e-mails, phones, codes and redaction masks', () => {
    expect(neutralise("I still haven't got my $89.99 back")).toBe(
      "I still haven't got my money back",
    );
    const out = neutralise(
      'my name is john smith, mail john@example.com or call [PHONE], code SPRING20 at [ADDRESS]',
    );
    expect(out).not.toMatch(/john|smith|example|PHONE|SPRING|ADDRESS|\[|\d/i);
    expect(out).toContain('code');
  });

  it('keeps words of the domain that carry one digit, and relative dates', () => {
    expect(neutralise('the 2FA code keeps saying invalid')).toBe(
      'the 2FA code keeps saying invalid',
    );
    expect(neutralise('I need it by tomorrow')).toBe('I need it by tomorrow');
  });

  it('leaves a message without particulars as it was', () => {
    expect(neutralise('my parcel never arrived')).toBe('my parcel never arrived');
  });
});
