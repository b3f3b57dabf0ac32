/**
 * Learning from what the feedback log records, as it is recorded: one pure step per record,
 * given what the screen showed at that moment (the conversation's redacted turns and the
 * suggestions). Every one-key decision of the agent goes through the feedback log, so this is
 * the one place decisions become learned state. Shown counts and corrections count once per
 * conversation; article decisions once per article and customer turn.
 */
import { toDay } from './days';
import { learnArticle, passageFingerprint, priorTerms, questionTerms } from './knowledge-priors';
import { learnFlag } from './flag-weights';
import { learnIntentPick, NO_INTENT } from './intent-examples';
import {
  learnAnswer,
  compactLearnedState,
  LEARNED_LIMITS,
  noteText,
  type ConversationMemo,
  type LearnedState,
} from './learned-state';
import { isSend, learnReply, REWRITE_MAX_EDIT_RATIO } from './reply-learning';

/** What learning reads of a feedback record (the log's own schema is wider). */
export interface ObservedRecord {
  readonly kind: string;
  readonly at: number;
  readonly conversationId: string;
  readonly target?: string;
  readonly id?: string;
  readonly text?: string;
  readonly position?: number;
  readonly ratio?: number;
  readonly turn?: number;
  readonly escalations?: readonly string[];
  readonly gap?: string;
}

/** What the screen showed when the record was made. */
export interface ObservedContext {
  /** The conversation so far, redacted. */
  readonly turns: readonly { readonly role: 'customer' | 'agent'; readonly text: string }[];
  readonly suggestions: {
    readonly intent: { readonly id: string } | null;
    readonly articles: readonly {
      readonly articleId: string;
      readonly packId: string;
      readonly passage?: string;
    }[];
    readonly replies: readonly { readonly id?: string; readonly source: string }[];
    readonly escalation: readonly { readonly ruleId?: string; readonly reason: string }[];
  } | null;
  /** `id@version` of every installed pack. */
  readonly packs: readonly string[];
}

/** Kinds that mean the agent used an article. */
const ARTICLE_USE = new Set(['copied', 'inserted', 'opened', 'clicked', 'thumbs-up']);
/** Kinds that mean the agent set an article aside. */
const ARTICLE_DISMISS = new Set(['dismissed', 'thumbs-down']);

