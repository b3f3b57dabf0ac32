/** What every CLI command shares: the app's version and root, and the data and models folders. */
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { findAppRoot } from '../app-root';
import { resolveDataDir, resolveModelsDir } from '../paths';
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

export const dataDirOption = {
  type: 'string',
  value: '<dir>',
  description: 'Data folder (default: $INLOOP_DATA_DIR, else the OS app-data folder)',
} as const;
