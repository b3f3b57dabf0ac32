/**
 * Grounded snippets: from each of the top passages, the sentence (or two neighbouring
 * sentences) that best answer the customer's latest turns, as a short reply the agent can send,
 * "According to <title>: …", with the article it cites. A passage with no sentence sharing a
 * term with the question gives no snippet: a snippet that does not answer is noise.
 */
import type { ReplySuggestion } from '../schemas/assist';
import type { SearchHit } from '../schemas/knowledge';
import { customerQuery, type SpokenTurn } from './suggest/customer-query';
import { clip, cosine, sentences, termVector } from './suggest/text';

/** The longest snippet text, characters. */
export const MAX_SNIPPET_CHARS = 300;

interface Pick {
  readonly text: string;
  readonly score: number;
}

/** The best-matching sentence of `passage`, joined with its neighbour when both fit and help. */
function bestSentences(
  passage: string,
  query: ReadonlyMap<string, number>,
  budget: number,
): Pick | null {
  const list = sentences(passage);
  const scores = list.map((s) => cosine(query, termVector(s)));
  let best = -1;
  for (let i = 0; i < list.length; i++)
    if (scores[i]! > 0 && (best < 0 || scores[i]! > scores[best]!)) best = i;
  if (best < 0) return null;
  let text = list[best]!;
  const next = list[best + 1];
  const prev = list[best - 1];
  // A short best sentence often needs its neighbour ("Yes. Refunds take 5 days."): add the
  // better-scoring neighbour when it still fits.
  const neighbour =
    next !== undefined && (prev === undefined || scores[best + 1]! >= scores[best - 1]!)
      ? { text: `${text} ${next}`, score: scores[best + 1]! }
      : prev !== undefined
        ? { text: `${prev} ${text}`, score: scores[best - 1]! }
        : null;
  if (neighbour && neighbour.text.length <= budget && (neighbour.score > 0 || text.length < 80)) {
    text = neighbour.text;
  }
  return { text: clip(text, budget), score: scores[best]! };
}

/** Up to `limit` snippets from `hits` (best first, one per article); see the file comment. */
export function groundedSnippets(
  hits: readonly SearchHit[],
  turns: readonly SpokenTurn[],
  limit = 2,
): ReplySuggestion[] {
  if (limit <= 0) return [];
  const query = customerQuery(turns);
  if (query.size === 0) return [];
  const out: ReplySuggestion[] = [];
  const seen = new Set<string>();
  for (const hit of hits) {
    if (out.length >= limit) break;
    const key = `${hit.packId}/${hit.articleId}`;
    if (seen.has(key)) continue;
    const lead = `According to ${hit.title}: `;
    const pick = bestSentences(hit.passage, query, MAX_SNIPPET_CHARS - lead.length);
    if (!pick) continue;
    seen.add(key);
    out.push({
      text: `${lead}${pick.text}`,
      source: 'snippet',
      title: hit.title,
      citations: [{ articleId: hit.articleId, title: hit.title, packId: hit.packId }],
    });
  }
  return out;
}
