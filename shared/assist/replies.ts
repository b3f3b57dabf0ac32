/**
 * Reply suggestions for the conversation so far: the pack's canned replies ranked for it and
 * filled from its entities, then short grounded snippets from the top passages. Every reply is
 * meant to be safe to send as it stands:
 * - the detected intent's replies come first; the rest rank by lexical similarity (TF-IDF
 *   cosine over the replies' title, tags and text) to the latest customer turns;
 * - without an intent, only replies grounded in the shown articles (an intent of the reply
 *   links one of them, or its words are the passages' own) are offered;
 * - a "done" reply of another flow (one tied to intents, none of them the conversation's) is
 *   never offered: "I've sent a reset code" is not a reply to a promo-code question;
 * - a "done" reply ("I've refunded…") ranks below the questions until the conversation shows
 *   the groundwork done (no open identification step, `groundworkDone`);
 * - a date slot is filled only with a date that fits it: a promise ("by {{date}}") only with
 *   one the agent gave as ahead, never one the customer gave as past or as a broken promise;
 *   a slot without a fitting value stays a visible blank, listed in `blanks`;
 * - a reply that contradicts an open escalation is `withheld` with the reason, after the rest.
 * Two replies whose filled texts say nearly the same thing are shown once.
 */
import type { CannedResponse } from '../packs/pack-schemas';
import type { Entity, EscalationFlag, ReplySuggestion } from '../schemas/assist';
import type { SearchHit } from '../schemas/knowledge';
import {
  blankLabel,
  fillPlaceholders,
  placeholderValues,
  PLACEHOLDER_PATTERN,
} from './placeholders';
import { replyKind, withheldReason, type ReplyKind } from './reply-safety';
import { slotTimeAt } from './slot-time';
import { groundedSnippets } from './snippets';
import { customerQuery, type SpokenTurn } from './suggest/customer-query';
import { contentTerms, cosine, termOverlap, termVector } from './suggest/text';

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
  /** Every entity mention, oldest first (`entityMentions`): dates carry who said them and when they stand. */
  readonly entities: readonly Entity[];
  readonly hits: readonly SearchHit[];
  /** The open escalation flags: a reply that contradicts one is withheld. */
  readonly flags?: readonly Pick<EscalationFlag, 'concern'>[];
  /**
   * False while the conversation has not shown the groundwork done (an identification step of
   * the checklist still open): "done" replies then rank below the rest. Default true.
   */
  readonly groundworkDone?: boolean;
  /** The articles each reply's intents link (intents.yaml), by reply id: grounding without an intent. */
  readonly replyArticles?: ReadonlyMap<string, readonly string[]>;
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
/** Without an intent, a reply whose words are this close to a shown passage's is grounded. */
export const GROUNDED_SIMILARITY = 0.2;
/** Shown articles a reply may be grounded in when there is no intent. */
const GROUNDING_ARTICLES = 3;
/** Withheld replies shown after the rest (greyed, with the reason). */
const WITHHELD_SHOWN = 1;

interface Ranked {
  readonly response: PackResponse;
  readonly ofIntent: boolean;
  readonly similarity: number;
  readonly kind: ReplyKind;
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
    kind: kindOf(response),
  }));
  const grounded = input.intentId === null ? groundedIn(input) : () => true;
  const gate = input.groundworkDone === false;
  // Tiers: the intent's replies; replies of no intent that ask (for the account, the order)
  // while the groundwork is open; the intent's "done" replies held back until it is done; then
  // the rest by similarity.
  const tier = (r: Ranked): number => {
    const held = gate && r.kind === 'done';
    if (r.ofIntent) return held ? 2 : 0;
    if (gate && r.kind === 'question' && r.response.intents.length === 0) return 1;
    return held ? 4 : 3;
  };
  return ranked
    .filter((r) => r.ofIntent || r.similarity >= MIN_REPLY_SIMILARITY)
    .filter((r) => grounded(r.response))
    .filter((r) => r.ofIntent || r.kind !== 'done' || !ofOtherFlow(r.response, input))
    .sort(
      (a, b) =>
        tier(a) - tier(b) ||
        b.similarity - a.similarity ||
        a.response.id.localeCompare(b.response.id),
    );
}

/**
 * True when a reply belongs to another flow than the conversation's: it names intents, and the
 * conversation has none or another. Its "done" report ("I've sent a reset code") is then never
 * right here, however many words it shares with the customer's.
 */
