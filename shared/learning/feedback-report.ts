/**
 * What `inloop report` tells a team lead about one device, from its feedback log: acceptance
 * per reply and per article, the intents of its conversations and the ones agents corrected,
 * how often conversations escalate and why, knowledge gaps (customer messages the articles
 * answer poorly or not at all, grouped by the terms they share), the replies agents rewrite
 * most and the flags they dismiss. Everything counts conversations, not updates: a reply shown
 * at five turns of one conversation was shown once. A reply is accepted when it is sent (as
 * offered or lightly edited), not when it is copied; anything acted on was shown. A pure
 * function of the records.
 */
import { SENT_MAX_EDIT_RATIO } from './edits';
import { groupGaps } from './gap-groups';
import { NO_INTENT } from './intent-examples';

/** What the report reads of a feedback record (the log's schema is wider). */
export interface LoggedRecord {
  readonly kind: string;
  readonly at: number;
  readonly conversationId: string;
  readonly target?: string;
  readonly id?: string;
  readonly ratio?: number;
  readonly distance?: number;
  readonly intentId?: string | null;
  readonly escalations?: readonly string[];
  readonly gap?: string;
  readonly articles?: readonly string[];
  readonly replies?: readonly string[];
}

/** One reply's or article's numbers, each a count of conversations. */
export interface SuggestionStats {
  id: string;
  shown: number;
  copied: number;
  /** Replies: sent as offered or lightly edited. Articles: used (copied, opened, "answered"). */
  accepted: number;
  dismissed: number;
  thumbsUp: number;
  thumbsDown: number;
  /** accepted / shown; null when never shown. */
  acceptance: number | null;
}

export interface FeedbackReport {
  since: string | null;
  conversations: number;
  replies: SuggestionStats[];
  articles: SuggestionStats[];
  /** Conversations each intent was detected in (a conversation counts once per intent). */
  intents: { id: string; conversations: number }[];
  /** Intents agents picked instead of the engine's (null: no intent / none of these). */
  corrections: { from: string | null; to: string | null; count: number }[];
  escalation: { conversations: number; rate: number; reasons: { reason: string; count: number }[] };
  gaps: { terms: string[]; count: number; examples: string[] }[];
  rewritten: { id: string; sends: number; meanEditRatio: number; meanDistance: number }[];
  flags: { ruleId: string; dismissed: number }[];
}

const ARTICLE_USE = new Set(['copied', 'inserted', 'opened', 'clicked', 'thumbs-up']);

/** A set of conversation ids per key. */
class PerConversation {
  private readonly sets = new Map<string, Set<string>>();
  add(key: string, conversation: string): void {
    const set = this.sets.get(key) ?? new Set<string>();
    set.add(conversation);
    this.sets.set(key, set);
  }
  count(key: string): number {
    return this.sets.get(key)?.size ?? 0;
  }
  keys(): string[] {
    return [...this.sets.keys()];
  }
}

interface Tally {
  shown: PerConversation;
  copied: PerConversation;
  accepted: PerConversation;
  dismissed: PerConversation;
  up: PerConversation;
  down: PerConversation;
}

const tally = (): Tally => ({
  shown: new PerConversation(),
  copied: new PerConversation(),
  accepted: new PerConversation(),
  dismissed: new PerConversation(),
  up: new PerConversation(),
  down: new PerConversation(),
});

function statsOf(t: Tally): SuggestionStats[] {
  const ids = new Set([
    ...t.shown.keys(),
    ...t.copied.keys(),
    ...t.accepted.keys(),
    ...t.dismissed.keys(),
  ]);
  return [...ids]
    .map((id) => {
      const shown = t.shown.count(id);
      const accepted = t.accepted.count(id);
      return {
        id,
        shown,
        copied: t.copied.count(id),
        accepted,
        dismissed: t.dismissed.count(id),
        thumbsUp: t.up.count(id),
        thumbsDown: t.down.count(id),
        acceptance: shown > 0 ? round(accepted / shown) : null,
      };
    })
    .sort(
      (a, b) =>
        (b.acceptance ?? -1) - (a.acceptance ?? -1) ||
        b.shown - a.shown ||
        a.id.localeCompare(b.id),
    );
}

