/**
 * Inflating one entry without trusting it: the output may never exceed the size the manifest
 * declares, must match it exactly, and the deflate stream must use every compressed byte.
 */
import { promisify } from 'node:util';
import { deflateRaw, inflateRaw, type InflateRaw, type ZlibOptions } from 'node:zlib';
import { PackFileError } from './pack-file-error';
import { maxCompressedBytes, maxInflatedBytes } from './pack-layout';

const deflateRawAsync = promisify(deflateRaw);

interface InflateResult {
  readonly buffer: Buffer;
  /** `bytesWritten` is how many compressed bytes zlib consumed. */
  readonly engine: InflateRaw;
}

/** Node's `info: true` yields `{ buffer, engine }`; @types/node does not model it. */
function inflateRawWithInfo(input: Uint8Array, options: ZlibOptions): Promise<InflateResult> {
  return new Promise((resolve, reject) => {
    inflateRaw(input, { ...options, info: true } as ZlibOptions, (error, result) => {
      if (error) reject(error);
      else resolve(result as unknown as InflateResult);
    });
  });
}

/** Raw deflate (RFC 1951) at zlib's default level, on the thread pool. */
export async function deflateEntry(data: Uint8Array): Promise<Uint8Array> {
  return deflateRawAsync(data);
}

/**
 * Refuses a compressed length that cannot hold the declared size, or is far longer than any
 * deflate stream of that size: both checks use lengths only, before anything is read.
 */
export function checkCompressedLength(path: string, compressed: number, declared: number): void {
  if (declared > maxInflatedBytes(compressed) || compressed > maxCompressedBytes(declared)) {
    throw new PackFileError(
      'corrupt_entry',
      `entry ${path} stores ${compressed} compressed bytes, which cannot inflate to its declared ${declared} bytes`,
    );
  }
}

/**
 * Inflates `compressed` into exactly `declared` bytes, off the main thread. The output buffer
 * is allocated once at the declared size (already checked against the limits), and zlib is
 * stopped as soon as it would write past it: a decompression bomb costs no more memory than an
 * honest entry of the size it claims.
 */
export async function inflateEntry(
  path: string,
  compressed: Uint8Array,
  declared: number,
): Promise<Uint8Array> {
  let result: InflateResult;
  try {
    result = await inflateRawWithInfo(compressed, {
      // One chunk one byte larger than declared: the output is never copied or concatenated.
      chunkSize: Math.max(64, declared + 1),
      maxOutputLength: Math.max(1, declared),
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new PackFileError(
        'corrupt_entry',
        `entry ${path} inflates to more than its declared ${declared} bytes`,
      );
    }
    throw new PackFileError('corrupt_entry', `entry ${path} is not a valid deflate stream`);
  }
  const { buffer, engine } = result;
  if (buffer.byteLength !== declared) {
    throw new PackFileError(
      'corrupt_entry',
      `entry ${path} inflates to ${buffer.byteLength} bytes, not its declared ${declared}`,
    );
  }
  if (engine.bytesWritten !== compressed.byteLength) {
    throw new PackFileError(
      'corrupt_entry',
      `entry ${path} has bytes after the end of its deflate stream`,
    );
  }
  return buffer;
}
