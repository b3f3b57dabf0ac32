/**
 * The content entries of a built pack, encoded exactly as the reader and installer expect:
 * `content/articles.jsonl` (one `Article` a line), `content/passages.jsonl` (one `Passage` a
 * line, in index order), and `responses.json`, `intents.json`, `rules.json` (JSON arrays);
 * `ranking.json` (the team's ranking, a JSON array) only when the source has one.
 */
import type { PackRankingRow, PackSource, Passage } from '../../../../shared/packs/pack-schemas';
import { EMBEDDINGS_ENTRY_PATH, RANKING_ENTRY_PATH } from '../pack-file';

export interface PackEntryBytes {
  readonly path: string;
  readonly data: Uint8Array;
}

const encoder = new TextEncoder();
const jsonl = (rows: readonly unknown[]): Uint8Array =>
  encoder.encode(rows.map((row) => `${JSON.stringify(row)}\n`).join(''));
const json = (value: unknown): Uint8Array => encoder.encode(JSON.stringify(value));

/** Every entry of the pack; the embeddings entry only when `embeddings` is given. */
export function packContentEntries(
  source: PackSource,
  passages: readonly Passage[],
  ranking: readonly PackRankingRow[],
  embeddings: Uint8Array | null,
): PackEntryBytes[] {
  const entries: PackEntryBytes[] = [
    { path: 'content/articles.jsonl', data: jsonl(source.articles) },
    { path: 'content/passages.jsonl', data: jsonl(passages) },
    { path: 'content/responses.json', data: json(source.responses) },
    { path: 'content/intents.json', data: json(source.intents) },
    { path: 'content/rules.json', data: json(source.rules) },
    ...(ranking.length > 0 ? [{ path: RANKING_ENTRY_PATH, data: json(ranking) }] : []),
  ];
  return embeddings ? [...entries, { path: EMBEDDINGS_ENTRY_PATH, data: embeddings }] : entries;
}