/** The report over `records` (optionally only those at or after `since`, ms since the epoch). */
export function buildReport(
  records: readonly LoggedRecord[],
  since: number | null = null,
): FeedbackReport {
  const kept = since === null ? records : records.filter((r) => r.at >= since);
  const replies = tally();
  const articles = tally();
  const intents = new PerConversation();
  const corrections = new PerConversation();
  const engineIntent = new Map<string, string | null>();
  const assessed = new Set<string>();
  const escalated = new Set<string>();
  const reasons = new PerConversation();
  const gapTexts = new Map<string, string>();
  const edits = new Map<string, { sends: number; ratio: number; distance: number }>();
  const flags = new PerConversation();
  for (const r of kept) {
    const c = r.conversationId;
    const id = r.id ?? '';
    switch (r.kind) {
      case 'assessed':
        assessed.add(c);
        intents.add(r.intentId ?? '(no intent)', c);
        engineIntent.set(c, r.intentId ?? null);
        for (const a of r.articles ?? []) articles.shown.add(a, c);
        for (const a of r.replies ?? []) replies.shown.add(a, c);
        if ((r.escalations ?? []).length > 0) escalated.add(c);
        for (const reason of r.escalations ?? []) reasons.add(reason, c);
        if (r.gap) gapTexts.set(`${c}\u0000${r.gap.toLowerCase()}`, r.gap);
        break;
      case 'edited': {
        const ratio = Math.min(1, r.ratio ?? 1);
        const entry = edits.get(id) ?? { sends: 0, ratio: 0, distance: 0 };
        entry.sends += 1;
        entry.ratio += ratio;
        entry.distance += r.distance ?? 0;
        edits.set(id, entry);
        replies.shown.add(id, c);
        if (ratio <= SENT_MAX_EDIT_RATIO) replies.accepted.add(id, c);
        break;
      }
      default:
        noteDecision(r, { replies, articles, corrections, flags, engineIntent });
    }
  }
  return {
    since: since === null ? null : new Date(since).toISOString(),
    conversations: new Set(kept.map((r) => r.conversationId)).size,
    replies: statsOf(replies),
    articles: statsOf(articles),
    intents: intents
      .keys()
      .map((id) => ({ id, conversations: intents.count(id) }))
      .sort((a, b) => b.conversations - a.conversations || a.id.localeCompare(b.id)),
    corrections: corrections
      .keys()
      .map((key) => {
        const [from, to] = key.split('\u0000') as [string, string];
        return { from: from || null, to: to || null, count: corrections.count(key) };
      })
      .sort((a, b) => b.count - a.count),
    escalation: {
      conversations: escalated.size,
      rate: assessed.size > 0 ? round(escalated.size / assessed.size) : 0,
      reasons: reasons
        .keys()
        .map((reason) => ({ reason, count: reasons.count(reason) }))
        .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)),
    },
    gaps: groupGaps([...gapTexts.values()]),
    rewritten: [...edits]
      .map(([id, e]) => ({
        id,
        sends: e.sends,
        meanEditRatio: round(e.ratio / e.sends),
        meanDistance: round(e.distance / e.sends),
      }))
      .sort((a, b) => b.meanEditRatio - a.meanEditRatio || a.id.localeCompare(b.id)),
    flags: flags
      .keys()
      .map((ruleId) => ({ ruleId, dismissed: flags.count(ruleId) }))
      .sort((a, b) => b.dismissed - a.dismissed),
  };
}

/** One decision record (copied, opened, dismissed, picked, ...) into the tallies. */
function noteDecision(
  r: LoggedRecord,
  into: {
    replies: Tally;
    articles: Tally;
    corrections: PerConversation;
    flags: PerConversation;
    engineIntent: ReadonlyMap<string, string | null>;
  },
): void {
  const c = r.conversationId;
  const id = r.id ?? '';
  switch (r.target) {
    case 'reply':
    case 'article': {
      const t = r.target === 'reply' ? into.replies : into.articles;
      // What the agent acted on was shown, whether or not a display was recorded.
      t.shown.add(id, c);
      if (r.kind === 'copied' || r.kind === 'inserted') t.copied.add(id, c);
      if (r.kind === 'thumbs-up') t.up.add(id, c);
      if (r.kind === 'thumbs-down') t.down.add(id, c);
      if (r.kind === 'dismissed') t.dismissed.add(id, c);
      if (r.target === 'reply' ? r.kind === 'sent' : ARTICLE_USE.has(r.kind)) t.accepted.add(id, c);
      break;
    }
    case 'intent':
      if (r.kind === 'picked') {
        const from = into.engineIntent.get(c) ?? null;
        const to = id === NO_INTENT ? null : id;
        if (from !== to) into.corrections.add(`${from ?? ''}\u0000${to ?? ''}`, c);
      }
      break;
    case 'flag':
      if (r.kind === 'dismissed') into.flags.add(id, c);
      break;
    default:
      break;
  }
}

const round = (x: number) => Math.round(x * 1000) / 1000;
