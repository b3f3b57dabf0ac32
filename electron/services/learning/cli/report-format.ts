/**
 * The printed forms of the reports: the device report (`inloop report`) and the team report
 * (`inloop report --from`) as readable text and as CSV rows `section,id,metric,value`.
 */
import type { FeedbackReport } from '../../../../shared/learning/feedback-report';
import type { TeamReport } from '../../../../shared/schemas/learning';

type Cell = string | number | null;

/** RFC 4180 CSV of `rows`. */
export function csv(rows: readonly (readonly Cell[])[]): string {
  const cell = (value: Cell) => {
    const text = value === null ? '' : String(value);
    return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return rows.map((row) => row.map(cell).join(',')).join('\n') + '\n';
}

/** A correction's CSV row: `correction,<from> -> <to>,conversations,<count>`. */
const correctionRow = (c: { from: string | null; to: string | null; count: number }): Cell[] => [
  'correction',
  `${c.from ?? '(none)'} -> ${c.to ?? '(none)'}`,
  'conversations',
  c.count,
];

const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}%`);
const HEAD = ['section', 'id', 'metric', 'value'] as const;

/** The device report as CSV. */
export function reportCsv(report: FeedbackReport): string {
  const rows: Cell[][] = [[...HEAD]];
  for (const [section, list] of [
    ['reply', report.replies],
    ['article', report.articles],
  ] as const) {
    for (const s of list)
      for (const metric of [
        'shown',
        'copied',
        'accepted',
        'dismissed',
        'thumbsUp',
        'thumbsDown',
        'acceptance',
      ] as const)
        rows.push([section, s.id, metric, s[metric]]);
  }
  for (const i of report.intents) rows.push(['intent', i.id, 'conversations', i.conversations]);
  for (const c of report.corrections) rows.push(correctionRow(c));
  rows.push(['escalation', '', 'rate', report.escalation.rate]);
  for (const r of report.escalation.reasons)
    rows.push(['escalation', r.reason, 'conversations', r.count]);
  for (const g of report.gaps) rows.push(['gap', g.terms.join(' '), 'conversations', g.count]);
  for (const r of report.rewritten)
    rows.push(['rewritten', r.id, 'meanEditRatio', r.meanEditRatio]);
  for (const f of report.flags) rows.push(['flag', f.ruleId, 'dismissed', f.dismissed]);
  return csv(rows);
}

/** The device report, readable. */
export function reportText(report: FeedbackReport): string {
  const out = [
    `Conversations: ${report.conversations}${report.since ? ` since ${report.since}` : ''}`,
  ];
  const table = (title: string, list: FeedbackReport['replies'], accepted: string) => {
    out.push('', title);
    if (list.length === 0) out.push('  (none)');
    for (const s of list)
      out.push(
        `  ${pct(s.acceptance).padStart(4)}  ${s.id}  (shown ${s.shown}, copied ${s.copied}, ${accepted} ${s.accepted}, +${s.thumbsUp}/-${s.thumbsDown})`,
      );
  };
  table('Replies (sent / shown, per conversation):', report.replies, 'sent');
  table('Articles (used / shown, per conversation):', report.articles, 'used');
  out.push('', 'Intents (conversations):');
  if (report.intents.length === 0) out.push('  (none)');
  for (const i of report.intents) out.push(`  ${String(i.conversations).padStart(4)}  ${i.id}`);
  if (report.corrections.length > 0) {
    out.push('', 'Intents agents corrected:');
    for (const c of report.corrections)
      out.push(`  ${String(c.count).padStart(4)}  ${c.from ?? '(none)'} → ${c.to ?? '(none)'}`);
  }
  out.push('', `Escalations: ${pct(report.escalation.rate)} of conversations`);
  for (const r of report.escalation.reasons)
    out.push(`  ${String(r.count).padStart(4)}  ${r.reason}`);
  out.push('', 'Knowledge gaps:');
  if (report.gaps.length === 0) out.push('  (none)');
  for (const g of report.gaps)
    out.push(`  ${String(g.count).padStart(4)}  ${g.terms.join(', ')} — e.g. "${g.examples[0]}"`);
  out.push('', 'Most rewritten replies:');
  if (report.rewritten.length === 0) out.push('  (none)');
  for (const r of report.rewritten)
    out.push(`  ${pct(r.meanEditRatio).padStart(4)} edited  ${r.id}  (${r.sends} sends)`);
  if (report.flags.length > 0) {
    out.push('', 'Flags agents dismissed ("not an escalation here"):');
    for (const f of report.flags) out.push(`  ${String(f.dismissed).padStart(4)}  ${f.ruleId}`);
  }
  return `${out.join('\n')}\n`;
}

/** The team report as CSV. */
export function teamCsv(report: TeamReport): string {
  const rows: Cell[][] = [[...HEAD]];
  rows.push(['team', '', 'bundles', report.bundles], ['team', '', 'agents', report.devices]);
  rows.push(['team', '', 'conversations', report.conversations]);
  rows.push(['acceptance', '', 'overall', report.acceptance.overall]);
  for (const d of report.acceptance.byDay) rows.push(['acceptance-day', d.date, 'rate', d.rate]);
  for (const p of report.acceptance.byPackVersion)
    rows.push(['acceptance-pack', p.pack, 'rate', p.rate]);
  rows.push(['escalation', '', 'rate', report.escalation.rate]);
  for (const d of report.escalation.byDay) rows.push(['escalation-day', d.date, 'rate', d.rate]);
  for (const r of report.escalation.reasons)
    rows.push(['escalation-reason', r.reason, 'conversations', r.count]);
  for (const g of report.gaps)
    rows.push(['gap', g.terms.join(' '), 'conversations', g.conversations]);
  for (const c of report.corrections) rows.push(correctionRow(c));
  for (const r of report.replies) rows.push(['reply', r.id, 'acceptance', r.rate]);
  for (const f of report.flags) rows.push(['flag', f.ruleId, 'dismissed', f.dismissed]);
  return csv(rows);
}

/** The team report, readable. */
export function teamText(report: TeamReport): string {
  const out = [
    `Team report: ${report.bundles} bundles from ${report.devices} agents, ${report.conversations} conversations` +
      (report.period.from ? `, ${report.period.from} to ${report.period.to}` : ''),
    '',
    `Reply acceptance: ${pct(report.acceptance.overall)}`,
  ];
  for (const p of report.acceptance.byPackVersion)
    out.push(`  ${pct(p.rate).padStart(4)}  ${p.pack}  (sent ${p.sent} of ${p.shown})`);
  out.push('', `Escalations: ${pct(report.escalation.rate)} of conversations`);
  for (const r of report.escalation.reasons)
    out.push(`  ${String(r.count).padStart(4)}  ${r.reason}`);
  out.push('', 'Top knowledge gaps:');
  if (report.gaps.length === 0) out.push('  (none)');
  for (const g of report.gaps)
    out.push(
      `  ${String(g.conversations).padStart(4)}  ${g.terms.join(', ')}${g.examples[0] ? ` — e.g. "${g.examples[0]}"` : ''}`,
    );
  out.push('', 'Intents agents correct most:');
  if (report.corrections.length === 0) out.push('  (none)');
  for (const c of report.corrections)
    out.push(`  ${String(c.count).padStart(4)}  ${c.from ?? '(none)'} → ${c.to ?? '(none)'}`);
  if (report.flags.length > 0) {
    out.push('', 'Rules agents dismiss:');
    for (const f of report.flags)
      out.push(`  ${String(f.dismissed).padStart(4)}  ${f.ruleId}  (of ${f.shown} raised)`);
  }
  for (const s of report.skipped) out.push('', `Skipped ${s.file}: ${s.problem}`);
  return `${out.join('\n')}\n`;
}
