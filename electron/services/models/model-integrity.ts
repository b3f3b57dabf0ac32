/**
 * Verdicts on a model folder's files. Pure: the caller gathers sizes and hashes.
 *
 * A file's expected bytes come from the manifest when it pins them, else from the lock the
 * model manager wrote when it installed the folder. A file is `verified` when its sha256
 * equals the expected one, `corrupt` when its size or sha256 differs, `unverified` when
 * nothing pins it, `missing` when it is not there.
 */
import type { ModelLock } from './model-lock';
import type { ManifestModel } from './model-manifest';

export type FileState = 'verified' | 'unverified' | 'corrupt' | 'missing';
export type Integrity = 'verified' | 'unverified' | 'corrupt';

/** What a file should be; absent fields are not known. */
export interface FileExpectation {
  path: string;
  sha256?: string | undefined;
  size?: number | undefined;
}

/** What a file is: size null when missing, sha256 null when not hashed. */
export interface FileFacts {
  size: number | null;
  sha256: string | null;
}

export interface FileStatus {
  path: string;
  state: FileState;
  size: number | null;
  expectedSha256: string | null;
}

/**
 * The files to check: the manifest's files for a manifest model, else what the folder holds
 * plus anything the lock lists; the manifest's pins win over the lock's.
 */
export function expectationsFor(
  entry: ManifestModel | undefined,
  lock: ModelLock | null,
  listing: readonly string[],
): FileExpectation[] {
  const paths = entry
    ? entry.files.map((f) => f.path)
    : [...new Set([...listing, ...Object.keys(lock?.files ?? {})])].sort();
  const pinned = new Map(entry?.files.map((f) => [f.path, f]));
  return paths.map((path) => {
    const fromManifest = pinned.get(path);
    const fromLock = lock?.files[path];
    return {
      path,
      sha256: fromManifest?.sha256 ?? fromLock?.sha256,
      size: fromManifest?.size ?? fromLock?.size,
    };
  });
}

/** True when the file must be hashed to judge it (present, pinned, and the size matches). */
export function needsHash(expected: FileExpectation, size: number | null): boolean {
  if (size === null || expected.sha256 === undefined) return false;
  return expected.size === undefined || expected.size === size;
}

export function judgeFile(expected: FileExpectation, facts: FileFacts): FileStatus {
  const base = { path: expected.path, size: facts.size, expectedSha256: expected.sha256 ?? null };
  if (facts.size === null) return { ...base, state: 'missing' };
  if (expected.size !== undefined && expected.size !== facts.size)
    return { ...base, state: 'corrupt' };
  if (expected.sha256 === undefined || facts.sha256 === null)
    return { ...base, state: 'unverified' };
  return { ...base, state: facts.sha256 === expected.sha256 ? 'verified' : 'corrupt' };
}

/** Corrupt if any file is; verified only if every file is there and verified. */
export function judgeModel(files: readonly FileStatus[]): Integrity {
  if (files.some((f) => f.state === 'corrupt')) return 'corrupt';
  if (files.length > 0 && files.every((f) => f.state === 'verified')) return 'verified';
  return 'unverified';
}
