/**
 * `inloop pack import-zendesk` and `inloop pack import-macros`: bring a team's existing
 * helpdesk articles and macros into a pack source folder. Registered under `inloop pack`.
 */
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import {
  EXIT_FAILURE,
  EXIT_OK,
  UsageError,
  type CliIo,
  type Command,
  type ParsedArgs,
} from '../../core/cli/command';
import { stringOption } from '../../core/cli/option-values';
import { countReasons, type ImportSummary } from './import-summary';
import { importMacrosCsv } from './import-macros';
import { importZendeskArticles } from './import-zendesk';

const outOption = {
  type: 'string',
  value: '<srcDir>',
  description: 'The pack source folder to write into (created if missing)',
} as const;
const jsonOption = { type: 'boolean', description: 'Print the summary as JSON' } as const;

/** The summary as lines a team lead reads: what was written, skipped and wrong. */
export function formatImportSummary(summary: ImportSummary, what: string, outDir: string): string {
  const lines = [
    `${what}: wrote ${summary.written.length} file${summary.written.length === 1 ? '' : 's'} in ${outDir}`,
  ];
  if (summary.skipped.length > 0) {
    lines.push(`skipped ${summary.skipped.length} (${countReasons(summary.skipped)}):`);
    lines.push(...summary.skipped.map((s) => `  ${s.item}: ${s.reason}`));
  }
  if (summary.problems.length > 0) {
    lines.push(`${summary.problems.length} problem${summary.problems.length === 1 ? '' : 's'}:`);
    lines.push(
      ...summary.problems.map((p) => `  ${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`),
    );
  }
  if (summary.written.length > 0)
    lines.push('Check the result with `inloop pack build` before publishing.');
  return `${lines.join('\n')}\n`;
}

async function runImport(
  args: ParsedArgs,
  io: CliIo,
  what: string,
  importer: (text: string, outDir: string, name: string) => Promise<ImportSummary>,
): Promise<number> {
  const out = stringOption(args, 'out');
  if (!out)
    throw new UsageError('--out <srcDir> is required: the pack source folder to write into');
  const input = resolve(io.cwd, args.positionals[0]!);
  const outDir = resolve(io.cwd, out);
  const text = await readFile(input, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new Error(
      error.code === 'ENOENT'
        ? `${input} does not exist`
        : `cannot read ${input}: ${error.message}`,
      { cause: error },
    );
  });
  const summary = await importer(text, outDir, basename(input));
  io.stdout(
    args.values.json
      ? `${JSON.stringify(summary, null, 2)}\n`
      : formatImportSummary(summary, what, outDir),
  );
  return summary.problems.length > 0 ? EXIT_FAILURE : EXIT_OK;
}

export const importZendeskCommand: Command = {
  name: 'import-zendesk',
  summary: 'Import a Zendesk Help Center articles export into a pack source folder',
  usage: 'pack import-zendesk <export.json> --out <srcDir> [--json]',
  positionals: [1, 1],
  options: { out: outOption, json: jsonOption },
  run: (args, io) => runImport(args, io, 'Zendesk articles', importZendeskArticles),
};

export const importMacrosCommand: Command = {
  name: 'import-macros',
  summary: "Add macros from a CSV (title, text, tags, intents) to a pack source's responses.yaml",
  usage: 'pack import-macros <macros.csv> --out <srcDir> [--json]',
  positionals: [1, 1],
  options: { out: outOption, json: jsonOption },
  run: (args, io) => runImport(args, io, 'Macros', importMacrosCsv),
};