function ofOtherFlow(r: PackResponse, input: SuggestRepliesInput): boolean {
  const linked = input.replyArticles?.get(r.id) ?? [];
  return r.intents.length > 0 || linked.length > 0;
}

const kindCache = new WeakMap<CannedResponse, ReplyKind>();

function kindOf(r: CannedResponse): ReplyKind {
  let kind = kindCache.get(r);
  if (!kind) {
    kind = replyKind(r.text);
    kindCache.set(r, kind);
  }
  return kind;
}

/**
 * Without an intent: a reply is grounded when one of its intents links one of the top shown
 * articles, or its own words are close to a top passage's; a reply of no intent at all (a
 * greeting, "anything else?") that asks or informs is grounded in the conversation itself.
 */
function groundedIn(input: SuggestRepliesInput): (r: PackResponse) => boolean {
  const top = input.hits.slice(0, GROUNDING_ARTICLES);
  const shown = new Set(top.map((h) => h.articleId));
  const passages = top.map((h) => termVector(h.passage));
  return (r) => {
    const linked = input.replyArticles?.get(r.id) ?? [];
    if (linked.some((id) => shown.has(id))) return true;
    if (r.intents.length === 0 && linked.length === 0 && kindOf(r) !== 'done') {
      return true;
    }
    const words = termVector(r.text.replace(PLACEHOLDER_PATTERN, ' '));
    return passages.some((p) => cosine(words, p) >= GROUNDED_SIMILARITY);
  };
}

/** Date placeholder names (filled by `dateFor`, never from the generic latest date). */
const isDateName = (name: string) => /(?:^|_)date$/i.test(name);

/**
 * The value of a date slot: for a past slot, the latest date said as past; for a promise, the
 * latest date the agent gave as ahead. Undefined (a blank) when none fits.
 */
function dateFor(slot: 'past' | 'promise', mentions: readonly Entity[]): string | undefined {
  const fits = mentions.filter((e) =>
    slot === 'past'
      ? e.time === 'past'
      : e.role === 'agent' && e.time !== 'past' && e.time !== 'promised',
  );
  return fits.at(-1)?.value;
}

/** The placeholder values for one reply text: the shared ones plus its date slots. */
function valuesFor(
  text: string,
  shared: Readonly<Record<string, string>>,
  dates: readonly Entity[],
): Record<string, string> {
  const values: Record<string, string> = { ...shared };
  for (const m of text.matchAll(PLACEHOLDER_PATTERN)) {
    const name = m[1]!.trim();
    if (!isDateName(name) || name in values) continue;
    const value = dateFor(slotTimeAt(text, m.index, name), dates);
    if (value !== undefined) values[name] = value;
  }
  return values;
}

/** Canned replies ranked and filled, then grounded snippets; see the file comment. */
export function suggestReplies(input: SuggestRepliesInput): ReplySuggestion[] {
  const limit = input.limit ?? 3;
  const dates = input.entities.filter((e) => e.kind === 'date');
  const shared = placeholderValues(
    input.entities.filter((e) => e.kind !== 'date'),
    input.values,
  );
  const chosen: ReplySuggestion[] = [];
  const withheld: ReplySuggestion[] = [];
  // Past a few candidates per slot the rest rank too low to matter; stop looking.
  for (const { response } of rank(input).slice(0, limit * 4)) {
    if (chosen.length >= limit && withheld.length >= WITHHELD_SHOWN) break;
    const filled = fillPlaceholders(response.text, valuesFor(response.text, shared, dates));
    if (
      [...chosen, ...withheld].some(
        (c) => termOverlap(c.text, filled.text) >= NEAR_DUPLICATE_OVERLAP,
      )
    ) {
      continue;
    }
    const why = withheldReason(filled.text, input.flags ?? []);
    const reply: ReplySuggestion = {
      id: response.id,
      text: filled.text,
      source: 'canned',
      title: response.title,
      missing: filled.missing,
      ...(filled.missing.length > 0
        ? { blanks: filled.missing.map((name) => ({ name, label: blankLabel(name) })) }
        : {}),
      ...(why ? { withheld: why } : {}),
    };
    if (why ? withheld.length < WITHHELD_SHOWN : chosen.length < limit) {
      (why ? withheld : chosen).push(reply);
    }
  }
  const snippets = groundedSnippets(input.hits, input.turns, input.snippets ?? 2).filter(
    (snippet) => withheldReason(snippet.text, input.flags ?? []) === undefined,
  );
  return [...chosen, ...snippets, ...withheld];
}
