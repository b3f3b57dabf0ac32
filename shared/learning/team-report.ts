/**
 * The team report over merged bundles: acceptance over time and per pack version, the escalation
 * rate and its reasons, the top knowledge gaps, the intents agents correct most and into what,
 * the replies agents rewrite, and the rules they dismiss. What `inloop report --from` prints
 * and charts, and what the Team view shows.
 */
import type { TeamReport } from '../schemas/learning';
import type { MergedLearning } from './team-merge';

const rate = (part: number, whole: number): number | null =>
  whole > 0 ? Math.round((Math.min(part, whole) / whole) * 1000) / 1000 : null;

/** How many of each list the report keeps. */
export const TEAM_REPORT_TOP = 20;

export function teamReport(
  merged: MergedLearning,
  skipped: TeamReport['skipped'] = [],
): TeamReport {
  const byDate = new Map<
    string,
    { shown: number; sent: number; conversations: number; escalated: number }
  >();
  const byPack = new Map<string, { shown: number; sent: number }>();
  let shown = 0;
  let sent = 0;
  let conversations = 0;
  let escalated = 0;
  for (const d of merged.days) {
    const day = byDate.get(d.date) ?? { shown: 0, sent: 0, conversations: 0, escalated: 0 };
    day.shown += d.replyShown;
    day.sent += d.replySent;
    day.conversations += d.conversations;
    day.escalated += d.escalated;
    byDate.set(d.date, day);
    for (const pack of d.packs.length > 0 ? d.packs : ['(no pack)']) {
      const p = byPack.get(pack) ?? { shown: 0, sent: 0 };
      p.shown += d.replyShown;
      p.sent += d.replySent;
      byPack.set(pack, p);
    }
    shown += d.replyShown;
    sent += d.replySent;
    conversations += d.conversations;
    escalated += d.escalated;
  }
  const dates = [...byDate.keys()].sort();
  return {
    bundles: merged.bundles,
    devices: merged.devices.size,
    conversations: Math.max(conversations, merged.conversations),
    period: { from: dates[0] ?? null, to: dates.at(-1) ?? null },
    acceptance: {
      overall: rate(sent, shown),
      byDay: dates.map((date) => {
        const d = byDate.get(date)!;
        return { date, shown: d.shown, sent: d.sent, rate: rate(d.sent, d.shown) };
      }),
      byPackVersion: [...byPack]
        .sort((a, b) => a[0].localeCompare(b[0]))
        .map(([pack, p]) => ({ pack, shown: p.shown, sent: p.sent, rate: rate(p.sent, p.shown) })),
    },
    escalation: {
      conversations: escalated,
      rate: rate(escalated, conversations),
      byDay: dates.map((date) => {
        const d = byDate.get(date)!;
        return {
          date,
          conversations: d.conversations,
          escalated: d.escalated,
          rate: rate(d.escalated, d.conversations),
        };
      }),
      reasons: [...merged.reasons]
        .map(([reason, count]) => ({ reason, count }))
        .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason))
        .slice(0, TEAM_REPORT_TOP),
    },
    gaps: [...merged.gaps]
      .sort((a, b) => b.conversations - a.conversations)
      .slice(0, TEAM_REPORT_TOP)
      .map((g) => ({ terms: g.terms, conversations: g.conversations, examples: g.examples })),
    corrections: [...merged.corrections]
      .map(([key, count]) => {
        const [from, to] = key.split('\u0000') as [string, string];
        return { from: from || null, to: to || null, count };
      })
      .sort((a, b) => b.count - a.count)
      .slice(0, TEAM_REPORT_TOP),
    replies: [...merged.replies]
      .map(([id, r]) => {
        const top = [...r.rewrites].sort((a, b) => b[1].conversations - a[1].conversations)[0];
        return {
          id,
          shown: r.shown,
          sent: r.sent,
          rate: rate(r.sent, r.shown),
          rewrite: top?.[0] ?? null,
        };
      })
      .sort((a, b) => b.shown - a.shown || a.id.localeCompare(b.id))
      .slice(0, TEAM_REPORT_TOP),
    flags: [...merged.flags]
      .map(([ruleId, f]) => ({
        ruleId,
        shown: f.shown,
        dismissed: f.dismissed,
        rate: rate(f.dismissed, Math.max(f.shown, f.dismissed)),
      }))
      .sort((a, b) => b.dismissed - a.dismissed || a.ruleId.localeCompare(b.ruleId))
      .slice(0, TEAM_REPORT_TOP),
    skipped,
  };
}
