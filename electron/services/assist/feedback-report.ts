/**
 * What `inloop report` tells a team lead, computed from the feedback log: acceptance per reply
 * and per article, the intents seen, how often conversations escalate and why, knowledge gaps
 * (poorly answered customer questions grouped by the terms they share), and the replies agents
 * rewrite most. A pure function of the records.
 */
import { analyze } from '../../../shared/knowledge/analyzer';
import type { FeedbackRecord } from './feedback-log';

export interface SuggestionStats {
  id: string;
  displayed: number;
  clicked: number;
  copied: number;
  thumbsUp: number;
  thumbsDown: number;
  /** (copied + inserted) / displayed; null when never displayed. */
  acceptance: number | null;
}

export interface FeedbackReport {
  since: string | null;
  conversations: number;
  replies: SuggestionStats[];
  articles: SuggestionStats[];
  intents: { id: string; turns: number; conversations: number }[];
  escalation: { conversations: number; rate: number; reasons: { reason: string; count: number }[] };
  gaps: { terms: string[]; count: number; examples: string[] }[];
  rewritten: { id: string; sends: number; meanEditRatio: number; meanDistance: number }[];
}

/** The report over `records` (optionally only those at or after `since`, ms since the epoch). */
export function buildReport(
  records: readonly FeedbackRecord[],
  since: number | null = null,
): FeedbackReport {
  const kept = since === null ? records : records.filter((r) => r.at >= since);
  const conversations = new Set(kept.map((r) => r.conversationId));
  const stats = {
    reply: new Map<string, SuggestionStats>(),
    article: new Map<string, SuggestionStats>(),
  };
  const intents = new Map<string, { turns: number; conversations: Set<string> }>();
  const escalated = new Set<string>();
  const reasons = new Map<string, number>();
  const gapTexts: string[] = [];
  const edits = new Map<string, { sends: number; ratio: number; distance: number }>();
  for (const record of kept) {
    switch (record.kind) {
      case 'assessed': {
        const id = record.intentId ?? '(no intent)';
        const entry = intents.get(id) ?? { turns: 0, conversations: new Set<string>() };
        entry.turns += 1;
        entry.conversations.add(record.conversationId);
        intents.set(id, entry);
        if (record.escalations.length > 0) escalated.add(record.conversationId);
        for (const reason of record.escalations)
          reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
        if (record.gap) gapTexts.push(record.gap);
        break;
      }
      case 'edited': {
        const entry = edits.get(record.id) ?? { sends: 0, ratio: 0, distance: 0 };
        entry.sends += 1;
        entry.ratio += record.ratio;
        entry.distance += record.distance;
        edits.set(record.id, entry);
        break;
      }
      case 'opened':
      case 'dismissed':
      case 'sent':
      case 'picked':
      case 'confirmed':
        // One-key decisions (intent picks, flag dismissals, step confirmations): not part of the
        // reply and article acceptance table.
        break;
      case 'displayed':
      case 'clicked':
      case 'copied':
      case 'inserted':
      case 'thumbs-up':
      case 'thumbs-down': {
        if (record.target !== 'reply' && record.target !== 'article') break;
        const map = stats[record.target];
        const entry = map.get(record.id) ?? emptyStats(record.id);
        if (record.kind === 'displayed') entry.displayed += 1;
        else if (record.kind === 'clicked') entry.clicked += 1;
        else if (record.kind === 'copied' || record.kind === 'inserted') entry.copied += 1;
        else if (record.kind === 'thumbs-up') entry.thumbsUp += 1;
        else entry.thumbsDown += 1;
        map.set(record.id, entry);
        break;
      }
    }
  }
  const finish = (map: Map<string, SuggestionStats>) =>
    [...map.values()]
      .map((s) => ({
        ...s,
        acceptance: s.displayed > 0 ? round(Math.min(1, s.copied / s.displayed)) : null,
      }))
      .sort(
        (a, b) =>
          (b.acceptance ?? -1) - (a.acceptance ?? -1) ||
          b.displayed - a.displayed ||
          a.id.localeCompare(b.id),
      );
  const assessedConversations = new Set(
    kept.filter((r) => r.kind === 'assessed').map((r) => r.conversationId),
  );
  return {
    since: since === null ? null : new Date(since).toISOString(),
    conversations: conversations.size,
    replies: finish(stats.reply),
    articles: finish(stats.article),
    intents: [...intents]
      .map(([id, e]) => ({ id, turns: e.turns, conversations: e.conversations.size }))
      .sort((a, b) => b.turns - a.turns || a.id.localeCompare(b.id)),
    escalation: {
      conversations: escalated.size,
      rate: assessedConversations.size > 0 ? round(escalated.size / assessedConversations.size) : 0,
      reasons: [...reasons]
        .map(([reason, count]) => ({ reason, count }))
        .sort((a, b) => b.count - a.count),
    },
    gaps: groupGaps(gapTexts),
    rewritten: [...edits]
      .map(([id, e]) => ({
        id,
        sends: e.sends,
        meanEditRatio: round(e.ratio / e.sends),
        meanDistance: round(e.distance / e.sends),
      }))
      .sort((a, b) => b.meanEditRatio - a.meanEditRatio),
  };
}

/** Groups questions that share at least two content terms (or one, for one-term questions). */
export function groupGaps(questions: readonly string[]): FeedbackReport['gaps'] {
  const groups: { terms: Map<string, number>; count: number; examples: string[] }[] = [];
  for (const question of questions) {
    const terms = [...new Set(analyze(question))];
    if (terms.length === 0) continue;
    const need = Math.min(2, terms.length);
    const group = groups.find((g) => terms.filter((t) => g.terms.has(t)).length >= need);
    const target = group ?? { terms: new Map<string, number>(), count: 0, examples: [] };
    if (!group) groups.push(target);
    target.count += 1;
    for (const t of terms) target.terms.set(t, (target.terms.get(t) ?? 0) + 1);
    if (target.examples.length < 3) target.examples.push(question);
  }
  return groups
    .map((g) => ({
      terms: [...g.terms]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 5)
        .map(([t]) => t),
      count: g.count,
      examples: g.examples,
    }))
    .sort((a, b) => b.count - a.count);
}

const emptyStats = (id: string): SuggestionStats => ({
  id,
  displayed: 0,
  clicked: 0,
  copied: 0,
  thumbsUp: 0,
  thumbsDown: 0,
  acceptance: null,
});

const round = (x: number) => Math.round(x * 1000) / 1000;
