/**
 * Which id an imported folder gets. Pure. In order: the id given; the id in a lock the folder
 * carries (copied from a machine that ran `inloop models fetch`); config.json's
 * `_name_or_path`, mapped to the manifest id when it names a manifest model or one of its
 * aliases (Xenova's conversions keep their upstream's name there); the folder's own
 * `<org>/<name>` path.
 */
import { basename, dirname, resolve } from 'node:path';
import { AppError } from '../../../shared/result';
import { checkModelId, isModelId } from './model-id';
import { manifestModelNamed, type ModelManifest } from './model-manifest';

export interface ImportIdInputs {
  given?: string | undefined;
  lockId?: string | undefined;
  nameOrPath?: unknown;
  srcDir: string;
}

export function chooseImportId(inputs: ImportIdInputs, manifest: ModelManifest): string {
  if (inputs.given !== undefined) return checkModelId(inputs.given);
  if (inputs.lockId !== undefined && isModelId(inputs.lockId)) return inputs.lockId;
  const named = typeof inputs.nameOrPath === 'string' ? inputs.nameOrPath : '';
  if (isModelId(named)) return manifestModelNamed(manifest, named)?.id ?? named;
  const folder = resolve(inputs.srcDir);
  const fromPath = `${basename(dirname(folder))}/${basename(folder)}`;
  if (isModelId(fromPath)) return fromPath;
  throw new AppError(
    'invalid_request',
    `cannot tell which model ${inputs.srcDir} holds: its config.json has no <org>/<name> ` +
      '`_name_or_path`; give the id with --id <org>/<name>',
  );
}
