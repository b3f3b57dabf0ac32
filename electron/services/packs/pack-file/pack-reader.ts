/**
 * Reading a pack file that may be damaged or hostile. Order matters: frame the header, decide
 * trust from the signature before parsing the manifest, check every declared size against the
 * limits before reading an entry, then inflate, hash and check each entry. Nothing is returned
 * until every entry has been verified; every refusal is a `PackFileError`.
 */
import { createHash } from 'node:crypto';
import type { PackManifest } from '../../../../shared/packs/pack-schemas';
import { AppError } from '../../../../shared/result';
import { fileSource, memorySource, type ByteSource } from './byte-source';
import { checkCompressedLength, inflateEntry } from './entry-inflate';
import {
  checkEntryContent,
  checkEntryLayout,
  checkEntryPath,
  type PackEntryPath,
} from './pack-entries';
import { PackFileError } from './pack-file-error';
import { readPackHeader } from './pack-header';
import { resolvePackLimits, type PackLimits } from './pack-limits';
import { parseManifest } from './pack-manifest';
import { parseTrustedKeys, signatureKeyId, verifySigner, type PackSigner } from './pack-signature';

/** How a reader decides what to accept. */
export interface ReadPackOptions {
  /** Public key PEMs (SPKI) of the publishers this machine trusts. */
  readonly trustedKeys: readonly string[];
  /** Accept packs with no signature (development only); a signature by an unknown key is still refused. */
  readonly allowUnsigned: boolean;
  readonly limits?: Partial<PackLimits>;
  /**
   * `verify` (default) decides trust from the signature. `report` skips that one decision,
   * for `inloop pack verify` without a publisher key: the signature block must still be well
   * formed, and its key id is returned as `claimedKeyId`, unchecked; every other check runs.
   */
  readonly signature?: 'verify' | 'report';
}

/** A pack whose every byte has been checked. */
export interface VerifiedPack {
  readonly manifest: PackManifest;
  /** The trusted publisher key that signed it, or null for an allowed unsigned pack. */
  readonly signer: PackSigner | null;
  /** The key id the signature block names (verified only when `signer` is set); null if unsigned. */
  readonly claimedKeyId: string | null;
  /**
   * An entry's uncompressed bytes (shared, do not modify). `index/embeddings.f32` is 4-byte
   * aligned, so `new Float32Array(b.buffer, b.byteOffset, b.byteLength / 4)` views it.
   * Throws `not_found` for an entry this pack does not hold.
   */
  entry(path: PackEntryPath): Uint8Array;
}

/** Reads and fully verifies a pack from a file path or from bytes in memory. */
export async function readPackFile(
  input: string | Uint8Array,
  options: ReadPackOptions,
): Promise<VerifiedPack> {
  const limits = resolvePackLimits(options.limits);
  const trusted = parseTrustedKeys(options.trustedKeys);
  const source = typeof input === 'string' ? await fileSource(input) : memorySource(input);
  try {
    const header = await readPackHeader(source, limits);
    const report = options.signature === 'report';
    const signer = report
      ? null
      : verifySigner(header.manifestBytes, header.signatureBytes, trusted, options.allowUnsigned);
    const claimedKeyId =
      header.signatureBytes.length === 0 ? null : signatureKeyId(header.signatureBytes);
    const manifest = parseManifest(header.manifestBytes);
    checkEntryLayout(manifest, limits);
    const frames = await frameEntries(source, header.entriesOffset, manifest);
    const entries = new Map<string, Uint8Array>();
    for (const [index, entry] of manifest.entries.entries()) {
      const frame = frames[index]!;
      checkEntryPath(entry.path);
      const compressed = await source.read(frame.offset, frame.length);
      const data = aligned(await inflateEntry(entry.path, compressed, entry.size));
      if (createHash('sha256').update(data).digest('hex') !== entry.sha256) {
        throw new PackFileError(
          'tampered_entry',
          `entry ${entry.path} does not match its SHA-256 in the manifest`,
        );
      }
      checkEntryContent(entry.path, data, manifest.embedding?.dimension ?? 1);
      entries.set(entry.path, data);
    }
    return Object.freeze({
      manifest: deepFreeze(manifest),
      signer,
      claimedKeyId,
      entry(path: PackEntryPath): Uint8Array {
        const data = entries.get(path);
        if (!data) throw new AppError('not_found', `pack ${manifest.pack.id} has no entry ${path}`);
        return data;
      },
    });
  } finally {
    await source.close();
  }
}

interface EntryFrame {
  readonly offset: number;
  readonly length: number;
}

/**
 * Walks the length prefixes of every entry (cheap, small reads) so truncation, trailing bytes
 * and impossible compressed lengths are refused before any entry is inflated.
 */
async function frameEntries(
  source: ByteSource,
  start: number,
  manifest: PackManifest,
): Promise<EntryFrame[]> {
  const frames: EntryFrame[] = [];
  let offset = start;
  for (const entry of manifest.entries) {
    if (source.size - offset < 4) {
      throw new PackFileError(
        'truncated',
        `the pack file is truncated (it ends before entry ${entry.path})`,
      );
    }
    const prefix = await source.read(offset, 4);
    const length = new DataView(prefix.buffer, prefix.byteOffset, 4).getUint32(0, true);
    offset += 4;
    if (length > source.size - offset) {
      throw new PackFileError(
        'truncated',
        `the pack file is truncated (it ends inside entry ${entry.path})`,
      );
    }
    checkCompressedLength(entry.path, length, entry.size);
    frames.push({ offset, length });
    offset += length;
  }
  if (offset !== source.size) {
    throw new PackFileError(
      'trailing_bytes',
      `the pack file has ${source.size - offset} unexpected bytes after its last entry`,
    );
  }
  return frames;
}

/** Float32Array views need 4-byte alignment; zlib's small outputs may come from a shared pool. */
function aligned(data: Uint8Array): Uint8Array {
  return data.byteOffset % 4 === 0 ? data : new Uint8Array(data);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
