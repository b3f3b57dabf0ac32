/**
 * The registry of installed packs (`<data>/packs/registry.json`): for each pack, the version
 * in use and the one before it (for rollback). Writing this file is the commit point of an
 * install, upgrade, rollback or removal: a crash before it leaves the previous state intact.
 * The decisions here are pure; pack-store.ts does the I/O.
 */
import { z } from 'zod';
import { PackIdSchema, SemverSchema } from '../../../shared/packs/pack-schemas';

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
  /** Folder under `packs/` holding this version's files. */
  folder: z.string().regex(/^[a-z0-9._-]+\/[A-Za-z0-9.+_-]+$/),
});
export type InstalledVersion = z.infer<typeof InstalledVersionSchema>;

export const RegistrySchema = z.object({
  format: z.literal(1),
  packs: z.record(
    PackIdSchema,
    z.object({ current: InstalledVersionSchema, previous: InstalledVersionSchema.nullable() }),
  ),
});
export type Registry = z.infer<typeof RegistrySchema>;

export const emptyRegistry: Registry = { format: 1, packs: {} };

/** The registry after installing `next`: the current version becomes the previous one. */
export function withInstalled(registry: Registry, next: InstalledVersion): Registry {
  const existing = registry.packs[next.id];
  const previous =
    existing && existing.current.version !== next.version
      ? existing.current
      : (existing?.previous ?? null);
  return { ...registry, packs: { ...registry.packs, [next.id]: { current: next, previous } } };
}

/** The registry after rolling `id` back; null when there is nothing to roll back to. */
export function withRolledBack(registry: Registry, id: string): Registry | null {
  const entry = registry.packs[id];
  if (!entry?.previous) return null;
  return {
    ...registry,
    packs: { ...registry.packs, [id]: { current: entry.previous, previous: entry.current } },
  };
}

export function withRemoved(registry: Registry, id: string): Registry {
  const packs = { ...registry.packs };
  delete packs[id];
  return { ...registry, packs };
}

/** Every version folder the registry still refers to; anything else under packs/ is garbage. */
export function referencedFolders(registry: Registry): Set<string> {
  const folders = new Set<string>();
  for (const entry of Object.values(registry.packs)) {
    folders.add(entry.current.folder);
    if (entry.previous) folders.add(entry.previous.folder);
  }
  return folders;
}
