/**
 * Writing a pack file: hash and size every entry into the manifest, sign the manifest, deflate
 * the entries and write the file atomically. The writer applies every check the reader does,
 * so it never produces a pack that agents' machines would refuse.
 */
import { createHash } from 'node:crypto';
import { chmod } from 'node:fs/promises';
import type { PackManifest } from '../../../../shared/packs/pack-schemas';
import { writeFileAtomic } from '../../core/atomic-file';
import { deflateEntry } from './entry-inflate';
import { checkEntryContent, checkEntryLayout, checkEntryPath } from './pack-entries';
import { PackFileError } from './pack-file-error';
import { encodeHeader, u32 } from './pack-layout';
import { resolvePackLimits, type PackLimits } from './pack-limits';
import { encodeManifest, validateManifest } from './pack-manifest';
import { signManifest } from './pack-signature';

/** What a pack is built from: the manifest without its entry list, and the entries' bytes. */
export interface PackFileInput {
  readonly manifest: Omit<PackManifest, 'entries'>;
  readonly entries: ReadonlyArray<{ readonly path: string; readonly data: Uint8Array }>;
}

/** An encoded pack: the file's bytes and the manifest they carry. */
export interface EncodedPack {
  readonly bytes: Uint8Array;
  readonly manifest: PackManifest;
}

/**
 * Encodes a pack in memory. Entries are stored in the order given; `signKeyPem` is an ed25519
 * PKCS#8 PEM private key, or omitted for an unsigned (development) pack.
 */
export async function encodePackFile(
  input: PackFileInput,
  signKeyPem?: string,
  limits: Partial<PackLimits> = {},
): Promise<EncodedPack> {
  const resolved = resolvePackLimits(limits);
  const manifest = validateManifest({
    ...input.manifest,
    entries: input.entries.map(({ path, data }) => ({
      path,
      sha256: createHash('sha256').update(data).digest('hex'),
      size: data.byteLength,
    })),
  });
  checkEntryLayout(manifest, resolved);
  const dimension = manifest.embedding?.dimension ?? 1;
  for (const { path, data } of input.entries) {
    checkEntryPath(path);
    checkEntryContent(path, data, dimension);
  }

  const manifestBytes = encodeManifest(manifest);
  if (manifestBytes.byteLength > resolved.maxManifestBytes) {
    throw new PackFileError(
      'too_large',
      `the manifest is ${manifestBytes.byteLength} bytes; the limit is ${resolved.maxManifestBytes}`,
    );
  }
  const signature =
    signKeyPem === undefined ? new Uint8Array(0) : signManifest(manifestBytes, signKeyPem);
  const parts: Uint8Array[] = [
    encodeHeader(manifestBytes.byteLength),
    manifestBytes,
    u32(signature.byteLength),
    signature,
  ];
  for (const { data } of input.entries) {
    const compressed = await deflateEntry(data);
    parts.push(u32(compressed.byteLength), compressed);
  }
  const bytes = Buffer.concat(parts);
  if (bytes.byteLength > resolved.maxFileBytes) {
    throw new PackFileError(
      'too_large',
      `the pack file would be ${bytes.byteLength} bytes; the limit is ${resolved.maxFileBytes}`,
    );
  }
  return { bytes, manifest };
}

/**
 * Builds the pack file at `path` (atomically: readers never see half a pack) and returns its
 * manifest. The file is world-readable: a pack is distributed, its signature protects it.
 */
export async function writePackFile(
  path: string,
  input: PackFileInput,
  signKeyPem?: string,
  limits: Partial<PackLimits> = {},
): Promise<PackManifest> {
  const { bytes, manifest } = await encodePackFile(input, signKeyPem, limits);
  await writeFileAtomic(path, bytes);
  if (process.platform !== 'win32') await chmod(path, 0o644);
  return manifest;
}
