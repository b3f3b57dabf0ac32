/**
 * Which entries a pack holds and what each must look like. Pure checks, shared by the writer
 * (so it never writes a pack the reader would refuse) and the reader.
 */
import { isUtf8 } from 'node:buffer';
import type { PackManifest } from '../../../../shared/packs/pack-schemas';
import { PackFileError, quoted } from './pack-file-error';
import type { PackLimits } from './pack-limits';

/** The text entries every pack carries. */
export const CONTENT_ENTRY_PATHS = [
  'content/articles.jsonl',
  'content/passages.jsonl',
  'content/responses.json',
  'content/intents.json',
  'content/rules.json',
] as const;
/** Little-endian float32 rows, one per passage in `content/passages.jsonl` order. */
export const EMBEDDINGS_ENTRY_PATH = 'index/embeddings.f32';
/** The team's ranking (a JSON array of `PackRankingRow`), when the source has `ranking.yaml`. */
export const RANKING_ENTRY_PATH = 'content/ranking.json';

/** Every entry path a pack of this format may hold; anything else is refused. */
export const PACK_ENTRY_PATHS = [
  ...CONTENT_ENTRY_PATHS,
  RANKING_ENTRY_PATH,
  EMBEDDINGS_ENTRY_PATH,
] as const;
export type PackEntryPath = (typeof PACK_ENTRY_PATHS)[number];

export function isPackEntryPath(path: string): path is PackEntryPath {
  return (PACK_ENTRY_PATHS as readonly string[]).includes(path);
}

/** Refuses a path that could name anything outside the pack, then any path not allowed. */
export function checkEntryPath(path: string): asserts path is PackEntryPath {
  const segments = path.split(/[/\\]/);
  const escapes =
    path.startsWith('/') ||
    path.includes('\\') ||
    /^[A-Za-z]:/.test(path) ||
    path.includes('\0') ||
    segments.some((s) => s === '' || s === '.' || s === '..');
  if (escapes) {
    throw new PackFileError(
      'bad_entry',
      `entry path ${quoted(path)} is not a plain relative path inside the pack`,
    );
  }
  if (!isPackEntryPath(path)) {
    throw new PackFileError(
      'bad_entry',
      `entry ${quoted(path)} is not a known pack entry (expected ${PACK_ENTRY_PATHS.join(', ')})`,
    );
  }
}

/** The byte size the manifest's counts and embedding require of `index/embeddings.f32`. */
export function expectedEmbeddingsBytes(manifest: PackManifest): number | null {
  if (manifest.embedding === null) return null;
  return manifest.counts.passages * manifest.embedding.dimension * 4;
}

/**
 * Checks the entry list against the allow-list, the limits and the manifest's own counts,
 * using only declared sizes: nothing has been read or allocated for the entries yet.
 */
export function checkEntryLayout(manifest: PackManifest, limits: PackLimits): void {
  const seen = new Set<string>();
  let total = 0;
  for (const entry of manifest.entries) {
    checkEntryPath(entry.path);
    if (seen.has(entry.path)) {
      throw new PackFileError('bad_entry', `entry ${quoted(entry.path)} is listed twice`);
    }
    seen.add(entry.path);
    const limit =
      entry.path === EMBEDDINGS_ENTRY_PATH ? limits.maxEmbeddingsBytes : limits.maxTextEntryBytes;
    if (entry.size > limit) {
      throw new PackFileError(
        'too_large',
        `entry ${entry.path} declares ${entry.size} bytes; the limit is ${limit}`,
      );
    }
    total += entry.size;
  }
  if (total > limits.maxTotalBytes) {
    throw new PackFileError(
      'too_large',
      `entries declare ${total} bytes in all; the limit is ${limits.maxTotalBytes}`,
    );
  }
  for (const path of CONTENT_ENTRY_PATHS) {
    if (!seen.has(path)) throw new PackFileError('bad_entry', `required entry ${path} is missing`);
  }
  checkEmbeddingsLayout(manifest);
}

function checkEmbeddingsLayout(manifest: PackManifest): void {
  const entry = manifest.entries.find((e) => e.path === EMBEDDINGS_ENTRY_PATH);
  const expected = expectedEmbeddingsBytes(manifest);
  if (expected === null) {
    if (entry) {
      throw new PackFileError(
        'bad_embeddings',
        `the pack holds ${EMBEDDINGS_ENTRY_PATH} but its manifest names no embedding model`,
      );
    }
    return;
  }
  const { passages } = manifest.counts;
  const dimension = manifest.embedding?.dimension ?? 0;
  if (!entry) {
    throw new PackFileError(
      'bad_embeddings',
      `the manifest names an embedding model but the pack has no ${EMBEDDINGS_ENTRY_PATH}`,
    );
  }
  if (entry.size !== expected) {
    const rowBytes = passages * 4;
    const hint =
      rowBytes > 0 && entry.size % rowBytes === 0
        ? ` (that is ${entry.size / rowBytes}-dimension vectors; the manifest says ${dimension})`
        : '';
    throw new PackFileError(
      'bad_embeddings',
      `${EMBEDDINGS_ENTRY_PATH} holds ${entry.size} bytes but ${passages} passages × ` +
        `${dimension} dimensions × 4 bytes is ${expected}${hint}`,
    );
  }
}

/** Checks an entry's uncompressed bytes are what its path promises: UTF-8 text or finite floats. */
export function checkEntryContent(path: PackEntryPath, data: Uint8Array, dimension: number): void {
  if (path === EMBEDDINGS_ENTRY_PATH) {
    checkFiniteFloats(data, dimension);
    return;
  }
  // Same strict decoder as `new TextDecoder('utf-8', { fatal: true })`, without building
  // a 64 MiB string to throw away.
  if (!isUtf8(data)) throw new PackFileError('bad_text', `entry ${path} is not valid UTF-8`);
}

function checkFiniteFloats(data: Uint8Array, dimension: number): void {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  for (let offset = 0; offset + 4 <= data.byteLength; offset += 4) {
    // All exponent bits set is infinity or NaN.
    if ((view.getUint32(offset, true) & 0x7f80_0000) === 0x7f80_0000) {
      const index = offset / 4;
      const row = Math.floor(index / dimension);
      throw new PackFileError(
        'bad_embeddings',
        `${EMBEDDINGS_ENTRY_PATH} holds a NaN or infinite value (passage ${row}, component ${index - row * dimension})`,
      );
    }
  }
}
