/**
 * The lock `<modelsDir>/<org>/<name>/.inloop-model.json`: what the model manager installed
 * (where from, which revision) and the sha256 and size of every file, so that later checks
 * can tell a verified folder from a corrupted one even when the manifest pins nothing.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../core/atomic-file';

export const LOCK_FILE = '.inloop-model.json';

const LockedFileSchema = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  size: z.number().int().nonnegative(),
});

export const ModelLockSchema = z.object({
  version: z.literal(1),
  id: z.string(),
  source: z.enum(['fetch', 'import']),
  /** fetch: the endpoint; import: the folder copied in. */
  from: z.string(),
  /** The revision asked for (fetch), or null (import). */
  revision: z.string().nullable(),
  /** The commit the hub reported for that revision (`X-Repo-Commit`), when it did. */
  commit: z.string().nullable(),
  installedAt: z.string(),
  files: z.record(z.string(), LockedFileSchema),
});

export type ModelLock = z.infer<typeof ModelLockSchema>;
export type LockedFile = z.infer<typeof LockedFileSchema>;

/** The lock in a model folder; null when there is none or it is unreadable. */
export async function readModelLock(folder: string): Promise<ModelLock | null> {
  try {
    const parsed = ModelLockSchema.safeParse(
      JSON.parse(await readFile(join(folder, LOCK_FILE), 'utf8')),
    );
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export async function writeModelLock(folder: string, lock: ModelLock): Promise<void> {
  await writeFileAtomic(join(folder, LOCK_FILE), `${JSON.stringify(lock, null, 2)}\n`);
}
