/**
 * Managed policy: the one schema of what an organisation may set on every device, read from
 * the platform's own places (the registry under `Software\Policies\Inloop`, the managed
 * preferences of `dev.inloop.app`, `/etc/inloop/policy.json`).
 *
 * Each key sets one setting at one of two levels: **enforced** (locked: Settings shows
 * "Managed by your organisation" and `settings:update` refuses it) or **default** (the value
 * until the user changes it). The ADMX/ADML templates, the example `.mobileconfig` and the
 * example `policy.json` are generated from `policyDefinitions` (`inloop policy templates`).
 */
import { z } from 'zod';
import { FeedSubscriptionSchema } from './feeds';
import {
  SettingsSchema,
  TrustedPublisherKeySchema,
  UpdateChannelSchema,
  UpdateModeSchema,
} from './settings';

/** The policy levels: enforced locks the setting, default only sets its starting value. */
export const PolicyLevelSchema = z.enum(['enforced', 'default']);
export type PolicyLevel = z.infer<typeof PolicyLevelSchema>;

/**
 * How a value is stored where only strings, numbers and booleans exist (the registry,
 * managed preferences): `list` is one item per line, `json` is JSON text. `policy.json`
 * holds the value itself (an array, an object) and accepts the text form too.
 */
export type PolicyValueKind = 'boolean' | 'number' | 'enum' | 'string' | 'list' | 'json';

export type PolicyCategory = 'Packs' | 'Updates' | 'Privacy' | 'Assist';

type SettingsSections = Omit<z.infer<typeof SettingsSchema>, 'version' | 'hotkeys'>;
/** A settings field as `section.field`. */
export type SettingPath = {
  [S in keyof SettingsSections]: `${S & string}.${keyof SettingsSections[S] & string}`;
}[keyof SettingsSections];

export interface PolicyDefinition {
  readonly kind: PolicyValueKind;
  readonly schema: z.ZodType;
  /** The setting this policy sets. */
  readonly setting: SettingPath;
  readonly category: PolicyCategory;
  /** One line, for Group Policy's list and `inloop policy show`. */
  readonly title: string;
  /** What it does, for the templates' explain text and docs/deploy.md. */
  readonly description: string;
  /** A realistic value for the generated examples. */
  readonly example: unknown;
  /** The level the generated examples set it at (default: enforced). */
  readonly exampleLevel?: PolicyLevel;
  /** Number policies: the range Group Policy offers. */
  readonly range?: readonly [number, number];
}

/** The public half of an example publisher key (the generated examples trust it). */
export const EXAMPLE_PUBLISHER_KEY = [
  '-----BEGIN PUBLIC KEY-----',
  'MCowBQYDK2VwAyEAM5sa6smIAtkNWyRk+oavu9flS0xuqddQTY6QO3DLWX0=',
  '-----END PUBLIC KEY-----',
].join('\n');

const settingsField = <S extends keyof SettingsSections>(
  section: S,
  field: keyof SettingsSections[S] & string,
): z.ZodType => {
  const shape = SettingsSchema.shape[section];
  const object = 'unwrap' in shape ? (shape as z.ZodDefault<z.ZodObject>).unwrap() : shape;
  return (object as z.ZodObject).shape[field] as z.ZodType;
};

/**
 * Every policy key, in the order templates and `inloop policy show` list them. Each value is
 * validated by the very schema of the setting it sets.
 */
