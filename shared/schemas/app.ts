import { z } from 'zod';

/** Which host wired the services: the Electron app, `inloop serve`, or the CLI. */
export const HostKindSchema = z.enum(['electron', 'web', 'cli']);
export type HostKind = z.infer<typeof HostKindSchema>;

export const AppInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  host: HostKindSchema,
  platform: z.string(),
  /** What this host can do; the UI hides controls for what it cannot. */
  capabilities: z.object({
    overlayWindow: z.boolean(),
    globalHotkeys: z.boolean(),
    tray: z.boolean(),
    keychain: z.boolean(),
  }),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

export const NoticeSchema = z.object({
  level: z.enum(['info', 'warning', 'error']),
  message: z.string(),
  /** Stable id so the UI can replace or dismiss a notice instead of stacking copies. */
  id: z.string(),
});
export type Notice = z.infer<typeof NoticeSchema>;
