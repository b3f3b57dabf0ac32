/**
 * The registry of installed packs (`<data>/packs/registry.json`): for each pack, the version
 * in use and the one before it (for rollback). Writing this file is the commit point of an
 * install, upgrade, rollback or removal: a crash before it leaves the previous state intact.
 * The decisions here are pure; pack-store.ts does the I/O.
 */
import { z } from 'zod';
import { PackIdSchema } from '../../../../shared/packs/pack-schemas';
import { InstalledVersionSchema, type InstalledVersion } from '../../../../shared/schemas/packs';

export { InstalledVersionSchema, type InstalledVersion };

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
