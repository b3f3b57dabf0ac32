/**
 * The text hybrid search embeds for a conversation. A sentence embedding cannot weight words,
 * so recency is expressed by order and truncation: the latest customer turn first, then the
 * turns before it, newest first, until `maxChars` (a small model sees 256-512 tokens at most,
 * and the oldest turns matter least).
 */
import type { Turn } from './types';

/**
 * Default budget: about 90 word pieces, the latest customer turn and a turn or two before it.
 * The query is embedded on every search, and its cost grows with its length (on a 2-core
 * machine, 600 characters cost about half as much again as 400).
 */
export const EMBEDDING_QUERY_CHARS = 400;

/** The conversation as one text to embed, most relevant turn first. */
export function embeddingQueryText(
  turns: readonly Turn[],
  maxChars: number = EMBEDDING_QUERY_CHARS,
): string {
  const ordered = [...turns].reverse();
  const latestCustomer = ordered.findIndex((t) => t.role === 'customer');
  if (latestCustomer > 0) ordered.unshift(...ordered.splice(latestCustomer, 1));
  const parts: string[] = [];
  let used = 0;
  for (const turn of ordered) {
    const text = turn.text.trim().replace(/\s+/g, ' ');
    if (!text) continue;
    const separator = parts.length > 0 ? 1 : 0;
    const room = maxChars - used - separator;
    if (room <= 0) break;
    const piece = text.slice(0, room);
    parts.push(piece);
    used += separator + piece.length;
  }
  return parts.join(' ');
}
