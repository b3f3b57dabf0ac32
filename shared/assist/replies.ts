/**
 * Reply suggestions for the conversation so far: the pack's canned replies ranked for it and
 * filled from its entities, then short grounded snippets from the top passages. The detected
 * intent's replies come first; the rest rank by lexical similarity (TF-IDF cosine over the
 * replies' title, tags and text) to the latest customer turns. Two replies whose filled texts
 * say nearly the same thing are shown once.
 */
import type { CannedResponse } from '../packs/pack-schemas';
import type { Entity, ReplySuggestion } from '../schemas/assist';
import type { SearchHit } from '../schemas/knowledge';
import { fillPlaceholders, placeholderValues, PLACEHOLDER_PATTERN } from './placeholders';
import { groundedSnippets } from './snippets';
import { customerQuery, type SpokenTurn } from './suggest/customer-query';
import { contentTerms, termOverlap } from './suggest/text';

/** A canned reply with the pack it came from. */
export type PackResponse = CannedResponse & { readonly packId: string };

/** What `suggestReplies` reads. */
export interface SuggestRepliesInput {
  readonly responses: readonly PackResponse[];
  readonly intentId: string | null;
  /** The intent's own `responses` list (intents.yaml): replies of the intent too, besides those
   * whose `intents` name it. */
  readonly intentResponses?: readonly string[];
  readonly turns: readonly SpokenTurn[];
  readonly entities: readonly Entity[];
  readonly hits: readonly SearchHit[];
  /** Canned replies at most (default 3). */
  readonly limit?: number;
  /** Grounded snippets at most (default 2; 0 for none). */
  readonly snippets?: number;
  /** Extra placeholder values (agent_name, company, ...). */
  readonly values?: Readonly<Record<string, string>>;
}

/** A reply not of the intent must reach this similarity to be suggested at all. */
export const MIN_REPLY_SIMILARITY = 0.08;
/** Filled texts overlapping this much (Jaccard of content terms) are near-duplicates. */
export const NEAR_DUPLICATE_OVERLAP = 0.7;

interface Ranked {
  readonly response: PackResponse;
  readonly ofIntent: boolean;
  readonly similarity: number;
}

function responseTerms(r: CannedResponse): string[] {
  const text = r.text.replace(PLACEHOLDER_PATTERN, ' ');
  // The title names what the reply is for: it counts twice.
  return [
    ...contentTerms(r.title),
    ...contentTerms(r.title),
    ...r.tags.flatMap(contentTerms),
    ...contentTerms(text),
  ];
}

interface ReplyVector {
  readonly weights: ReadonlyMap<string, number>;
  readonly norm: number;
}

// The pack's replies do not change between turns: their term counts are kept per reply object
// and their TF-IDF vectors per reply list, so a new turn only analyses the new query.
const countsCache = new WeakMap<CannedResponse, ReadonlyMap<string, number>>();
const vectorCache = new WeakMap<readonly PackResponse[], readonly ReplyVector[]>();

function responseCounts(r: CannedResponse): ReadonlyMap<string, number> {
  let counts = countsCache.get(r);
  if (!counts) {
    const c = new Map<string, number>();
    for (const t of responseTerms(r)) c.set(t, (c.get(t) ?? 0) + 1);
    countsCache.set(r, c);
    counts = c;
  }
  return counts;
}

/** TF-IDF vectors of the replies, IDF taken over the replies themselves. */
function tfidfVectors(responses: readonly PackResponse[]): readonly ReplyVector[] {
  const cached = vectorCache.get(responses);
  if (cached) return cached;
  const counts = responses.map(responseCounts);
  const df = new Map<string, number>();
  for (const c of counts) for (const t of c.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const n = responses.length;
  const vectors = counts.map((c) => {
    const weights = new Map<string, number>();
    let sq = 0;
    for (const [t, tf] of c) {
      const w = tf * Math.log(1 + n / (df.get(t) ?? 1));
      weights.set(t, w);
      sq += w * w;
    }
    return { weights, norm: Math.sqrt(sq) };
  });
  vectorCache.set(responses, vectors);
  return vectors;
}

function similarity(query: ReadonlyMap<string, number>, queryNorm: number, v: ReplyVector): number {
  if (queryNorm === 0 || v.norm === 0) return 0;
  let dot = 0;
  for (const [t, w] of query) dot += w * (v.weights.get(t) ?? 0);
  return dot / (queryNorm * v.norm);
}

function rank(input: SuggestRepliesInput): Ranked[] {
  const query = customerQuery(input.turns);
  const queryNorm = Math.sqrt([...query.values()].reduce((a, w) => a + w * w, 0));
  const vectors = tfidfVectors(input.responses);
  const ranked = input.responses.map((response, i) => ({
    response,
    ofIntent:
      input.intentId !== null &&
      (response.intents.includes(input.intentId) ||
        (input.intentResponses?.includes(response.id) ?? false)),
    similarity: similarity(query, queryNorm, vectors[i]!),
  }));
  return ranked
    .filter((r) => r.ofIntent || r.similarity >= MIN_REPLY_SIMILARITY)
    .sort(
      (a, b) =>
        Number(b.ofIntent) - Number(a.ofIntent) ||
        b.similarity - a.similarity ||
        a.response.id.localeCompare(b.response.id),
    );
}

/** Canned replies ranked and filled, then grounded snippets; see the file comment. */
export function suggestReplies(input: SuggestRepliesInput): ReplySuggestion[] {
  const limit = input.limit ?? 3;
  const values = placeholderValues(input.entities, input.values);
  const chosen: ReplySuggestion[] = [];
  // Past a few candidates per slot the rest rank too low to matter; stop looking.
  for (const { response } of rank(input).slice(0, limit * 4)) {
    if (chosen.length >= limit) break;
    const filled = fillPlaceholders(response.text, values);
    if (chosen.some((c) => termOverlap(c.text, filled.text) >= NEAR_DUPLICATE_OVERLAP)) continue;
    chosen.push({
      id: response.id,
      text: filled.text,
      source: 'canned',
      title: response.title,
      missing: filled.missing,
    });
  }
  const snippets = groundedSnippets(input.hits, input.turns, input.snippets ?? 2);
  return [...chosen, ...snippets];
}
