import { z } from 'zod';

export const VerdictSchema = z.enum(['ok', 'warn', 'fail']);
export type Verdict = z.infer<typeof VerdictSchema>;

export const DoctorCheckSchema = z.object({
  id: z.string(),
  label: z.string(),
  verdict: VerdictSchema,
  detail: z.string(),
  /** What to do about a warn or fail. */
  fix: z.string().optional(),
});
export type DoctorCheck = z.infer<typeof DoctorCheckSchema>;

export const DoctorReportSchema = z.object({
  checks: z.array(DoctorCheckSchema),
});
export type DoctorReport = z.infer<typeof DoctorReportSchema>;

/**
 * `diagnostics:process-sample`: one sample of the process's health, for `npm run soak` and support
 * (only when the host was started with diagnostics on: `inloop serve --diagnostics`). Memory in
 * bytes; event-loop delay in milliseconds over the time since the previous sample.
 */
export const ProcessSampleSchema = z.object({
  at: z.number(),
  uptimeSeconds: z.number(),
  memory: z.object({
    rss: z.number(),
    heapTotal: z.number(),
    heapUsed: z.number(),
    external: z.number(),
    arrayBuffers: z.number(),
  }),
  /** Active libuv handles and requests by type (sockets, timers, file requests...). */
  handles: z.record(z.string(), z.number()),
  /** Listener and connection counts the services and the host register (`gauge`). */
  gauges: z.record(z.string(), z.number()),
  eventLoopDelay: z.object({ p50: z.number(), p99: z.number(), max: z.number() }),
});
export type ProcessSample = z.infer<typeof ProcessSampleSchema>;
