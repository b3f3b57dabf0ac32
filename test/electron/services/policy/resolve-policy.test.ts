/**
 * The effective policy from several readings: enforced beats default, the first source wins,
 * bad values are ignored key by key, and while running a bad edit never unlocks anything.
 */
import { describe, expect, it } from 'vitest';
import type { PolicyReading } from '../../../../electron/services/policy/policy-source';
import { resolvePolicy } from '../../../../electron/services/policy/resolve-policy';

const reading = (
  source: string,
  enforced: Record<string, unknown>,
  defaults: Record<string, unknown> = {},
): PolicyReading => ({ source, levels: { enforced, defaults }, problems: [] });

const effective = (
  readings: PolicyReading[],
  previous?: ReturnType<typeof resolvePolicy>['memory'],
) => resolvePolicy(readings, previous);

describe('resolving the policy', () => {
  it('gives each key its enforced value, else its default, with the setting and source', () => {
    const { report } = effective([
      reading('machine', { UpdateMode: 'none' }, { UpdateMode: 'manual', DataRetentionDays: 30 }),
    ]);
    expect(report.entries).toEqual([
      {
        key: 'UpdateMode',
        level: 'enforced',
        value: 'none',
        setting: 'updates.mode',
        source: 'machine',
      },
      {
        key: 'DataRetentionDays',
        level: 'default',
        value: 30,
        setting: 'privacy.retentionDays',
        source: 'machine',
      },
    ]);
    expect(report.sources).toEqual(['machine']);
  });

  it('takes the first source that holds a valid value; an enforced value anywhere beats a default', () => {
    const { report } = effective([
      reading('first', {}, { SaveAudio: true }),
      reading('second', { SaveAudio: false, UpdateMode: 'start' }),
      reading('third', { UpdateMode: 'none' }),
    ]);
    expect(report.entries.map((e) => [e.key, e.level, e.value, e.source])).toEqual([
      ['UpdateMode', 'enforced', 'start', 'second'],
      ['SaveAudio', 'enforced', false, 'second'],
    ]);
  });

  it('a malformed enforced value in one source does not hide a valid one in the next', () => {
    const { report } = effective([
      reading('first', { AllowUnsignedPacks: 'off' }),
      reading('second', { AllowUnsignedPacks: false }),
    ]);
    expect(report.entries).toMatchObject([
      { key: 'AllowUnsignedPacks', value: false, source: 'second' },
    ]);
    expect(report.problems).toMatchObject([{ source: 'first', key: 'AllowUnsignedPacks' }]);
  });

  it('keeps a key’s last valid value when it turns malformed while running, and says so', () => {
    const before = effective([reading('file', { SaveAudio: false, UpdateMode: 'none' })]);
    const after = effective(
      [reading('file', { SaveAudio: 'nope', UpdateMode: 'none' })],
      before.memory,
    );
    expect(after.report.entries.find((e) => e.key === 'SaveAudio')).toMatchObject({
      level: 'enforced',
      value: false,
    });
    expect(after.report.problems[0]!.message).toMatch(/kept the last valid value/);
  });

  it('keeps the whole previous reading while the place cannot be read (a half-written file)', () => {
    const before = effective([reading('file', { ContentProtection: true })]);
    const broken: PolicyReading = {
      source: 'file',
      levels: null,
      problems: [{ source: 'file', key: null, level: null, message: 'not JSON' }],
    };
    const during = effective([broken], before.memory);
    expect(during.report.entries).toMatchObject([{ key: 'ContentProtection', value: true }]);
    expect(during.report.problems.map((p) => p.message)).toEqual([
      'not JSON',
      'kept the policy read before until this one can be read',
    ]);
    // At start there is nothing before: nothing applies, the problem is still reported.
    const cold = effective([broken]);
    expect(cold.report.entries).toEqual([]);
    expect(cold.report.problems).toHaveLength(1);
  });

  it('removing a key unlocks it (that is what the administrator asked for)', () => {
    const before = effective([reading('file', { SaveAudio: false })]);
    const after = effective([reading('file', {})], before.memory);
    expect(after.report.entries).toEqual([]);
    expect(after.report.problems).toEqual([]);
  });
});
