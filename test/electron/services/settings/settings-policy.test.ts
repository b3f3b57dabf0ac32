/** Settings under policy, as pure functions: what is laid over, what is refused, what it says. */
import { describe, expect, it } from 'vitest';
import type { PolicyEntry, PolicyReport } from '../../../../shared/schemas/policy';
import { defaultSettings } from '../../../../shared/schemas/settings';
import {
  lockedFieldsIn,
  lockedMessage,
  patchedFields,
  settingsWithPolicy,
} from '../../../../electron/services/settings/settings-policy';

const source = '/etc/inloop/policy.json';
const saveAudio: PolicyEntry = {
  key: 'SaveAudio',
  level: 'enforced',
  value: false,
  setting: 'speech.saveAudio',
  source,
};
const retention: PolicyEntry = {
  key: 'DataRetentionDays',
  level: 'default',
  value: 30,
  setting: 'privacy.retentionDays',
  source,
};
const report: PolicyReport = { sources: [source], entries: [saveAudio, retention], problems: [] };

describe('settings with the policy laid over them', () => {
  const stored = { ...defaultSettings, speech: { ...defaultSettings.speech, saveAudio: true } };

  it('enforced values replace the user’s; defaults apply to fields the user did not set', () => {
    const effective = settingsWithPolicy(stored, report, new Set());
    expect(effective.speech.saveAudio).toBe(false);
    expect(effective.privacy.retentionDays).toBe(30);
    expect(effective.privacy.recordFeedback).toBe(true);
    // The stored settings are untouched: lifting the policy gives them back.
    expect(stored.speech.saveAudio).toBe(true);
  });

  it('a field the user set keeps their value over a default, never over an enforced one', () => {
    const userSet = new Set(['privacy.retentionDays', 'speech.saveAudio']);
    const effective = settingsWithPolicy(stored, report, userSet);
    expect(effective.privacy.retentionDays).toBe(90);
    expect(effective.speech.saveAudio).toBe(false);
  });
});

describe('refusing a patch', () => {
  it('names the fields a patch sets', () => {
    expect(patchedFields({ speech: { saveAudio: true }, overlay: { opacity: 0.9 } })).toEqual([
      'speech.saveAudio',
      'overlay.opacity',
    ]);
  });

  it('refuses a change of an enforced field, not a default nor the enforced value itself', () => {
    expect(lockedFieldsIn({ speech: { saveAudio: true } }, report)).toEqual([saveAudio]);
    expect(lockedFieldsIn({ speech: { saveAudio: false } }, report)).toEqual([]);
    expect(lockedFieldsIn({ privacy: { retentionDays: 7 } }, report)).toEqual([]);
  });

  it('says what is managed, by which policy, from where', () => {
    expect(lockedMessage([saveAudio])).toBe(
      'Managed by your organisation: "Save call audio" (speech.saveAudio) is set by policy SaveAudio from /etc/inloop/policy.json. Ask your IT team to change it.',
    );
  });
});
