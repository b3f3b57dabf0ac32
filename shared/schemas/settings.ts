import { z } from 'zod';
import {
  defaultLearningSettings,
  LearningSettingsPatchSchema,
  LearningSettingsSchema,
} from './learning';
import { FeedSubscriptionSchema } from './feeds';

/** The version the current code writes; older files are migrated (see settings/migrations). */
export const SETTINGS_VERSION = 1;

export const ThemeSchema = z.enum(['system', 'light', 'dark', 'high-contrast']);
export type Theme = z.infer<typeof ThemeSchema>;

export const OverlayModeSchema = z.enum(['overlay', 'docked']);
export type OverlayMode = z.infer<typeof OverlayModeSchema>;

/** An Electron accelerator, e.g. `CmdOrCtrl+Shift+\`. Checked for shape here, for clashes by the OS. */
export const AcceleratorSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[^\s+]+(\+[^\s+]+)*$/, 'an accelerator looks like CmdOrCtrl+Shift+K');

export const HotkeyActionSchema = z.enum(['toggleOverlay', 'toggleClickThrough', 'togglePause']);
export type HotkeyAction = z.infer<typeof HotkeyActionSchema>;

/** Retention of the local logs, in days. */
export const RetentionDaysSchema = z.number().int().min(1).max(3650);
export const DEFAULT_RETENTION_DAYS = 90;
/** Size cap of one local log, in MiB. */
export const LogMaxMiBSchema = z.number().int().min(1).max(4096);
export const DEFAULT_LOG_MAX_MIB = 64;

/** A publisher public key (ed25519 SPKI PEM) whose signed packs and feeds this device trusts. */
export const TrustedPublisherKeySchema = z.object({
  name: z.string().trim().min(1).max(200),
  publicKeyPem: z.string().trim().min(1).max(4000),
});
export type TrustedPublisherKey = z.infer<typeof TrustedPublisherKeySchema>;

/** App updates, as VS Code does them: none, manual (asked), start (at start-up), default. */
export const UpdateModeSchema = z.enum(['none', 'manual', 'start', 'default']);
export type UpdateMode = z.infer<typeof UpdateModeSchema>;

/** electron-updater's channels: `latest` (stable), `beta`, `alpha`. */
export const UpdateChannelSchema = z.enum(['latest', 'beta', 'alpha']);
export type UpdateChannel = z.infer<typeof UpdateChannelSchema>;

/**
 * Sections added after version 1 shipped. Their fields carry no zod default: a default inside
 * a field would make `.partial()` (the patch) fill every field a patch leaves out. A file
 * without them is filled from `defaultSettings` (settings-merge `withDefaults`), and the whole
 * section defaults here too.
 */
