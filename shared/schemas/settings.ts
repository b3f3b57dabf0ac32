import { z } from 'zod';

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
  }),
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
  privacy: { recordFeedback: true },
};

/** A partial update: any section, any field of it. */
export const SettingsPatchSchema = z
  .object({
    appearance: SettingsSchema.shape.appearance.partial(),
    overlay: SettingsSchema.shape.overlay.partial(),
    hotkeys: z.partialRecord(HotkeyActionSchema, AcceleratorSchema),
    privacy: SettingsSchema.shape.privacy.partial(),
  })
  .partial()
  .strict();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;
