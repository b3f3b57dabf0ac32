/**
 * `inloop learn …`: the loop across the team. `export` writes what this device learned as a
 * bundle (counts; texts only when seen in k conversations; off unless Settings allow it);
 * `merge` turns bundles into a proposal for the next version of a pack source (a diff for the
 * lead to review); `apply` writes that next version.
 */
import { mkdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { buildProposal } from '../../../../shared/learning/proposal';
import { AppError } from '../../../../shared/result';
import { writeFileAtomic } from '../../core/atomic-file';
import { dataDirOption } from '../../core/cli/cli-context';
import {
  EXIT_OK,
  EXIT_USAGE,
  UsageError,
  type Command,
  type OpenServices,
} from '../../core/cli/command';
import { stringOption } from '../../core/cli/option-values';
import type { SettingsService } from '../../settings/settings-service';
import { bundleFilesIn, mergeBundleFiles, writeBundle } from '../bundle-files';
import type { LearningService } from '../learning-service';
import { applyChanges, proposalChanges, readSourceView } from '../proposal-files';
import { proposalMarkdown } from '../proposal-summary';
import { unifiedDiff } from '../unified-diff';

const PROPOSAL_FILE = 'proposal.json';

/** What `learn export` uses of the services. */
type LearningServices = OpenServices<{
  readonly learning: LearningService;
  readonly settings: SettingsService;
}>;

const exportCommand = (open: LearningServices): Command => ({
  name: 'export',
  summary: 'Write what this device learned as a team bundle (counts, redacted)',
  usage: 'learn export [--since <date>] --out <bundle.jsonl> [--data-dir D]',
  options: {
    since: {
      type: 'string',
      value: '<date>',
      description: 'Only days from this date on (2026-11-01)',
    },
    out: { type: 'string', value: '<bundle.jsonl>', description: 'Where to write the bundle' },
    'data-dir': dataDirOption,
  },
  async run(args, io) {
    const out = stringOption(args, 'out');
    if (out === undefined) throw new UsageError('give --out <bundle.jsonl>');
    const since = stringOption(args, 'since');
    if (since !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(since))
      throw new UsageError(`--since must be a date such as 2026-11-01, got '${since}'`);
    const path = resolve(io.cwd, out);
    const services = await open(args, io);
    let lines;
    try {
      lines = services.learning.exportBundle(since ?? null, path);
    } finally {
      await services.close();
    }
    await writeBundle(path, lines);
    const counts = new Map<string, number>();
    for (const l of lines) counts.set(l.kind, (counts.get(l.kind) ?? 0) + 1);
    io.stdout(
      `wrote ${path}: ${[...counts].map(([kind, n]) => `${n} ${kind}`).join(', ')} (texts seen in fewer than ${services.settings.get().learning.k} conversations stay on this device)\n`,
    );
    return EXIT_OK;
  },
});

async function bundlePaths(inputs: readonly string[], cwd: string): Promise<string[]> {
  const files: string[] = [];
  for (const input of inputs) {
    const path = resolve(cwd, input);
    const info = await stat(path).catch(() => null);
    if (!info) throw new AppError('not_found', `${input} does not exist`);
    files.push(...(info.isDirectory() ? await bundleFilesIn(path) : [path]));
  }
  return files;
}

const mergeCommand: Command = {
  name: 'merge',
  summary: 'Merge team bundles into a proposal for the next version of a pack source',
  usage: 'learn merge <bundles…> --pack <pack source dir> --out <proposal dir>',
  positionals: [1, 10_000],
  options: {
    pack: {
      type: 'string',
      value: '<dir>',
      description: 'The pack source folder the proposal changes',
    },
    out: { type: 'string', value: '<dir>', description: 'Where to write the proposal' },
  },
  async run(args, io) {
    const pack = stringOption(args, 'pack');
    const out = stringOption(args, 'out');
    if (pack === undefined || out === undefined)
      throw new UsageError('give --pack <dir> and --out <dir>');
    const source = resolve(io.cwd, pack);
    const { merged, skipped } = await mergeBundleFiles(await bundlePaths(args.positionals, io.cwd));
    for (const s of skipped) io.stderr(`inloop learn merge: skipped ${s.file}: ${s.problem}\n`);
    if (merged.bundles === 0) throw new AppError('not_found', 'no team bundle among the inputs');
    const proposal = buildProposal(merged, await readSourceView(source));
    const changes = await proposalChanges(source, proposal);
    const dir = resolve(io.cwd, out);
    await mkdir(dir, { recursive: true });
    const diff = changes.map((c) => unifiedDiff(c.path, c.before, c.after)).join('');
    await writeFileAtomic(join(dir, 'changes.diff'), diff);
    await writeFileAtomic(join(dir, 'PROPOSAL.md'), proposalMarkdown(proposal, changes));
    await writeFileAtomic(
      join(dir, PROPOSAL_FILE),
      `${JSON.stringify({ format: 1, source, proposal, changes }, null, 2)}\n`,
    );
    io.stdout(
      `wrote ${dir}: ${proposal.pack.id} ${proposal.pack.from} → ${proposal.pack.to}, ${proposal.examples.length} intent examples, ${proposal.aliases.length} articles with aliases, ${proposal.stubs.length} stubs, ${proposal.ranking.length} ranking counts, ${changes.length} files (review PROPOSAL.md and changes.diff)\n`,
    );
    return EXIT_OK;
  },
};

const ProposalFileSchema = z.object({
  format: z.literal(1),
  source: z.string(),
  proposal: z
    .object({ pack: z.object({ id: z.string(), from: z.string(), to: z.string() }) })
    .loose(),
  changes: z.array(
    z.object({ path: z.string(), before: z.string().nullable(), after: z.string() }),
  ),
});

const applyCommand: Command = {
  name: 'apply',
  summary: 'Write the next version of the pack source from a reviewed proposal',
  usage: 'learn apply <proposal dir> [--to <pack source dir>]',
  positionals: [1, 1],
  options: {
    to: {
      type: 'string',
      value: '<dir>',
      description: 'The pack source to write (default: the one the proposal was made from)',
    },
  },
  async run(args, io) {
    const dir = resolve(io.cwd, args.positionals[0]!);
    let raw: unknown;
    try {
      raw = JSON.parse(await readFile(join(dir, PROPOSAL_FILE), 'utf8'));
    } catch (error) {
      throw new AppError(
        'not_found',
        `${dir} holds no readable ${PROPOSAL_FILE} (${(error as Error).message})`,
      );
    }
    const parsed = ProposalFileSchema.safeParse(raw);
    if (!parsed.success)
      throw new AppError('invalid_request', `${PROPOSAL_FILE} is not a learning proposal`);
    const { changes, proposal } = parsed.data;
    const target = resolve(io.cwd, stringOption(args, 'to') ?? parsed.data.source);
    await applyChanges(target, changes);
    io.stdout(
      `wrote ${proposal.pack.id} ${proposal.pack.to} into ${target} (${changes.length} files); build it with inloop pack build ${target}\n`,
    );
    return EXIT_OK;
  },
};

export const learnCommand = (open: LearningServices): Command => ({
  name: 'learn',
  summary:
    'Share what devices learned with the team: export bundles, merge them into a pack proposal',
  usage: 'learn <export|merge|apply> …',
  options: {},
  subcommands: [exportCommand(open), mergeCommand, applyCommand],
  run: () => Promise.resolve(EXIT_USAGE),
});
