/**
 * Pure helpers for the reply the agent acts on: a stable key per reply, the highlight that
 * follows the reply itself (not its rank) when the list re-ranks, and a reply's text with the
 * blanks the agent filled in.
 */
import type { ReplySuggestion } from '../../../shared/schemas/assist';

/** A stable key for a reply: its canned id, else its source and first citation. */
export function replyKey(reply: ReplySuggestion): string {
  if (reply.id) return reply.id;
  const cited = reply.citations?.[0]?.articleId;
  return cited ? `${reply.source}:${cited}` : reply.source;
}

/** The highlighted reply and its rank: the one with `key`, else the top one. */
export function highlightedReply(
  replies: readonly ReplySuggestion[],
  key: string | null,
): { reply: ReplySuggestion; index: number } | null {
  const found = key === null ? -1 : replies.findIndex((reply) => replyKey(reply) === key);
  const index = found === -1 ? 0 : found;
  const reply = replies[index];
  return reply ? { reply, index } : null;
}

/**
 * The highlight after the list changed: kept on the same reply while it is still offered,
 * else back to the top (null).
 */
export function followHighlight(
  replies: readonly ReplySuggestion[],
  key: string | null,
): string | null {
  return key !== null && replies.some((reply) => replyKey(reply) === key) ? key : null;
}

/** The key `delta` places after the highlighted one, wrapping around; null for no replies. */
export function movedHighlight(
  replies: readonly ReplySuggestion[],
  key: string | null,
  delta: 1 | -1,
): string | null {
  const current = highlightedReply(replies, key);
  if (!current) return null;
  const next = replies[(current.index + delta + replies.length) % replies.length]!;
  return replyKey(next);
}

/** A blank of a reply as the engine describes it (`blanks` of ReplySuggestion). */
export interface ReplyBlank {
  name: string;
  label: string;
}

/**
 * The reply's text with each `[label]` replaced by what the agent typed for that blank, or
 * null while any blank is still empty (such a reply is not safe to send).
 */
export function fillBlanks(
  text: string,
  blanks: readonly ReplyBlank[],
  values: Readonly<Record<string, string>>,
): string | null {
  let filled = text;
  for (const blank of blanks) {
    const value = values[blank.name]?.trim() ?? '';
    if (value === '') return null;
    const marker = `[${blank.label}]`;
    let at = filled.indexOf(marker);
    while (at !== -1) {
      // "$[amount]" filled with "$59.90": the currency sign is written once.
      const typed = CURRENCY.test(value) && filled[at - 1] === value[0] ? value.slice(1) : value;
      filled = filled.slice(0, at) + typed + filled.slice(at + marker.length);
      at = filled.indexOf(marker, at + typed.length);
    }
  }
  return filled;
}

const CURRENCY = /^[$€£¥]/;
