import { z } from 'zod';

/** Secrets have fixed names so nothing arbitrary lands in the keychain. */
export const SecretNameSchema = z.enum(['llm-api-key', 'ingest-token', 'helpdesk-token']);
export type SecretName = z.infer<typeof SecretNameSchema>;

export const SecretWriteSchema = z.object({
  name: SecretNameSchema,
  value: z.string().min(1).max(8192),
});

/** The UI sees which secrets are set, never their values. */
export const SecretStatusSchema = z.object({
  available: z.boolean(),
  backend: z.string(),
  stored: z.array(SecretNameSchema),
});
export type SecretStatus = z.infer<typeof SecretStatusSchema>;