export const policyDefinitions = {
  TrustedPublisherKeys: {
    kind: 'json',
    schema: z.array(TrustedPublisherKeySchema).max(50),
    setting: 'knowledge.trustedPublisherKeys',
    category: 'Packs',
    title: 'Trusted pack publisher keys',
    description:
      'Publisher public keys (ed25519, PEM) whose signed packs and feeds this device installs. ' +
      'A JSON array of {"name", "publicKeyPem"}.',
    example: [{ name: 'Acme Support Ops', publicKeyPem: EXAMPLE_PUBLISHER_KEY }],
  },
  AllowUnsignedPacks: {
    kind: 'boolean',
    schema: settingsField('knowledge', 'allowUnsignedPacks'),
    setting: 'knowledge.allowUnsignedPacks',
    category: 'Packs',
    title: 'Allow unsigned packs',
    description:
      'Install packs that no trusted publisher signed. Off on managed devices; rolling back ' +
      'to an unsigned version is refused too while this is off.',
    example: false,
  },
  PackFeeds: {
    kind: 'json',
    schema: z.array(FeedSubscriptionSchema).max(20),
    setting: 'feeds.subscriptions',
    category: 'Packs',
    title: 'Pack feeds',
    description:
      'Feeds this device installs packs from: a JSON array of {"url", "channel", "pins"}. ' +
      'url is an https URL, a folder or a share holding feed.json; channel defaults to ' +
      '"stable"; pins maps a pack id to the exact version to keep.',
    example: [
      {
        url: 'https://packs.example.com/support/',
        channel: 'stable',
        pins: { 'acme-retail': '1.4.0' },
      },
    ],
  },
  FeedPollMinutes: {
    kind: 'number',
    schema: settingsField('feeds', 'pollMinutes'),
    setting: 'feeds.pollMinutes',
    category: 'Packs',
    title: 'Minutes between feed checks',
    description: 'How often each pack feed is checked (5 to 1440 minutes).',
    example: 60,
    exampleLevel: 'default',
    range: [5, 1440],
  },
  UpdateMode: {
    kind: 'enum',
    schema: UpdateModeSchema,
    setting: 'updates.mode',
    category: 'Updates',
    title: 'Update mode',
    description:
      'none: never ask for an update; manual: only when the user asks; start: check at ' +
      'start-up only; default: check at start-up and every few hours, download in the ' +
      'background and install on quit.',
    example: 'none',
  },
  UpdateChannel: {
    kind: 'enum',
    schema: UpdateChannelSchema,
    setting: 'updates.channel',
    category: 'Updates',
    title: 'Update channel',
    description: 'latest (stable), beta or alpha.',
    example: 'latest',
  },
  UpdateUrl: {
    kind: 'string',
    schema: settingsField('updates', 'url'),
    setting: 'updates.url',
    category: 'Updates',
    title: 'Update server URL',
    description:
      'The folder holding latest.yml and the installers (electron-updater generic ' +
      'provider). Empty: no update is ever asked for.',
    example: 'https://updates.example.com/inloop/',
  },
  GeneratedReplies: {
    kind: 'boolean',
    schema: settingsField('assist', 'generationEnabled'),
    setting: 'assist.generationEnabled',
    category: 'Assist',
    title: 'Generated replies',
    description: 'Ask an OpenAI-compatible endpoint for a generated reply (redacted text only).',
    example: false,
  },
  AllowedEndpointHosts: {
    kind: 'list',
    schema: settingsField('privacy', 'allowedEndpointHosts'),
    setting: 'privacy.allowedEndpointHosts',
    category: 'Privacy',
    title: 'Allowed generation hosts',
    description:
      'Hosts a generation endpoint may be on besides this computer, one per line. Empty: ' +
      'no text leaves the device.',
    example: ['llm.example.internal'],
  },
  RecordFeedback: {
    kind: 'boolean',
    schema: settingsField('privacy', 'recordFeedback'),
    setting: 'privacy.recordFeedback',
    category: 'Privacy',
    title: 'Record feedback',
    description: 'Keep a local, redacted log of which suggestions agents used.',
    example: true,
    exampleLevel: 'default',
  },
  LearningExport: {
    kind: 'boolean',
    schema: settingsField('learning', 'allowExport'),
    setting: 'learning.allowExport',
    category: 'Privacy',
    title: 'Allow learning exports',
    description:
      "Let `inloop learn export` write this device's redacted team bundle (what it learned).",
    example: true,
  },
  LearningExportFolder: {
    kind: 'string',
    schema: settingsField('learning', 'exportFolder'),
    setting: 'learning.exportFolder',
    category: 'Privacy',
    title: 'Learning export folder',
    description: 'The only folder learning exports may be written to. Empty: any folder.',
    example: '\\\\fileserver\\inloop-learning',
  },
  DataRetentionDays: {
    kind: 'number',
    schema: settingsField('privacy', 'retentionDays'),
    setting: 'privacy.retentionDays',
    category: 'Privacy',
    title: 'Data retention (days)',
    description:
      'Days the local logs (feedback, transcript corrections, learned state) keep a record; ' +
      'older records are deleted (1 to 3650).',
    example: 30,
    range: [1, 3650],
  },
  ContentProtection: {
    kind: 'boolean',
    schema: settingsField('overlay', 'contentProtection'),
    setting: 'overlay.contentProtection',
    category: 'Privacy',
    title: 'Hide the overlay from screen capture',
    description: 'Keep the overlay out of screen recordings and screen sharing.',
    example: true,
  },
  SaveAudio: {
    kind: 'boolean',
    schema: settingsField('speech', 'saveAudio'),
    setting: 'speech.saveAudio',
    category: 'Privacy',
    title: 'Save call audio',
    description: 'Keep call audio on disk. Enforce off to forbid saving audio.',
    example: false,
  },
} as const satisfies Record<string, PolicyDefinition>;

