/** Policy values from where they are read to what a setting takes: decoding and validation. */
import { describe, expect, it } from 'vitest';
import {
  checkPolicyLevel,
  checkPolicyValue,
  decodePolicyValue,
} from '../../../../electron/services/policy/policy-values';
import { refinePolicy } from '../../../../electron/services/policy';
import { EXAMPLE_PUBLISHER_KEY } from '../../../../shared/schemas/policy';

describe('decoding the text forms of the registry and managed preferences', () => {
  it('reads a list one item per line, blank lines and spaces dropped', () => {
    expect(decodePolicyValue('list', 'llm.example.com\r\n\n  gpu.example.com  \n')).toEqual({
      ok: true,
      value: ['llm.example.com', 'gpu.example.com'],
    });
  });

  it('reads JSON text, and says when it is not JSON', () => {
    expect(decodePolicyValue('json', '[{"url":"https://a.example/"}]')).toEqual({
      ok: true,
      value: [{ url: 'https://a.example/' }],
    });
    const bad = decodePolicyValue('json', '[{"url":');
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.reason).toMatch(/^not JSON/);
  });

  it('takes arrays and objects as they are (policy.json)', () => {
    expect(decodePolicyValue('list', ['a.example'])).toEqual({ ok: true, value: ['a.example'] });
  });
});

describe('checking a value against its setting', () => {
  it('accepts a valid value and fills the schema defaults of a feed', () => {
    expect(checkPolicyValue('PackFeeds', '[{"url":"https://packs.example.com/"}]')).toEqual({
      ok: true,
      value: [{ url: 'https://packs.example.com/', channel: 'stable', pins: {} }],
    });
  });

  it('refuses a wrong type, an unknown enum value and an out-of-range number', () => {
    expect(checkPolicyValue('SaveAudio', 'no').ok).toBe(false);
    const mode = checkPolicyValue('UpdateMode', 'sometimes');
    expect(!mode.ok && mode.reason).toMatch(/none.*manual.*start.*default/);
    expect(checkPolicyValue('DataRetentionDays', -1).ok).toBe(false);
    expect(checkPolicyValue('DataRetentionDays', 30)).toEqual({ ok: true, value: 30 });
  });

  it('refuses trusted keys whose PEM is not an ed25519 public key', () => {
    const good = [{ name: 'Ops', publicKeyPem: EXAMPLE_PUBLISHER_KEY }];
    expect(checkPolicyValue('TrustedPublisherKeys', good, refinePolicy).ok).toBe(true);
    const bad = checkPolicyValue(
      'TrustedPublisherKeys',
      [{ name: 'Ops', publicKeyPem: '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----' }],
      refinePolicy,
    );
    expect(!bad.ok && bad.reason).toMatch(/trusted key 1/);
  });
});

describe('one level, key by key', () => {
  it('keeps the valid keys and reports each bad or unknown one', () => {
    const { values, problems } = checkPolicyLevel(
      { UpdateMode: 'none', SaveAudio: 'no', Colour: 'blue', RecordFeedback: false },
      'enforced',
      '/etc/inloop/policy.json',
    );
    expect(Object.fromEntries(values)).toEqual({ UpdateMode: 'none', RecordFeedback: false });
    expect(problems.map((p) => [p.key, p.level])).toEqual([
      ['SaveAudio', 'enforced'],
      ['Colour', 'enforced'],
    ]);
    expect(problems[1]!.message).toBe('unknown policy Colour (ignored)');
  });
});
