/**
 * `inloop models list`: every manifest model (installed or not) and every other
 * `<org>/<name>` folder with a config.json (the same scan `inloop doctor` uses), each with
 * its missing files, size on disk and integrity.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { scanModels } from './scan-models';
import { sha256File } from './file-hash';
import { listFolderFiles } from './folder-files';
import { missingFiles } from './model-files';
import { modelFolder } from './model-id';
import {
  expectationsFor,
  judgeFile,
  judgeModel,
  needsHash,
  type FileExpectation,
  type FileStatus,
  type Integrity,
} from './model-integrity';
import { readModelLock, type ModelLock } from './model-lock';
import type { ManifestModel, ModelManifest } from './model-manifest';

export interface ModelStatus {
  id: string;
  /** From the manifest; null for a folder the manifest does not list. */
  role: ManifestModel['role'] | null;
  inManifest: boolean;
  folder: string;
  /** The folder exists and holds a config.json. */
  present: boolean;
  /** Required files that are not there. */
  missingFiles: string[];
  /** Bytes of the checked files that are present. */
  sizeBytes: number;
  integrity: Integrity;
  files: FileStatus[];
  /** How the model manager installed it, when it did. */
  installed: Pick<ModelLock, 'source' | 'from' | 'revision' | 'commit' | 'installedAt'> | null;
}

/** Manifest models first, in manifest order, then the other folders by id. */
export async function listModels(
  modelsDir: string,
  manifest: ModelManifest,
): Promise<ModelStatus[]> {
  const scan = await scanModels(modelsDir);
  const known = new Set(manifest.models.map((m) => m.id));
  const extras = scan.models.filter((id) => !known.has(id));
  const statuses: ModelStatus[] = [];
  for (const entry of manifest.models) {
    statuses.push(await modelStatus(modelsDir, entry.id, entry, scan.models.includes(entry.id)));
  }
  for (const id of extras) statuses.push(await modelStatus(modelsDir, id, undefined, true));
  return statuses;
}

/** The status of one model folder, hashing only the files something pins. */
export async function modelStatus(
  modelsDir: string,
  id: string,
  entry: ManifestModel | undefined,
  present: boolean,
): Promise<ModelStatus> {
  const folder = modelFolder(modelsDir, id);
  const listing = await listFolderFiles(folder);
  const lock = await readModelLock(folder);
  const files: FileStatus[] = [];
  for (const expected of expectationsFor(entry, lock, listing)) {
    files.push(await checkFile(folder, expected));
  }
  return {
    id,
    role: entry?.role ?? null,
    inManifest: entry !== undefined,
    folder,
    present,
    missingFiles: missingFiles(entry, listing),
    sizeBytes: files.reduce((sum, f) => sum + (f.size ?? 0), 0),
    integrity: judgeModel(files),
    files,
    installed: lock && {
      source: lock.source,
      from: lock.from,
      revision: lock.revision,
      commit: lock.commit,
      installedAt: lock.installedAt,
    },
  };
}

async function checkFile(folder: string, expected: FileExpectation): Promise<FileStatus> {
  const path = join(folder, expected.path);
  const info = await stat(path).catch(() => null);
  const size = info?.isFile() ? info.size : null;
  const sha256 = needsHash(expected, size) ? await sha256File(path) : null;
  return judgeFile(expected, { size, sha256 });
}
