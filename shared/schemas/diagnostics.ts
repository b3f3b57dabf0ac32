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
