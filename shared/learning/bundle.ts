/**
 * A device's team bundle: what it learned as counts, never conversations. Ids the packs define
 * (articles, intents, replies, rules, escalation reasons) travel as they are; anything from the
 * customers' own words (a query term, an intent example or a phrase of one, a rewrite, a
 * knowledge-gap message) leaves the device only when it was redacted (it always is here) and seen
 * in at least `k` conversations.
 */
import type { BundleLine } from '../schemas/learning';
import { groupWeightedGaps } from './gap-groups';
import { commonPhrases } from './intent-phrases';
import type { LearnedState } from './learned-state';

export interface BundleOptions {
  /** Texts and terms leave only when seen in at least this many conversations. */
  readonly k: number;
  /** Only days from this date on (YYYY-MM-DD); the other counts are the device's totals. */
  readonly since: string | null;
  readonly device: string;
  readonly now: number;
}

/** The bundle's lines, meta first. */
export function exportBundle(state: LearnedState, options: BundleOptions): BundleLine[] {
  const { k } = options;
  const lines: BundleLine[] = [
    {
      kind: 'meta',
      format: 1,
      device: options.device,
      exportedAt: new Date(options.now).toISOString(),
      since: options.since,
      k,
      conversations: state.conversations,
      events: state.events,
    },
  ];
  for (const day of state.days)
    if (options.since === null || day.date >= options.since) lines.push({ kind: 'day', ...day });
  for (const [reason, conversations] of state.reasons)
    lines.push({ kind: 'reason', reason, conversations });
  for (const [term, row] of state.terms) {
    if (row.conversations < k) continue;
    for (const [article, cell] of row.cells) {
      const [packId, articleId] = state.articles[article]!;
      lines.push({
        kind: 'article-term',
        packId,
        articleId,
        term,
        word: row.word || term,
        used: cell.used,
        dismissed: cell.dismissed,
        conversations: row.conversations,
      });
    }
    // Which part answered: the passage's fingerprint (the pack's text), under the same rule.
    for (const [passage, cell] of row.passages)
      lines.push({
        kind: 'passage-term',
        passage,
        term,
        used: cell.used,
        dismissed: cell.dismissed,
      });
  }
  for (const [intentId, row] of state.intentPriors) {
    for (const [article, cell] of row.cells) {
      const [packId, articleId] = state.articles[article]!;
      lines.push({
        kind: 'article-intent',
        packId,
        articleId,
        intentId,
        used: cell.used,
        dismissed: cell.dismissed,
      });
    }
  }
  for (const [intentId, list] of state.examples) {
    for (const e of list)
      if (e.c >= k)
        lines.push({ kind: 'intent-example', intentId, text: e.text, conversations: e.c });
    for (const { phrase, conversations } of commonPhrases(list, k))
      lines.push({ kind: 'intent-phrase', intentId, phrase, conversations });
  }
  for (const [key, conversations] of state.corrections) {
    const [from, to] = key.split('\u0000') as [string, string];
    lines.push({ kind: 'correction', from: from || null, to: to || null, conversations });
  }
  for (const [replyId, r] of state.replies) {
    const top = [...r.rewrites].sort((a, b) => b.c - a.c)[0];
    lines.push({
      kind: 'reply',
      replyId,
      shown: r.shown,
      copied: r.copied,
      sent: r.sent,
      rewrite: top && top.c >= k ? { text: top.text, conversations: top.c } : null,
    });
  }
  for (const [ruleId, f] of state.flags) lines.push({ kind: 'flag', ruleId, ...f });
  for (const gap of groupWeightedGaps(state.gaps.map((g) => ({ text: g.text, count: g.c })))) {
    if (gap.count < k) continue;
    const examples = gap.examples.filter((e) => e.count >= k).map((e) => e.text);
    lines.push({ kind: 'gap', terms: gap.terms, conversations: gap.count, examples });
  }
  return lines;
}
