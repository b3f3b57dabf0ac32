/**
 * The shapes of the `packs:*` channels and of `inloop pack --json`: installed versions, what
 * a rollback returns to, and what an install takes. The pack file format itself is
 * shared/packs/pack-schemas.ts.
 */
import { z } from 'zod';
import { PackIdSchema, SemverSchema } from '../packs/pack-schemas';

/** One installed version of a pack on this device. */
export const InstalledVersionSchema = z.object({
  id: PackIdSchema,
  version: SemverSchema,
  name: z.string(),
  publisher: z.string(),
  description: z.string(),
  /** Key id of the trusted publisher key that signed it; null for an allowed unsigned pack. */
  signerKeyId: z.string().nullable(),
  installedAt: z.string(),
  counts: z.object({
    articles: z.number(),
    passages: z.number(),
    responses: z.number(),
    intents: z.number(),
    rules: z.number(),
  }),
  /** The model whose vectors the installed index holds; null in lexical-only packs. */
  embeddingModel: z.string().nullable(),
  /** Installed from the bundled example pack ("Try the example pack"): removable in one step. */
  demo: z.boolean().optional(),
  /** Folder under `packs/` holding this version's files. */
  folder: z.string().regex(/^[a-z0-9._-]+\/[A-Za-z0-9.+_-]+$/),
});
export type InstalledVersion = z.infer<typeof InstalledVersionSchema>;

/** An installed pack: the version in use and the one a rollback returns to. */
export const InstalledPackSchema = z.object({
  current: InstalledVersionSchema,
  previous: InstalledVersionSchema.nullable(),
});
export type InstalledPack = z.infer<typeof InstalledPackSchema>;

/** What the agent (or the CLI) chose when installing: each defaults to no. */
const installChoices = {
  /** Install an older version over a newer one (the agent confirmed it). */
  allowDowngrade: z.boolean().optional(),
};

/** `packs:install`: a path on this machine (CLI, Electron) or the file's bytes (browser upload). */
export const PackInstallRequestSchema = z.union([
  z.object({ path: z.string().min(1).max(4096), ...installChoices }).strict(),
  z
    .object({
      fileName: z.string().min(1).max(255),
      bytesBase64: z.base64().max(700_000_000),
      ...installChoices,
    })
    .strict(),
]);
export type PackInstallRequest = z.infer<typeof PackInstallRequestSchema>;
