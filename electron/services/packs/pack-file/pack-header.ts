/**
 * The part of a pack before its entries: magic, format, manifest and signature block. Every
 * length is checked against the file's size and the limits before it is read.
 */
import { PackFileError } from './pack-file-error';
import type { ByteSource } from './byte-source';
import {
  HEADER_BYTES,
  LENGTH_BYTES,
  MAX_SIGNATURE_BLOCK_BYTES,
  PACK_FORMAT,
  PACK_MAGIC,
  readU32,
} from './pack-layout';
import type { PackLimits } from './pack-limits';

export interface PackHeader {
  /** The exact manifest bytes: what the signature covers. A private copy. */
  readonly manifestBytes: Uint8Array;
  /** Empty for an unsigned pack. A private copy. */
  readonly signatureBytes: Uint8Array;
  /** Where the first entry's length prefix starts. */
  readonly entriesOffset: number;
}

/** Reads and frames everything up to the first entry. */
export async function readPackHeader(source: ByteSource, limits: PackLimits): Promise<PackHeader> {
  if (source.size > limits.maxFileBytes) {
    throw new PackFileError(
      'too_large',
      `the pack file is ${source.size} bytes; the limit is ${limits.maxFileBytes}`,
    );
  }
  if (source.size === 0) throw new PackFileError('truncated', 'the pack file is empty');
  const head = await source.read(0, Math.min(source.size, HEADER_BYTES));
  const magic = head.subarray(0, PACK_MAGIC.length);
  if (!magic.every((byte, i) => byte === PACK_MAGIC[i])) {
    throw new PackFileError('not_a_pack', 'not an Inloop pack file (wrong magic bytes)');
  }
  if (head.length < HEADER_BYTES) {
    throw new PackFileError('truncated', 'the pack file is truncated (it ends inside its header)');
  }
  const format = readU32(head, PACK_MAGIC.length);
  if (format !== PACK_FORMAT) {
    throw new PackFileError(
      'unsupported_format',
      format > PACK_FORMAT
        ? `the pack uses file format ${format}; this Inloop reads format ${PACK_FORMAT}, update it to install this pack`
        : `the pack declares file format ${format}, which never existed`,
    );
  }
  const manifestLength = readU32(head, PACK_MAGIC.length + LENGTH_BYTES);
  if (manifestLength === 0) throw new PackFileError('bad_manifest', 'the pack manifest is empty');
  if (manifestLength > limits.maxManifestBytes) {
    throw new PackFileError(
      'too_large',
      `the manifest is ${manifestLength} bytes; the limit is ${limits.maxManifestBytes}`,
    );
  }
  let offset = HEADER_BYTES;
  const manifestBytes = await readRegion(source, offset, manifestLength, 'its manifest');
  offset += manifestLength;
  const signatureLength = readU32(
    await readRegion(source, offset, LENGTH_BYTES, 'its signature block'),
    0,
  );
  offset += LENGTH_BYTES;
  if (signatureLength > MAX_SIGNATURE_BLOCK_BYTES) {
    throw new PackFileError(
      'bad_signature',
      `the signature block is ${signatureLength} bytes, too long to be one`,
    );
  }
  const signatureBytes = await readRegion(source, offset, signatureLength, 'its signature block');
  offset += signatureLength;
  return { manifestBytes, signatureBytes, entriesOffset: offset };
}

/** A copy of `length` bytes at `offset`, or `truncated` naming where the file ends. */
async function readRegion(
  source: ByteSource,
  offset: number,
  length: number,
  what: string,
): Promise<Uint8Array> {
  if (length > source.size - offset) {
    throw new PackFileError('truncated', `the pack file is truncated (it ends inside ${what})`);
  }
  // A copy, so the bytes whose signature was checked are the bytes that get parsed.
  return new Uint8Array(await source.read(offset, length));
}
