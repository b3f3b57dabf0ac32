/**
 * Where Inloop keeps its data and finds its models. Pure: the caller passes the
 * environment, platform and home folder, so every rule is unit-tested.
 *
 * Data dir: `--data-dir`, else `INLOOP_DATA_DIR`, else the OS app-data folder.
 * Models dir: `INLOOP_MODELS_DIR`, else `models/` at the app root.
 */
import { join, resolve } from 'node:path';

export interface PathInputs {
  flag?: string | undefined;
  env: Readonly<Record<string, string | undefined>>;
  platform: NodeJS.Platform;
  home: string;
  cwd: string;
}

/** The OS's per-user application-data folder for Inloop. */
export function osAppDataDir(
  platform: NodeJS.Platform,
  home: string,
  env: PathInputs['env'],
): string {
  switch (platform) {
    case 'win32':
      return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Inloop');
    case 'darwin':
      return join(home, 'Library', 'Application Support', 'Inloop');
    default:
      return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'inloop');
  }
}

export function resolveDataDir(inputs: PathInputs): string {
  const chosen = inputs.flag ?? inputs.env.INLOOP_DATA_DIR;
  if (chosen && chosen.trim() !== '') return resolve(inputs.cwd, chosen);
  return osAppDataDir(inputs.platform, inputs.home, inputs.env);
}

export function resolveModelsDir(env: PathInputs['env'], appRoot: string, cwd: string): string {
  const chosen = env.INLOOP_MODELS_DIR;
  if (chosen && chosen.trim() !== '') return resolve(cwd, chosen);
  return join(appRoot, 'models');
}
