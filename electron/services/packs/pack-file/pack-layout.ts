/**
 * The byte layout of a `.inloop` pack file (all integers little-endian):
 *
 *   magic "INLOOPPK" (8) | format u32 | manifest length u32 | manifest (UTF-8 JSON)
 *   | signature block length u32 (0 = unsigned) | signature block (UTF-8 JSON)
 *   | for each manifest entry, in manifest order: compressed length u32 | raw deflate bytes
 *
 * and nothing after the last entry.
 */
import { PACK_FORMAT } from '../../../../shared/packs/pack-schemas';

export const PACK_MAGIC = new TextEncoder().encode('INLOOPPK');
/** Magic, format and manifest length. */
export const HEADER_BYTES = PACK_MAGIC.length + 8;
export const LENGTH_BYTES = 4;
/** A signature block is about 150 bytes; anything near this is not one. */
export const MAX_SIGNATURE_BLOCK_BYTES = 1024;
export { PACK_FORMAT };

/**
 * Deflate cannot expand data more than 1032:1 (a 258-byte match costs at least two bits), so
 * a declared size beyond this is a lie we can refuse before allocating for it.
 */
export function maxInflatedBytes(compressedBytes: number): number {
  return compressedBytes * 1032 + 1024;
}

/**
 * Well above zlib's `deflateBound` at any level and memory setting (its most conservative
 * bound adds about 14% + 5 bytes; incompressible data costs 5 bytes per stored block). A longer
 * stream is padding or a second payload, never something our writer produced.
 */
export function maxCompressedBytes(inflatedBytes: number): number {
  return inflatedBytes + Math.ceil(inflatedBytes / 4) + 1024;
}

export function readU32(bytes: Uint8Array, offset: number): number {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(offset, true);
}

export function u32(value: number): Uint8Array {
  const bytes = new Uint8Array(LENGTH_BYTES);
  new DataView(bytes.buffer).setUint32(0, value, true);
  return bytes;
}

/** The fixed header for a manifest of `manifestLength` bytes. */
export function encodeHeader(manifestLength: number, format: number = PACK_FORMAT): Uint8Array {
  const header = new Uint8Array(HEADER_BYTES);
  header.set(PACK_MAGIC, 0);
  header.set(u32(format), PACK_MAGIC.length);
  header.set(u32(manifestLength), PACK_MAGIC.length + LENGTH_BYTES);
  return header;
}
