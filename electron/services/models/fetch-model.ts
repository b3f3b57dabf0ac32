/**
 * `inloop models fetch <id>`: download a manifest model's files from the Hugging Face hub
 * (`<endpoint>/<id>/resolve/<revision>/<file>`) into a staging folder, hashing while writing;
 * check each file against the manifest's pin, else against the sha256 the hub declares
 * (`X-Linked-Etag`, sent for LFS files); write the lock (with the commit the hub served,
 * `X-Repo-Commit`); then rename the folder into place. All or nothing.
 *
 * It never hangs: a request that gets no answer in `timeoutMs`, or a body that stalls for
 * `timeoutMs`, fails with `timeout`; an unreachable host fails at once with the import fix.
 */
import { join } from 'node:path';
import { AppError } from '../../../shared/result';
import { hubStatusError } from './hub-errors';
import { download, StatusError, type Downloaded } from './hub-download';
import { checkModelId } from './model-id';
import { createStaging, discardStaging, installStaged } from './model-install';
import { writeModelLock, type LockedFile } from './model-lock';
import { findManifestModel, type ManifestFile, type ModelManifest } from './model-manifest';
import { checkAgainstPin } from './model-pins';
import type { InstalledModel } from './import-model';

export const DEFAULT_HUB = 'https://huggingface.co';
const DEFAULT_TIMEOUT_MS = 15_000;
const REVISION = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** Download progress for one file; `total` null when the hub did not say. */
export interface FetchProgress {
  file: string;
  index: number;
  count: number;
  bytes: number;
  total: number | null;
}

export interface FetchModelOptions {
  id: string;
  modelsDir: string;
  manifest: ModelManifest;
  /** Default: the manifest's revision. A branch, tag or commit. */
  revision?: string | undefined;
  /** The hub; default https://huggingface.co (the CLI passes `hubEndpoint(--endpoint, env)`). */
  endpoint?: string | undefined;
  /** Longest wait for an answer or for the next bytes (default 15 s). */
  timeoutMs?: number;
  onProgress?: (progress: FetchProgress) => void;
  now?: () => Date;
}

/** The hub to use: an explicit endpoint, else `HF_ENDPOINT`, else huggingface.co. */
export function hubEndpoint(explicit: string | undefined, env: NodeJS.ProcessEnv): string {
  const chosen = explicit?.trim() || env.HF_ENDPOINT?.trim() || DEFAULT_HUB;
  let url: URL;
  try {
    url = new URL(chosen);
  } catch {
    throw new AppError('invalid_request', `'${chosen}' is not a URL (the model hub endpoint)`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new AppError('invalid_request', `the model hub endpoint must be http(s), got ${chosen}`);
  }
  return chosen.replace(/\/+$/, '');
}

export async function fetchModel(options: FetchModelOptions): Promise<InstalledModel> {
  const id = checkModelId(options.id);
  const entry = findManifestModel(options.manifest, id);
  if (!entry) {
    throw new AppError(
      'not_found',
      `${id} is not in the model manifest (models/manifest.json), so Inloop does not know which ` +
        `files it needs; download it yourself and run \`inloop models import <dir> --id ${id}\``,
    );
  }
  const revision = options.revision ?? entry.revision;
  if (!REVISION.test(revision)) {
    throw new AppError(
      'invalid_request',
      `'${revision}' is not a revision (a branch, tag or commit)`,
    );
  }
  const endpoint = hubEndpoint(options.endpoint, {});
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const staging = await createStaging(options.modelsDir);
  try {
    const files: Record<string, LockedFile> = {};
    let commit: string | null = null;
    let verifiedFiles = 0;
    for (const [index, file] of entry.files.entries()) {
      const url = `${endpoint}/${id}/resolve/${revision}/${file.path}`;
      const got = await download(url, join(staging, file.path), timeoutMs, (bytes, total) =>
        options.onProgress?.({ file: file.path, index, count: entry.files.length, bytes, total }),
      ).catch((error: unknown) => {
        if (error instanceof StatusError) throw hubStatusError(error.status, url, id, revision);
        throw error;
      });
      commit ??= got.commit;
      if (checkAgainstPin({ path: file.path, ...got }, expectation(file, got), pinSource(file))) {
        verifiedFiles++;
      }
      files[file.path] = { sha256: got.sha256, size: got.size };
    }
    await writeModelLock(staging, {
      version: 1,
      id,
      source: 'fetch',
      from: endpoint,
      revision,
      commit,
      installedAt: (options.now?.() ?? new Date()).toISOString(),
      files,
    });
    const folder = await installStaged(staging, options.modelsDir, id);
    const bytes = Object.values(files).reduce((sum, f) => sum + f.size, 0);
    return { id, folder, files: entry.files.length, bytes, verifiedFiles };
  } catch (error) {
    await discardStaging(staging);
    throw error;
  }
}

/** The manifest's pin, else the hub's declared sha256. */
function expectation(file: ManifestFile, got: Downloaded) {
  return { path: file.path, sha256: file.sha256 ?? got.hubSha256 ?? undefined, size: file.size };
}

function pinSource(file: ManifestFile): string {
  return file.sha256 ? 'the manifest' : 'the hub (X-Linked-Etag)';
}
