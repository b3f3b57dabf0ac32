/**
 * `inloop report [--since <date>] [--json|--csv]`: what the feedback log of this device says,
 * for a team lead: acceptance per reply and per article, intents, escalations, knowledge gaps
 * and the replies agents rewrite most.
 */
import { join } from 'node:path';
import { FEEDBACK_FILE, readFeedback } from '../feedback-log';
import { buildReport, type FeedbackReport } from '../feedback-report';
import { dataDirFor, dataDirOption } from '../../core/cli/cli-context';
import { EXIT_OK, UsageError, type Command } from '../../core/cli/command';
import { stringOption } from '../../core/cli/option-values';

export const reportCommand: Command = {
  name: 'report',
  summary: 'Team-lead report from the local feedback log: acceptance, intents, escalations, gaps',
  usage: 'report [--since <date>] [--json|--csv] [--data-dir D]',
  options: {
    since: {
      type: 'string',
      value: '<date>',
      description: 'Only events from this date on (e.g. 2026-11-01)',
    },
    json: { type: 'boolean', description: 'Print JSON' },
    csv: { type: 'boolean', description: 'Print CSV rows: section,id,metric,value' },
    'data-dir': dataDirOption,
  },
  async run(args, io) {
    if (args.values.json === true && args.values.csv === true)
      throw new UsageError('give --json or --csv, not both');
    const sinceText = stringOption(args, 'since');
    const since = sinceText === undefined ? null : Date.parse(sinceText);
    if (since !== null && Number.isNaN(since))
      throw new UsageError(`--since must be a date such as 2026-11-01, got '${sinceText}'`);
    const records = await readFeedback(join(dataDirFor(args, io), FEEDBACK_FILE));
    const report = buildReport(records, since);
    if (args.values.json === true) io.stdout(`${JSON.stringify(report, null, 2)}\n`);
    else if (args.values.csv === true) io.stdout(reportCsv(report));
    else io.stdout(reportText(report));
    return EXIT_OK;
  },
};

/** One row per metric: `section,id,metric,value`, with RFC 4180 quoting. */
export function reportCsv(report: FeedbackReport): string {
  const rows: (string | number | null)[][] = [['section', 'id', 'metric', 'value']];
  for (const [section, list] of [
    ['reply', report.replies],
    ['article', report.articles],
  ] as const) {
    for (const s of list) {
      for (const metric of [
        'displayed',
        'clicked',
        'copied',
        'thumbsUp',
        'thumbsDown',
        'acceptance',
      ] as const) {
        rows.push([section, s.id, metric, s[metric]]);
      }
    }
  }
  for (const i of report.intents)
    rows.push(
      ['intent', i.id, 'turns', i.turns],
      ['intent', i.id, 'conversations', i.conversations],
    );
  rows.push(['escalation', '', 'rate', report.escalation.rate]);
  for (const r of report.escalation.reasons) rows.push(['escalation', r.reason, 'count', r.count]);
  for (const g of report.gaps) rows.push(['gap', g.terms.join(' '), 'count', g.count]);
  for (const r of report.rewritten)
    rows.push(['rewritten', r.id, 'meanEditRatio', r.meanEditRatio]);
  return rows.map((row) => row.map(csvCell).join(',')).join('\n') + '\n';
}

function csvCell(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function reportText(report: FeedbackReport): string {
  const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}%`);
  const out = [
    `Conversations: ${report.conversations}${report.since ? ` since ${report.since}` : ''}`,
  ];
  const table = (title: string, list: FeedbackReport['replies']) => {
    out.push('', title);
    if (list.length === 0) out.push('  (none)');
    for (const s of list)
      out.push(
        `  ${pct(s.acceptance).padStart(4)}  ${s.id}  (shown ${s.displayed}, copied ${s.copied}, +${s.thumbsUp}/-${s.thumbsDown})`,
      );
  };
  table('Replies (acceptance):', report.replies);
  table('Articles (acceptance):', report.articles);
  out.push('', 'Intents seen:');
  for (const i of report.intents) out.push(`  ${String(i.turns).padStart(4)}  ${i.id}`);
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
  return `${out.join('\n')}\n`;
}
