/**
 * How much a pack file may ask of the machine reading it. Every size the file declares is
 * checked against these before anything of that size is allocated.
 */
import { AppError } from '../../../../shared/result';
import { MAX_PACK_FILE_BYTES } from '../../../../shared/schemas/packs';

const MiB = 1024 * 1024;

/** Upper bounds, in bytes, for one pack file. */
export interface PackLimits {
  /** The whole `.inloop` file as stored (compressed). */
  readonly maxFileBytes: number;
  /** The manifest JSON. */
  readonly maxManifestBytes: number;
  /** One uncompressed text entry (`content/*.jsonl`, `content/*.json`). */
  readonly maxTextEntryBytes: number;
  /** The uncompressed `index/embeddings.f32`. */
  readonly maxEmbeddingsBytes: number;
  /** All entries together, uncompressed: what the reader holds in memory at the end. */
  readonly maxTotalBytes: number;
}

/** Generous for a contact-centre knowledge base, small enough for an agent's laptop. */
export const DEFAULT_PACK_LIMITS: PackLimits = Object.freeze({
  maxFileBytes: MAX_PACK_FILE_BYTES,
  maxManifestBytes: 64 * 1024,
  maxTextEntryBytes: 64 * MiB,
  maxEmbeddingsBytes: 1024 * MiB,
  maxTotalBytes: 1280 * MiB,
});

/**
 * The container stores lengths as u32 and Node cannot inflate past its buffer limit, so no
 * configured limit may exceed this.
 */
const HARD_MAX_BYTES = 0xffff_ffff;

/** Defaults overridden by `overrides`; each must be a positive whole number of bytes. */
export function resolvePackLimits(overrides: Partial<PackLimits> = {}): PackLimits {
  const limits = { ...DEFAULT_PACK_LIMITS };
  for (const key of Object.keys(DEFAULT_PACK_LIMITS) as Array<keyof PackLimits>) {
    const value = overrides[key];
    if (value === undefined) continue;
    if (!Number.isSafeInteger(value) || value <= 0 || value > HARD_MAX_BYTES) {
      throw new AppError(
        'invalid_request',
        `pack limit ${key} must be 1 to ${HARD_MAX_BYTES} bytes`,
      );
    }
    limits[key] = value;
  }
  return Object.freeze(limits);
}
