/**
 * Settings under managed policy, as pure functions. The settings file keeps the user's own
 * choices; what everyone reads is those choices with the policy laid over them:
 *
 * - an enforced value replaces the field, and `settings:update` refuses to change it;
 * - a default value replaces the field until the user sets it themselves (the fields they
 *   set are remembered beside the settings file, see settings-user-set.ts).
 *
 * Lifting a policy brings the user's own value back.
 */
import {
  policyDefinitions,
  type PolicyEntry,
  type PolicyReport,
} from '../../../shared/schemas/policy';
import type { Settings, SettingsPatch } from '../../../shared/schemas/settings';

const fieldOf = (setting: string) => setting.split('.') as [string, string];

/** The settings everyone sees: `stored` with the policy laid over them. */
export function settingsWithPolicy(
  stored: Settings,
  report: PolicyReport,
  userSet: ReadonlySet<string>,
): Settings {
  const next: Record<string, unknown> = { ...stored };
  for (const entry of report.entries) {
    if (entry.level === 'default' && userSet.has(entry.setting)) continue;
    const [section, field] = fieldOf(entry.setting);
    next[section] = { ...(next[section] as Record<string, unknown>), [field]: entry.value };
  }
  return next as Settings;
}

/** Every field a patch sets, as `section.field`. */
export function patchedFields(patch: SettingsPatch): string[] {
  return Object.entries(patch).flatMap(([section, fields]) =>
    fields && typeof fields === 'object'
      ? Object.keys(fields as object)
          .filter((field) => (fields as Record<string, unknown>)[field] !== undefined)
          .map((field) => `${section}.${field}`)
      : [],
  );
}

/**
 * The enforced entries a patch would change. Sending the enforced value itself is no change
 * (a form that saves a whole section), so it is not refused.
 */
export function lockedFieldsIn(patch: SettingsPatch, report: PolicyReport): PolicyEntry[] {
  const fields = new Set(patchedFields(patch));
  return report.entries.filter((entry) => {
    if (entry.level !== 'enforced' || !fields.has(entry.setting)) return false;
    const [section, field] = fieldOf(entry.setting);
    const sent = (patch as Record<string, Record<string, unknown> | undefined>)[section]?.[field];
    return JSON.stringify(sent) !== JSON.stringify(entry.value);
  });
}

/** What the refusal says: the setting, the policy that locks it and where it was set. */
export function lockedMessage(entries: readonly PolicyEntry[]): string {
  const parts = entries.map(
    (e) =>
      `"${policyDefinitions[e.key].title}" (${e.setting}) is set by policy ${e.key} from ${e.source}`,
  );
  return `Managed by your organisation: ${parts.join('; ')}. Ask your IT team to change it.`;
}
