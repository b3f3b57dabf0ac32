/**
 * The doctor's I/O: small probes of this machine that return facts for the pure checks.
 * Each one answers rather than throws.
 */
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { DataDirFacts, ElectronFacts } from './doctor-checks';

const require = createRequire(import.meta.url);

/** Creates the data folder if needed, then writes and removes a probe file in it. */
export async function probeDataDir(path: string): Promise<DataDirFacts> {
  let existed = true;
  try {
    if (!(await stat(path)).isDirectory()) {
      return { path, existed, writable: false, error: 'it is a file, not a folder' };
    }
  } catch (error) {
    // ENOTDIR: a parent is a file, so the folder is missing and mkdir will say why.
    const missing = codeOf(error) === 'ENOENT' || codeOf(error) === 'ENOTDIR';
    if (!missing) return { path, existed, writable: false, error: osError(error) };
    existed = false;
  }
  try {
    if (!existed) await mkdir(path, { recursive: true, mode: 0o700 });
    const probe = join(path, `.inloop-doctor-${randomBytes(6).toString('hex')}.tmp`);
    await writeFile(probe, 'inloop doctor write probe\n', { flag: 'wx', mode: 0o600 });
    await rm(probe, { force: true });
    return { path, existed, writable: true };
  } catch (error) {
    return { path, existed, writable: false, error: osError(error) };
  }
}

/**
 * The `electron` npm package and its downloaded binary, found without `require('electron')`
 * (which would try to download the binary).
 */
export async function findElectron(env: NodeJS.ProcessEnv): Promise<ElectronFacts['installed']> {
  let packageDir: string;
  try {
    packageDir = dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
  const { version } = JSON.parse(await readFile(join(packageDir, 'package.json'), 'utf8')) as {
    version: string;
  };
  const relative = await readFile(join(packageDir, 'path.txt'), 'utf8').catch(() => null);
  if (!relative) return { version, binary: null };
  const dist = env.ELECTRON_OVERRIDE_DIST_PATH || join(packageDir, 'dist');
  const binary = join(dist, relative.trim());
  return { version, binary: (await isExecutable(binary)) ? binary : null };
}

/** True for a regular file this process may execute. */
export async function isExecutable(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

function codeOf(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | null)?.code;
}

function osError(error: unknown): string {
  return codeOf(error) ?? (error instanceof Error ? error.message : String(error));
}
