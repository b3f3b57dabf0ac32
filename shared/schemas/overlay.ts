import { z } from 'zod';
import { HotkeyActionSchema, OverlayModeSchema } from './settings';

export const HotkeyProblemSchema = z.object({
  action: HotkeyActionSchema,
  accelerator: z.string(),
  message: z.string(),
});
export type HotkeyProblem = z.infer<typeof HotkeyProblemSchema>;

/** What the overlay window is doing right now (transient; preferences live in settings). */
export const OverlayStateSchema = z.object({
  visible: z.boolean(),
  mode: OverlayModeSchema,
  /** Mouse events pass through to the app below; the header shows an indicator. */
  clickThrough: z.boolean(),
  hotkeyProblems: z.array(HotkeyProblemSchema),
});
export type OverlayState = z.infer<typeof OverlayStateSchema>;

export const CaptureStateSchema = z.object({
  state: z.enum(['idle', 'listening', 'paused']),
});
export type CaptureState = z.infer<typeof CaptureStateSchema>;
