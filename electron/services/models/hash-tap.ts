/**
 * A pass-through stream that hashes and counts what flows through it, so a copy or a
 * download is written and checked in one pass.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export class HashTap extends Transform {
  private readonly hash = createHash('sha256');
  private seen = 0;

  /** `onBytes` hears the running byte count after each chunk. */
  constructor(private readonly onBytes?: (bytes: number) => void) {
    super();
  }

  /** Bytes seen so far. */
  get bytes(): number {
    return this.seen;
  }

  /** The hex sha256 of everything seen; call once, after the stream has ended. */
  sha256(): string {
    return this.hash.digest('hex');
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
    this.hash.update(chunk);
    this.seen += chunk.length;
    this.onBytes?.(this.seen);
    this.push(chunk);
    callback();
  }
}

/** Copies a file (creating the destination's folders) and returns its sha256 and size. */
export async function copyFileHashed(
  from: string,
  to: string,
): Promise<{ sha256: string; size: number }> {
  await mkdir(dirname(to), { recursive: true });
  const tap = new HashTap();
  await pipeline(createReadStream(from), tap, createWriteStream(to, { flags: 'wx' }));
  return { sha256: tap.sha256(), size: tap.bytes };
}
