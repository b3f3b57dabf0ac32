/**
 * `inloop policy show [--json]`: the effective managed policy, where each value came from and
 * what was ignored; `inloop policy templates --out <dir>`: the ADMX/ADML, the example
 * `.mobileconfig` and the example `policy.json`, generated from the schema.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { policyDefinitions, type PolicyReport } from '../../../../shared/schemas/policy';
import { EXIT_OK, EXIT_USAGE, UsageError, type Command } from '../../core/cli/command';
import { stringOption } from '../../core/cli/option-values';
import { policyTemplates } from '../templates';
import { readCliPolicy } from './cli-policy';

/** A value on one line, shortened past `max` characters. */
function shortValue(value: unknown, max = 48): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The report as text: one row per value in force, then the problems. */
export function formatPolicyReport(report: PolicyReport): string {
  const lines = [`Managed policy, read from: ${report.sources.join(', ') || 'nowhere'}`];
  if (report.entries.length === 0) lines.push("  nothing set: every setting is the user's own");
  const width = Math.max(0, ...report.entries.map((e) => e.key.length));
  for (const entry of report.entries) {
    const level = entry.level === 'enforced' ? 'enforced' : 'default ';
    lines.push(
      `  ${level}  ${entry.key.padEnd(width)}  ${shortValue(entry.value)}  → ${entry.setting}  (${entry.source})`,
    );
  }
  if (report.problems.length > 0) {
    lines.push('Ignored (the rest still applies):');
    for (const problem of report.problems) {
      const level = problem.level ? ` [${problem.level}]` : '';
      lines.push(`  ${problem.source}${level}: ${problem.message}`);
    }
  }
  const unset = Object.keys(policyDefinitions).length - report.entries.length;
  lines.push(`${report.entries.length} set, ${unset} not set (see docs/deploy.md for every key)`);
  return `${lines.join('\n')}\n`;
}

const showCommand: Command = {
  name: 'show',
  summary: 'Print the managed policy in force and where each value came from',
  usage: 'policy show [--json]',
  options: { json: { type: 'boolean', description: 'Print JSON' } },
  async run(args, io) {
    const report = await readCliPolicy(io);
    io.stdout(
      args.values.json ? `${JSON.stringify(report, null, 2)}\n` : formatPolicyReport(report),
    );
    return EXIT_OK;
  },
};

const templatesCommand: Command = {
  name: 'templates',
  summary: 'Write the ADMX/ADML, example .mobileconfig and example policy.json from the schema',
  usage: 'policy templates --out <dir>',
  options: { out: { type: 'string', value: '<dir>', description: 'Folder to write into' } },
  async run(args, io) {
    const out = stringOption(args, 'out');
    if (!out) throw new UsageError('--out <dir> is required');
    for (const template of policyTemplates()) {
      const path = join(resolve(io.cwd, out), template.path);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, template.text);
      io.stdout(`wrote ${path}\n`);
    }
    return EXIT_OK;
  },
};

export const policyCommand: Command = {
  name: 'policy',
  summary: 'Show the managed policy in force; generate its Group Policy and MDM templates',
  usage: 'policy <show|templates> …',
  options: {},
  subcommands: [showCommand, templatesCommand],
  run: () => Promise.resolve(EXIT_USAGE),
};
