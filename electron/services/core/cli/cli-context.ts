/** What every CLI command shares: the app's version and root, paths, and the services. */
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { HostKind } from '../../../../shared/schemas/app';
import { findAppRoot } from '../app-root';
import { createServices, type Services } from '../../../app/create-services';
import { resolveDataDir, resolveModelsDir } from '../paths';
import { createLogger } from '../log';
import { createKeytarSecretStore } from '../../secrets/keytar-secret-store';
import type { CliIo, ParsedArgs } from './command';
import { stringOption } from './option-values';

export const appRoot = findAppRoot();

export const appVersion: string = (
  JSON.parse(readFileSync(join(appRoot, 'package.json'), 'utf8')) as { version: string }
).version;

export function dataDirFor(args: ParsedArgs, io: CliIo): string {
  return resolveDataDir({
    flag: stringOption(args, 'data-dir'),
    env: io.env,
    platform: process.platform,
    home: homedir(),
    cwd: io.cwd,
  });
}

export function modelsDirFor(io: CliIo): string {
  return resolveModelsDir(io.env, appRoot, io.cwd);
}

/** The services, wired for a CLI command or for `inloop serve`. */
export function openServices(args: ParsedArgs, io: CliIo, host: HostKind): Promise<Services> {
  return createServices({
    host,
    appVersion,
    dataDir: dataDirFor(args, io),
    modelsDir: modelsDirFor(io),
    secretStore: createKeytarSecretStore(),
    logger: createLogger(host === 'web' ? 'serve' : 'inloop'),
  });
}

export const dataDirOption = {
  type: 'string',
  value: '<dir>',
  description: 'Data folder (default: $INLOOP_DATA_DIR, else the OS app-data folder)',
} as const;
