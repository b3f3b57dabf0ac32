/**
 * The `.inloop` pack file: one signed file a team lead builds and every agent's machine
 * verifies before installing. Format and trust model: docs/knowledge-packs.md.
 */
export { readPackFile, type ReadPackOptions, type VerifiedPack } from './pack-reader';
export { encodePackFile, writePackFile, type EncodedPack, type PackFileInput } from './pack-writer';
export {
  generateSigningKeys,
  keyIdOf,
  writeSigningKeyFiles,
  type SigningKeyFiles,
  type SigningKeys,
} from './pack-keys';
export { type PackSigner } from './pack-signature';
export { DEFAULT_PACK_LIMITS, type PackLimits } from './pack-limits';
export {
  CONTENT_ENTRY_PATHS,
  EMBEDDINGS_ENTRY_PATH,
  PACK_ENTRY_PATHS,
  RANKING_ENTRY_PATH,
  type PackEntryPath,
} from './pack-entries';
export { PackFileError, type PackFileProblem } from './pack-file-error';
