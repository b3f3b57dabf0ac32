/**
 * `inloop report`: for a team lead. Without `--from`, what this device's feedback log says
 * (acceptance per reply and article, intents and corrections, escalations, knowledge gaps,
 * rewrites, dismissed flags). With `--from <dir>`, the team report over a folder of bundles
 * (`inloop learn export`), printed, and written as one self-contained HTML file with charts.
 */
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildReport } from '../../../../shared/learning/feedback-report';
import { AppError } from '../../../../shared/result';
import { FEEDBACK_FILE, readFeedback } from '../../assist/feedback-log';
import { writeFileAtomic } from '../../core/atomic-file';
import { dataDirFor, dataDirOption } from '../../core/cli/cli-context';
import {
  EXIT_OK,
  UsageError,
  type CliIo,
  type Command,
  type ParsedArgs,
} from '../../core/cli/command';
import { stringOption } from '../../core/cli/option-values';
import { teamReportOf } from '../bundle-files';
import { teamReportHtml } from '../report-html';
import { reportCsv, reportText, teamCsv, teamText } from './report-format';

/** Where the HTML file goes when `--html` does not say. */
export const DEFAULT_HTML = 'team-report.html';

async function deviceReport(args: ParsedArgs, io: CliIo, since: number | null): Promise<number> {
  const dataDir = dataDirFor(args, io);
  if (!existsSync(dataDir) || !statSync(dataDir).isDirectory())
    throw new AppError(
      'not_found',
      `there is no data folder at ${dataDir}: nothing was recorded there (check --data-dir or INLOOP_DATA_DIR)`,
    );
  const path = join(dataDir, FEEDBACK_FILE);
  if (!existsSync(path))
    io.stderr(
      `inloop report: ${dataDir} has no feedback log yet (${FEEDBACK_FILE}): the report is empty\n`,
    );
  const report = buildReport(await readFeedback(path), since);
  if (args.values.json === true) io.stdout(`${JSON.stringify(report, null, 2)}\n`);
  else if (args.values.csv === true) io.stdout(reportCsv(report));
  else io.stdout(reportText(report));
  return EXIT_OK;
}

async function teamReport(args: ParsedArgs, io: CliIo, from: string): Promise<number> {
  const report = await teamReportOf(resolve(io.cwd, from));
  if (report.bundles === 0)
    throw new AppError(
      'not_found',
      `${from} holds no team bundles (.jsonl files written by inloop learn export)` +
        (report.skipped.length > 0
          ? `; skipped: ${report.skipped.map((s) => `${s.file}: ${s.problem}`).join('; ')}`
          : ''),
    );
  const html = resolve(io.cwd, stringOption(args, 'html') ?? DEFAULT_HTML);
  await writeFileAtomic(html, teamReportHtml(report, new Date()));
  if (args.values.json === true) io.stdout(`${JSON.stringify(report, null, 2)}\n`);
  else if (args.values.csv === true) io.stdout(teamCsv(report));
  else io.stdout(teamText(report));
  io.stderr(`inloop report: wrote ${html}\n`);
  return EXIT_OK;
}

export const reportCommand: Command = {
  name: 'report',
  summary: "Report for a team lead: this device's feedback log, or the team's bundles (--from)",
  usage:
    'report [--since <date>] [--json|--csv] [--data-dir D] | report --from <dir> [--json|--csv] [--html <file>]',
  options: {
    since: {
      type: 'string',
      value: '<date>',
      description: 'Only events from this date on (e.g. 2026-11-01; this device only)',
    },
    from: {
      type: 'string',
      value: '<dir>',
      description: 'A folder of team bundles (inloop learn export): the team report',
    },
    html: {
      type: 'string',
      value: '<file>',
      description: `With --from: where to write the HTML report (default ./${DEFAULT_HTML})`,
    },
    json: { type: 'boolean', description: 'Print JSON' },
    csv: { type: 'boolean', description: 'Print CSV rows: section,id,metric,value' },
    'data-dir': dataDirOption,
  },
  async run(args, io) {
    if (args.values.json === true && args.values.csv === true)
      throw new UsageError('give --json or --csv, not both');
    const from = stringOption(args, 'from');
    if (from !== undefined) {
      if (stringOption(args, 'since') !== undefined)
        throw new UsageError(
          "--since applies to this device's log; export bundles with --since instead",
        );
      return teamReport(args, io, from);
    }
    if (stringOption(args, 'html') !== undefined) throw new UsageError('--html needs --from <dir>');
    const sinceText = stringOption(args, 'since');
    const since = sinceText === undefined ? null : Date.parse(sinceText);
    if (since !== null && Number.isNaN(since))
      throw new UsageError(`--since must be a date such as 2026-11-01, got '${sinceText}'`);
    return deviceReport(args, io, since);
  },
};