const feedsSection = z.object({
  /** Pack feeds this device follows (policy may add its own, see `inloop policy show`). */
  subscriptions: z.array(FeedSubscriptionSchema).max(20),
  /** Minutes between two checks of a feed. */
  pollMinutes: z
    .number()
    .int()
    .min(5)
    .max(24 * 60),
});
const updatesSection = z.object({
  mode: UpdateModeSchema,
  channel: UpdateChannelSchema,
  /** The update server (generic provider); empty: no update is ever asked for. */
  url: z
    .string()
    .trim()
    .max(2000)
    .refine((url) => url === '' || /^https?:\/\//.test(url), 'an http(s) URL or empty'),
});
const defaultFeeds: z.infer<typeof feedsSection> = { subscriptions: [], pollMinutes: 60 };
const defaultUpdates: z.infer<typeof updatesSection> = {
  mode: 'default',
  channel: 'latest',
  url: '',
};

export const SettingsSchema = z.object({
  version: z.literal(SETTINGS_VERSION),
  appearance: z.object({
    theme: ThemeSchema,
    fontScale: z.number().min(0.8).max(1.6),
  }),
  overlay: z.object({
    mode: OverlayModeSchema,
    dockSide: z.enum(['left', 'right']),
    alwaysOnTop: z.boolean(),
    opacity: z.number().min(0.5).max(1),
    /** Hide the window from screen capture and screen sharing. */
    contentProtection: z.boolean(),
  }),
  hotkeys: z.record(HotkeyActionSchema, AcceleratorSchema),
  privacy: z.object({
    /** Record which suggestions were used, locally and redacted. */
    recordFeedback: z.boolean(),
    /**
     * Hosts a generation endpoint may be on. Loopback hosts keep text on the device; any other
     * host listed here receives redacted conversation text. Empty: nothing leaves the device.
     */
    allowedEndpointHosts: z.array(z.string().trim().min(1).max(253)).max(50),
    /**
     * Days the local logs (feedback, transcript corrections, learned state) keep a record;
     * older records are deleted (electron/services/core/rotating-log.ts). Policy
     * DataRetentionDays may set it.
     */
    retentionDays: RetentionDaysSchema,
    /** Size cap of each local log, all its files together, in MiB; the oldest go first. */
    logMaxMiB: LogMaxMiBSchema,
  }),
  knowledge: z.object({
    /** Publisher public keys (ed25519 SPKI PEM) whose signed packs this device installs. */
    trustedPublisherKeys: z.array(TrustedPublisherKeySchema).max(50),
    /** Install packs with no signature (for a team lead trying a pack on their own machine). */
    allowUnsignedPacks: z.boolean(),
  }),
  assist: z.object({
    /** Take the customer's message from the clipboard when the agent copies it. */
    clipboardWatch: z.boolean(),
    /** Minutes without a turn after which a conversation ends by itself. */
    idleTimeoutMinutes: z.number().int().min(1).max(240),
    /** Ask an OpenAI-compatible endpoint for a generated reply. */
    generationEnabled: z.boolean(),
    /** Base URL of the endpoint, e.g. http://127.0.0.1:11434/v1 (a local Ollama). */
    generationEndpoint: z.string().trim().max(500),
    generationModel: z.string().trim().max(200),
    generationTimeoutSeconds: z.number().int().min(1).max(300),
  }),
  speech: z.object({
    /** Keep the call audio on disk (off: audio never touches the disk). */
    saveAudio: z.boolean(),
    /** The microphone device id the agent picked; null for the system default. */
    microphoneId: z.string().max(500).nullable(),
  }),
  /** What this device learns from the agent's decisions (shared/schemas/learning.ts). */
  learning: LearningSettingsSchema.default(defaultLearningSettings),
  feeds: feedsSection.default(defaultFeeds),
  updates: updatesSection.default(defaultUpdates),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const defaultSettings: Settings = {
  version: SETTINGS_VERSION,
  appearance: { theme: 'system', fontScale: 1 },
  overlay: {
    mode: 'overlay',
    dockSide: 'right',
    alwaysOnTop: true,
    opacity: 1,
    contentProtection: false,
  },
  hotkeys: {
    toggleOverlay: 'CmdOrCtrl+\\',
    toggleClickThrough: 'CmdOrCtrl+Shift+\\',
    togglePause: 'CmdOrCtrl+Shift+P',
  },
  privacy: {
    recordFeedback: true,
    allowedEndpointHosts: [],
    retentionDays: DEFAULT_RETENTION_DAYS,
    logMaxMiB: DEFAULT_LOG_MAX_MIB,
  },
  knowledge: { trustedPublisherKeys: [], allowUnsignedPacks: false },
  assist: {
    clipboardWatch: false,
    idleTimeoutMinutes: 15,
    generationEnabled: false,
    generationEndpoint: 'http://127.0.0.1:11434/v1',
    generationModel: 'llama3.2',
    generationTimeoutSeconds: 30,
  },
  speech: { saveAudio: false, microphoneId: null },
  learning: defaultLearningSettings,
  feeds: defaultFeeds,
  updates: defaultUpdates,
};

/** A partial update: any section, any field of it. */
export const SettingsPatchSchema = z
  .object({
    appearance: SettingsSchema.shape.appearance.partial(),
    overlay: SettingsSchema.shape.overlay.partial(),
    hotkeys: z.partialRecord(HotkeyActionSchema, AcceleratorSchema),
    // Spelled out: `.partial()` would keep the zod defaults and fill them into every patch.
    privacy: z
      .object({
        ...SettingsSchema.shape.privacy.shape,
        retentionDays: RetentionDaysSchema,
        logMaxMiB: LogMaxMiBSchema,
      })
      .partial(),
    knowledge: SettingsSchema.shape.knowledge.partial(),
    assist: SettingsSchema.shape.assist.partial(),
    speech: SettingsSchema.shape.speech.partial(),
    learning: LearningSettingsPatchSchema,
    feeds: feedsSection.partial(),
    updates: updatesSection.partial(),
  })
  .partial()
  .strict();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;
