/**
 * Installing a model folder atomically: the files are written into a staging folder inside
 * the models folder (same file system, so rename is atomic), then renamed into place. A
 * crash or a failed check leaves the old folder or nothing, never half a model.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, rmdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { modelFolder } from './model-id';

/** Dot-named, so `inloop doctor` and `listModels` never mistake it for an org folder. */
export const STAGING_DIR = '.inloop-staging';

/** A fresh, empty staging folder under `<modelsDir>/.inloop-staging/`. */
export async function createStaging(modelsDir: string): Promise<string> {
  const staging = join(modelsDir, STAGING_DIR, randomBytes(6).toString('hex'));
  await mkdir(staging, { recursive: true });
  return staging;
}

/** Removes a staging folder, and the staging root once it is empty. */
export async function discardStaging(staging: string): Promise<void> {
  await rm(staging, { recursive: true, force: true });
  await rmdir(dirname(staging)).catch(() => {});
}

/**
 * Moves a complete staging folder to `<modelsDir>/<org>/<name>`, replacing any folder there:
 * the old one is first renamed aside, and put back if the swap fails.
 */
export async function installStaged(
  staging: string,
  modelsDir: string,
  id: string,
): Promise<string> {
  const target = modelFolder(modelsDir, id);
  await mkdir(dirname(target), { recursive: true });
  const aside = `${staging}.old`;
  const hadOld = await rename(target, aside).then(
    () => true,
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return false;
      throw error;
    },
  );
  try {
    await rename(staging, target);
  } catch (error) {
    if (hadOld) await rename(aside, target).catch(() => {});
    throw error;
  }
  if (hadOld) await rm(aside, { recursive: true, force: true });
  await rmdir(dirname(staging)).catch(() => {});
  return target;
}
