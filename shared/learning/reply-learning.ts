/**
 * What agents do with replies: a reply counts as accepted when it is sent as offered or lightly
 * edited (a copy alone is not acceptance: agents copy by accident, or copy and then write
 * something else). Canned replies rank by their smoothed acceptance; a reply agents keep
 * rewriting the same way (the same redacted text in several conversations, at least half of the
 * times it was copied) is offered as that rewritten text.
 */
import { isMasked, MASK_SHAPE } from '../assist/pii/redact';
import type { ReplySuggestion } from '../schemas/assist';
import { SENT_MAX_EDIT_RATIO } from './edits';
import { LEARNED_LIMITS, noteText, type LearnedState, type ReplyStats } from './learned-state';

/** Beyond this the agent sent another message: neither the reply nor a rewrite of it. */
export const REWRITE_MAX_EDIT_RATIO = 0.8;
/** A rewrite is offered once seen in this many conversations... */
export const REWRITE_MIN_CONVERSATIONS = 3;
/** ...and in at least this share of the conversations the reply was copied in. */
export const REWRITE_MIN_SHARE = 0.5;
/** Pseudo-conversations of the average acceptance every reply starts with. */
const ACCEPTANCE_SMOOTHING = 3;

/** True when an edit this large still counts as sending the reply. */
export const isSend = (ratio: number): boolean => ratio <= SENT_MAX_EDIT_RATIO;

function stats(state: LearnedState, id: string): ReplyStats {
  let s = state.replies.get(id);
  if (!s) {
    s = { shown: 0, copied: 0, sent: 0, rewrites: [] };
    state.replies.set(id, s);
  }
  return s;
}

/** What one conversation did with a reply. */
export type ReplyEvent =
  | { readonly kind: 'shown' | 'copied' | 'sent' }
  | { readonly kind: 'rewritten'; readonly text: string; readonly at: number };

/** Learns one reply event (in place; the caller counts each kind once per conversation). */
export function learnReply(state: LearnedState, id: string, event: ReplyEvent): void {
  const s = stats(state, id);
  switch (event.kind) {
    case 'shown':
      s.shown += 1;
      break;
    case 'copied':
      s.copied += 1;
      break;
    case 'sent':
      s.sent += 1;
      break;
    case 'rewritten': {
      const text = event.text.trim().slice(0, LEARNED_LIMITS.rewriteChars);
      if (text !== '')
        s.rewrites = noteText(s.rewrites, text, event.at, LEARNED_LIMITS.rewritesPerReply);
      break;
    }
  }
}

/** True when `text` holds a redaction mask: it is not a text an agent could send as it is. */
function holdsMask(text: string): boolean {
  return (text.match(MASK_SHAPE) ?? []).some(isMasked);
}

/** The rewrite to offer instead of the reply, or null. */
export function commonRewrite(s: ReplyStats | undefined): string | null {
  if (!s) return null;
  const best = s.rewrites.reduce<ReplyStats['rewrites'][number] | null>(
    (top, r) => (top === null || r.c > top.c ? r : top),
    null,
  );
  if (!best || best.c < REWRITE_MIN_CONVERSATIONS) return null;
  if (best.c < REWRITE_MIN_SHARE * Math.max(s.copied, best.c)) return null;
  return holdsMask(best.text) ? null : best.text;
}

/** The acceptance a ranking uses: smoothed toward the device's average. */
export function smoothedAcceptance(s: ReplyStats | undefined, average: number): number {
  const shown = s?.shown ?? 0;
  const sent = Math.min(s?.sent ?? 0, shown);
  return (sent + ACCEPTANCE_SMOOTHING * average) / (shown + ACCEPTANCE_SMOOTHING);
}

/** The device's acceptance over every reply (0.5 before anything was shown). */
export function averageAcceptance(state: LearnedState): number {
  let shown = 0;
  let sent = 0;
  for (const s of state.replies.values()) {
    shown += s.shown;
    sent += Math.min(s.sent, s.shown);
  }
  return shown > 0 ? sent / shown : 0.5;
}

/**
 * The replies with canned ones ranked by learned acceptance (stable: replies with no record keep
 * the engine's order among themselves) and each offered as its agents' common rewrite when it
 * has one. Snippets and generated replies stay where they are, after the canned ones.
 */
export function adjustReplies(
  state: LearnedState,
  replies: readonly ReplySuggestion[],
): ReplySuggestion[] {
  if (state.replies.size === 0) return [...replies];
  const average = averageAcceptance(state);
  const canned = replies
    .map((reply, i) => ({ reply, i }))
    .filter(({ reply }) => reply.source === 'canned' && reply.id !== undefined);
  const score = (r: ReplySuggestion) => smoothedAcceptance(state.replies.get(r.id!), average);
  const ranked = [...canned].sort((a, b) => score(b.reply) - score(a.reply) || a.i - b.i);
  const out = [...replies];
  canned.forEach(({ i }, slot) => {
    const reply = ranked[slot]!.reply;
    const rewrite = commonRewrite(state.replies.get(reply.id!));
    out[i] = rewrite === null ? reply : { ...reply, text: rewrite, missing: [] };
  });
  return out;
}