export type PolicyKey = keyof typeof policyDefinitions;
export const policyKeys = Object.keys(policyDefinitions) as PolicyKey[];

export const isPolicyKey = (name: string): name is PolicyKey =>
  Object.hasOwn(policyDefinitions, name);

/** The policy key that sets `setting`, if any. */
export function policyKeyOf(setting: string): PolicyKey | undefined {
  return policyKeys.find((key) => policyDefinitions[key].setting === setting);
}

/**
 * One level of policy, every key optional, each value checked by its setting's schema. The
 * services validate key by key (`policyDefinitions[key].schema`), so one bad key never
 * throws away the others; this object schema is the same rules as one type.
 */
export const PolicyValuesSchema = z
  .object(
    Object.fromEntries(policyKeys.map((key) => [key, policyDefinitions[key].schema.optional()])),
  )
  .strict();

/** `/etc/inloop/policy.json`: the two levels. */
export const PolicyFileSchema = z
  .object({ enforced: PolicyValuesSchema.optional(), defaults: PolicyValuesSchema.optional() })
  .strict();

/** One value in force, and where it came from. */
export const PolicyEntrySchema = z.object({
  key: z.enum(policyKeys as [PolicyKey, ...PolicyKey[]]),
  level: PolicyLevelSchema,
  value: z.unknown(),
  /** The setting it sets, `section.field`. */
  setting: z.string(),
  /** Where it was read, e.g. `/etc/inloop/policy.json` or `registry Software\Policies\Inloop`. */
  source: z.string(),
});
export type PolicyEntry = z.infer<typeof PolicyEntrySchema>;

/** A value that was not applied, and why. */
export const PolicyProblemSchema = z.object({
  source: z.string(),
  key: z.string().nullable(),
  level: PolicyLevelSchema.nullable(),
  message: z.string(),
});
export type PolicyProblem = z.infer<typeof PolicyProblemSchema>;

/** The effective policy, as `policy:get`, `inloop policy show --json` and Settings see it. */
export const PolicyReportSchema = z.object({
  /** The places read on this platform, e.g. the file path or the registry key. */
  sources: z.array(z.string()),
  entries: z.array(PolicyEntrySchema),
  problems: z.array(PolicyProblemSchema),
});
export type PolicyReport = z.infer<typeof PolicyReportSchema>;

export const emptyPolicyReport: PolicyReport = { sources: [], entries: [], problems: [] };

/** The enforced entry that locks `setting`, if any. */
export function lockOf(report: PolicyReport, setting: string): PolicyEntry | undefined {
  return report.entries.find((e) => e.level === 'enforced' && e.setting === setting);
}

/** The values an enum policy takes, in order; empty for other kinds. */
export function policyEnumValues(key: PolicyKey): readonly string[] {
  const { schema } = policyDefinitions[key];
  return schema instanceof z.ZodEnum ? (schema.options as readonly string[]) : [];
}
