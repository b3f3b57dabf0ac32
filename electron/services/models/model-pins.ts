/**
 * Checking one copied or downloaded file against what is known about it. Pure. The
 * expectation comes from the manifest's pin, else from a lock the source carries, else (for
 * a download) from the sha256 the hub declares for the file; with none of them the file is
 * recorded, not verified.
 */
import { AppError } from '../../../shared/result';
import type { FileExpectation } from './model-integrity';

export interface CopiedFile {
  path: string;
  sha256: string;
  size: number;
}

/** Throws `invalid_request` naming the file when its bytes differ; true when it was pinned. */
export function checkAgainstPin(
  file: CopiedFile,
  expected: FileExpectation,
  pinnedBy: string,
): boolean {
  if (expected.size !== undefined && expected.size !== file.size) {
    throw new AppError(
      'invalid_request',
      `${file.path} is ${file.size} bytes, but ${pinnedBy} says ${expected.size}: ` +
        'it is truncated or a different version; nothing was installed',
    );
  }
  if (expected.sha256 !== undefined && expected.sha256 !== file.sha256) {
    throw new AppError(
      'invalid_request',
      `${file.path} has sha256 ${file.sha256}, but ${pinnedBy} pins ${expected.sha256}: ` +
        'it is corrupt or not the expected file; nothing was installed',
    );
  }
  return expected.sha256 !== undefined;
}
