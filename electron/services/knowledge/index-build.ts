/**
 * Writing an installed version's search index (`index.lancedb`) from its `content.json`: the
 * one step of an install that runs either in the installing process or in the pack index
 * worker (index-worker.ts), whichever the indexer was made with (pack-indexer.ts).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_ANALYZER } from '../../../shared/knowledge/analyzer';
import { parseInstalledContent, type InstalledContent } from '../packs/install/installed-content';
import { indexArticles, indexPassages } from './installed-pack';
import { createPassageStore } from './lancedb-passage-store';

/** File and folder names inside an installed version folder. */
export const CONTENT_FILE = 'content.json';
export const INDEX_FOLDER = 'index.lancedb';

/** Builds `folder/index.lancedb` for `content` (vectors: one per passage, or none) and closes it. */
export async function writeIndex(
  folder: string,
  content: InstalledContent,
  vectors: readonly Float32Array[] | null,
): Promise<void> {
  const store = await createPassageStore(
    join(folder, INDEX_FOLDER),
    indexArticles(content, null),
    indexPassages(content, null),
    DEFAULT_ANALYZER,
    vectors ?? undefined,
  );
  store.close();
}

/** The `content.json` the installer wrote into `folder`. */
export async function readWrittenContent(folder: string): Promise<InstalledContent> {
  const path = join(folder, CONTENT_FILE);
  return parseInstalledContent(await readFile(path, 'utf8'), path);
}

/** `count × dimension` values as one row view per passage (no copy). */
export function vectorRows(data: Float32Array, dimension: number): Float32Array[] {
  const rows: Float32Array[] = [];
  for (let at = 0; at + dimension <= data.length; at += dimension) {
    rows.push(data.subarray(at, at + dimension));
  }
  return rows;
}

/** One flat copy of `vectors` (all of `dimension` values), as it crosses to the worker. */
export function flatVectors(vectors: readonly Float32Array[], dimension: number): Float32Array {
  const flat = new Float32Array(vectors.length * dimension);
  vectors.forEach((v, i) => flat.set(v.subarray(0, dimension), i * dimension));
  return flat;
}
