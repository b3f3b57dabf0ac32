/**
 * Verifying a pack file for its publisher: every check the installer makes, and who signed
 * it. With the publisher's public key the signature is checked too; without one, the content
 * is still checked against the manifest and the signing key id is reported, unchecked.
 */
import { readFile } from 'node:fs/promises';
import { readPackFile, type VerifiedPack } from '../pack-file';
import { memorySource } from '../pack-file/byte-source';
import { readPackHeader } from '../pack-file/pack-header';
import { encodeHeader, u32 } from '../pack-file/pack-layout';
import { resolvePackLimits } from '../pack-file/pack-limits';

export interface PackVerdict {
  readonly pack: VerifiedPack;
  /** The key id in the signature block, or null for an unsigned pack. */
  readonly signedBy: string | null;
  /** True only when the signature verified with a given publisher key. */
  readonly trusted: boolean;
}

/** Verifies `file`; throws the reader's `PackFileError` for anything it refuses. */
export async function verifyPack(file: string, publisherKeyPem?: string): Promise<PackVerdict> {
  if (publisherKeyPem !== undefined) {
    const pack = await readPackFile(file, { trustedKeys: [publisherKeyPem], allowUnsigned: false });
    return { pack, signedBy: pack.signer?.keyId ?? null, trusted: pack.signer !== null };
  }
  const bytes = await readFile(file).catch((error: NodeJS.ErrnoException) => {
    throw new Error(
      error.code === 'ENOENT' ? `${file} does not exist` : `cannot read ${file}: ${error.message}`,
      { cause: error },
    );
  });
  const header = await readPackHeader(memorySource(bytes), resolvePackLimits());
  if (header.signatureBytes.length === 0) {
    const pack = await readPackFile(bytes, { trustedKeys: [], allowUnsigned: true });
    return { pack, signedBy: null, trusted: false };
  }
  // No key to check the signature with: check the same bytes as an unsigned pack, so every
  // entry is still verified against the manifest, and report the key id it claims.
  const unsigned = Buffer.concat([
    encodeHeader(header.manifestBytes.byteLength),
    header.manifestBytes,
    u32(0),
    bytes.subarray(header.entriesOffset),
  ]);
  const pack = await readPackFile(unsigned, { trustedKeys: [], allowUnsigned: true });
  return { pack, signedBy: claimedKeyId(header.signatureBytes), trusted: false };
}

function claimedKeyId(block: Uint8Array): string {
  try {
    const { keyId } = JSON.parse(new TextDecoder().decode(block)) as { keyId?: unknown };
    if (typeof keyId === 'string' && /^[0-9a-f]{16}$/.test(keyId)) return keyId;
  } catch {
    // Reported below as unreadable.
  }
  return 'unreadable';
}
