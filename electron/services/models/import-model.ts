/**
 * `inloop models import <dir>`: install a model from a folder (a USB stick, a share, a Hugging
 * Face cache snapshot) on an air-gapped machine. The files are copied and hashed in one pass
 * into a staging folder, checked against the manifest (or the lock the folder carries), the
 * lock is written, and the folder is renamed into place: all or nothing.
 *
 * `<dir>` is one model folder (it holds a config.json), or a models folder holding
 * `<org>/<name>/` model folders, which are imported one by one.
 */
import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { AppError } from '../../../shared/result';
import { scanModels } from './scan-models';
import { listFolderFiles } from './folder-files';
import { copyFileHashed } from './hash-tap';
import { chooseImportId } from './import-id';
import { missingFiles } from './model-files';
import { modelFolder } from './model-id';
import { createStaging, discardStaging, installStaged } from './model-install';
import { expectationsFor } from './model-integrity';
import { readModelLock, writeModelLock, type LockedFile, type ModelLock } from './model-lock';
import { findManifestModel, type ModelManifest } from './model-manifest';
import { checkAgainstPin } from './model-pins';

export interface ImportModelOptions {
  srcDir: string;
  modelsDir: string;
  manifest: ModelManifest;
  /** The model id; found from the folder when omitted (see import-id.ts). */
  id?: string | undefined;
  /** Hears each file as it is copied. */
  onFile?: (file: string, index: number, count: number) => void;
  now?: () => Date;
}

/** What was installed. */
export interface InstalledModel {
  id: string;
  folder: string;
  files: number;
  bytes: number;
  /** Files whose sha256 matched a pin (manifest or source lock). */
  verifiedFiles: number;
}

/** Imports every model `srcDir` holds (one, or each `<org>/<name>` under a models folder). */
export async function importModels(options: ImportModelOptions): Promise<InstalledModel[]> {
  const info = await stat(options.srcDir).catch(() => null);
  if (!info?.isDirectory()) {
    throw new AppError('not_found', `${options.srcDir} is not a folder`);
  }
  if (await hasConfig(options.srcDir)) return [await importModel(options)];
  const scan = await scanModels(options.srcDir);
  if (scan.models.length === 0) {
    throw new AppError(
      'invalid_request',
      `${options.srcDir} holds no model: expected a config.json, or <org>/<name>/config.json folders`,
    );
  }
  if (options.id !== undefined) {
    throw new AppError(
      'invalid_request',
      `--id names one model, but ${options.srcDir} holds ${scan.models.length}; point at one model folder`,
    );
  }
  const installed: InstalledModel[] = [];
  for (const id of scan.models) {
    installed.push(await importModel({ ...options, srcDir: join(options.srcDir, id), id }));
  }
  return installed;
}

/** Imports one model folder. */
export async function importModel(options: ImportModelOptions): Promise<InstalledModel> {
  const { srcDir, modelsDir, manifest } = options;
  const listing = await listFolderFiles(srcDir);
  const sourceLock = await readModelLock(srcDir);
  const id = chooseImportId(
    {
      given: options.id,
      lockId: sourceLock?.id,
      nameOrPath: await configNameOrPath(srcDir),
      srcDir,
    },
    manifest,
  );
  const target = modelFolder(modelsDir, id);
  if (resolve(srcDir) === resolve(target)) {
    throw new AppError('conflict', `${srcDir} is already where ${id} is installed`);
  }
  const entry = findManifestModel(manifest, id);
  // A manifest model gets exactly its files; any other folder is copied whole.
  const expectations = expectationsFor(entry, sourceLock, listing);
  const missing = [
    ...new Set([
      ...missingFiles(entry, listing),
      ...expectations.filter((e) => !listing.includes(e.path)).map((e) => e.path),
    ]),
  ];
  if (missing.length > 0) {
    throw new AppError(
      'invalid_request',
      `${srcDir} lacks ${missing.join(', ')}, which ${id} needs; nothing was installed`,
    );
  }
  const manifestPins = new Set(entry?.files.filter((f) => f.sha256).map((f) => f.path));
  const staging = await createStaging(modelsDir);
  try {
    const files: Record<string, LockedFile> = {};
    let verifiedFiles = 0;
    for (const [index, expected] of expectations.entries()) {
      options.onFile?.(expected.path, index, expectations.length);
      const copied = await copyFileHashed(
        join(srcDir, expected.path),
        join(staging, expected.path),
      );
      const pinnedBy = manifestPins.has(expected.path) ? 'the manifest' : `the lock in ${srcDir}`;
      if (checkAgainstPin({ path: expected.path, ...copied }, expected, pinnedBy)) verifiedFiles++;
      files[expected.path] = copied;
    }
    const lock: ModelLock = {
      version: 1,
      id,
      source: 'import',
      from: resolve(srcDir),
      revision: sourceLock?.revision ?? null,
      commit: sourceLock?.commit ?? null,
      installedAt: (options.now?.() ?? new Date()).toISOString(),
      files,
    };
    await writeModelLock(staging, lock);
    const folder = await installStaged(staging, modelsDir, id);
    const bytes = Object.values(files).reduce((sum, f) => sum + f.size, 0);
    return { id, folder, files: expectations.length, bytes, verifiedFiles };
  } catch (error) {
    await discardStaging(staging);
    throw error;
  }
}

async function hasConfig(dir: string): Promise<boolean> {
  return (await stat(join(dir, 'config.json')).catch(() => null))?.isFile() ?? false;
}

async function configNameOrPath(dir: string): Promise<unknown> {
  try {
    const config = JSON.parse(await readFile(join(dir, 'config.json'), 'utf8')) as unknown;
    return (config as { _name_or_path?: unknown } | null)?._name_or_path;
  } catch {
    return undefined;
  }
}
