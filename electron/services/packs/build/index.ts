/** Building a `.inloop` pack from a pack source folder. Format: docs/knowledge-packs.md. */
export {
  buildPack,
  type BuildPackOptions,
  type BuildPackResult,
  type BuildProgress,
} from './build-pack';
export { embeddingText, passagesOfArticle } from './pack-passages';
export { embedPassages, EMBED_BATCH } from './embed-passages';
