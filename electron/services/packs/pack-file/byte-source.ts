/**
 * Random access to a pack's bytes, from a file or from memory, so the reader can check each
 * length against the limits before it reads (and allocates) that many bytes.
 */
import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { AppError } from '../../../../shared/result';
import { PackFileError } from './pack-file-error';

export interface ByteSource {
  readonly size: number;
  /** Exactly `length` bytes at `offset`; the caller has checked they lie inside `size`. */
  read(offset: number, length: number): Promise<Uint8Array>;
  close(): Promise<void>;
}

/** A source over a pack held in memory; reads are views, not copies. */
export function memorySource(bytes: Uint8Array): ByteSource {
  return {
    size: bytes.byteLength,
    read: async (offset, length) => bytes.subarray(offset, offset + length),
    close: async () => {},
  };
}

/**
 * A source over a regular file. Opened non-blocking so a FIFO or device cannot stall the
 * open, then refused unless it is a regular file.
 */
export async function fileSource(path: string): Promise<ByteSource> {
  let handle: FileHandle;
  try {
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw openError(path, error);
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw new AppError('invalid_request', `${path} is not a regular file`);
    return {
      size: stats.size,
      read: (offset, length) => readFully(handle, offset, length),
      close: () => handle.close(),
    };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

async function readFully(handle: FileHandle, offset: number, length: number): Promise<Uint8Array> {
  const buffer = Buffer.allocUnsafe(length);
  let filled = 0;
  while (filled < length) {
    const { bytesRead } = await handle.read(buffer, filled, length - filled, offset + filled);
    // The file shrank after we measured it.
    if (bytesRead === 0)
      throw new PackFileError('truncated', 'the pack file was cut short while reading');
    filled += bytesRead;
  }
  return buffer;
}

function openError(path: string, error: unknown): AppError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new AppError('not_found', `no pack file at ${path}`);
  if (code === 'EACCES' || code === 'EPERM') {
    return new AppError('unauthorized', `no permission to read ${path}`);
  }
  if (code === 'EISDIR')
    return new AppError('invalid_request', `${path} is a folder, not a pack file`);
  return new AppError('unavailable', `cannot open ${path}: ${code ?? String(error)}`);
}