function memoFor(state: LearnedState, record: ObservedRecord, packs: readonly string[]) {
  if (state.current?.id === record.conversationId) return state.current;
  const date = toDay(record.at);
  const key = [...packs].sort();
  let day = state.days.find((d) => d.date === date && sameList(d.packs, key));
  if (!day) {
    day = {
      date,
      packs: key,
      conversations: 0,
      escalated: 0,
      replyShown: 0,
      replySent: 0,
      articleShown: 0,
      articleUsed: 0,
    };
    state.days.push(day);
  }
  day.conversations += 1;
  state.conversations += 1;
  const memo: ConversationMemo = {
    id: record.conversationId,
    day,
    replies: new Set(),
    sent: new Set(),
    copied: new Set(),
    flags: new Set(),
    dismissedFlags: new Set(),
    articles: new Set(),
    used: new Set(),
    terms: new Set(),
    reasons: new Set(),
    corrections: new Set(),
    gaps: new Set(),
    articleVotes: new Map(),
    usedPassages: new Set(),
    escalated: false,
  };
  state.current = memo;
  return memo;
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/** Adds `key` to `set`; true when it was not there (the first time in this conversation). */
const first = (set: Set<string>, key: string): boolean => !set.has(key) && !!set.add(key);

function observeAssessed(
  state: LearnedState,
  memo: ConversationMemo,
  r: ObservedRecord,
  c: ObservedContext,
) {
  const shown = c.suggestions;
  for (const reply of shown?.replies ?? []) {
    if (reply.source !== 'canned' || reply.id === undefined) continue;
    if (first(memo.replies, reply.id)) {
      learnReply(state, reply.id, { kind: 'shown' });
      memo.day.replyShown += 1;
    }
  }
  for (const a of shown?.articles ?? [])
    if (first(memo.articles, `${a.packId}\u0000${a.articleId}`)) memo.day.articleShown += 1;
  for (const flag of shown?.escalation ?? [])
    if (flag.ruleId && first(memo.flags, flag.ruleId)) learnFlag(state, flag.ruleId, 'shown');
  const reasons = r.escalations ?? [];
  if (reasons.length > 0 && !memo.escalated) {
    memo.escalated = true;
    memo.day.escalated += 1;
  }
  for (const reason of reasons)
    if (first(memo.reasons, reason))
      state.reasons.set(reason, (state.reasons.get(reason) ?? 0) + 1);
  if (r.gap && first(memo.gaps, r.gap.toLowerCase()))
    state.gaps = noteText(state.gaps, gapText(r.gap), r.at, LEARNED_LIMITS.gaps * 2);
}

const gapText = (text: string) =>
  text.replace(/\s+/g, ' ').trim().slice(0, LEARNED_LIMITS.exampleChars);

function observeArticle(
  state: LearnedState,
  memo: ConversationMemo,
  r: ObservedRecord,
  c: ObservedContext,
  used: boolean,
) {
  const cards = c.suggestions?.articles ?? [];
  // The card at the position the record names, else the article's first card: only a card the
  // engine showed says which pack and passage it is and where it stood.
  const named = r.position ?? -1;
  const position =
    cards[named]?.articleId === r.id ? named : cards.findIndex((a) => a.articleId === r.id);
  if (position < 0 || r.id === undefined) return;
  const card = cards[position]!;
  const customerTurns = c.turns.filter((t) => t.role === 'customer').length;
  const key = `${used ? 'u' : 'd'}\u0000${card.packId}\u0000${card.articleId}\u0000${customerTurns}`;
  if (!first(memo.used, key)) return;
  if (used) memo.day.articleUsed += 1;
  const vote = `${card.packId}\u0000${card.articleId}`;
  memo.articleVotes.set(vote, (memo.articleVotes.get(vote) ?? 0) + (used ? 1 : -1));
  const passage = card.passage === undefined ? undefined : passageFingerprint(card.passage);
  const { query, words } = priorTerms(c.turns);
  if (used && passage !== undefined) {
    memo.usedPassages.add(passage);
    learnAnswer(state, {
      terms: questionTerms(query),
      passage,
      at: r.at,
      conversation: r.conversationId,
    });
  }
  learnArticle(
    state,
    {
      packId: card.packId,
      articleId: card.articleId,
      used,
      position: r.position ?? position,
      query,
      words,
      intentId: c.suggestions?.intent?.id ?? null,
      ...(passage !== undefined && { passage }),
    },
    (k) => first(memo.terms, k),
  );
}

function observeReply(state: LearnedState, memo: ConversationMemo, r: ObservedRecord) {
  const id = r.id;
  if (id === undefined) return;
  const sent = () => {
    if (!first(memo.sent, id)) return;
    learnReply(state, id, { kind: 'sent' });
    memo.day.replySent += 1;
  };
  switch (r.kind) {
    case 'copied':
    case 'inserted':
      if (first(memo.copied, id)) learnReply(state, id, { kind: 'copied' });
      return;
    case 'sent':
      return sent();
    case 'edited': {
      const ratio = r.ratio ?? 1;
      if (isSend(ratio)) sent();
      if (ratio > 0 && ratio <= REWRITE_MAX_EDIT_RATIO && r.text)
        learnReply(state, id, { kind: 'rewritten', text: r.text, at: r.at });
      return;
    }
  }
}

/**
 * Learns from one feedback record (in place) and says whether anything the engine uses changed
 * (the service then saves, and re-prepares the engine when the intent examples changed).
 */
export function observeRecord(
  state: LearnedState,
  record: ObservedRecord,
  context: ObservedContext,
): boolean {
  const memo = memoFor(state, record, context.packs);
  state.updatedAt = record.at;
  if (record.kind === 'assessed') {
    observeAssessed(state, memo, record, context);
    return false;
  }
  state.events += 1;
  const target = record.kind === 'edited' ? 'reply' : record.target;
  switch (target) {
    case 'article':
      if (ARTICLE_USE.has(record.kind)) observeArticle(state, memo, record, context, true);
      else if (ARTICLE_DISMISS.has(record.kind))
        observeArticle(state, memo, record, context, false);
      break;
    case 'reply':
      observeReply(state, memo, record);
      break;
    case 'intent':
      if (record.kind === 'picked' && record.id !== undefined) {
        const picked = record.id === NO_INTENT ? null : record.id;
        const engine = context.suggestions?.intent?.id ?? null;
        learnIntentPick(
          state,
          { engineIntentId: engine, pickedIntentId: picked, turns: context.turns, at: record.at },
          first(memo.corrections, `${engine}\u0000${picked}`),
        );
      }
      break;
    case 'flag':
      if (record.kind === 'dismissed' && record.id && first(memo.dismissedFlags, record.id))
        learnFlag(state, record.id, 'dismissed');
      break;
    default:
      break;
  }
  // Compaction walks every table: every COMPACT_EVERY decisions keeps the state within a small
  // margin of its caps at a negligible cost per decision (and saving compacts exactly).
  if (state.events % COMPACT_EVERY === 0) compactLearnedState(state);
  return true;
}

/** Decisions between two compactions. */
export const COMPACT_EVERY = 256;
