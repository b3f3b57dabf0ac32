/**
 * `inloop pack install|list|remove|rollback`: what runs on an agent's device, through the same
 * `PackInstaller` as the app's Settings and a pack feed.
 */
import { resolve } from 'node:path';
import type { InstalledPack, InstalledVersion } from '../../../../shared/schemas/packs';
import { dataDirOption } from '../../core/cli/cli-context';
import { EXIT_OK, type Command, type OpenServices, withServices } from '../../core/cli/command';
import type { PackInstaller } from '../pack-installer';

/** What the pack commands use of the services. */
export type OpenPacks = OpenServices<{ readonly packs: PackInstaller }>;

/** One line per installed version: id, version, publisher, signer, vectors. */
export function describeVersion(v: InstalledVersion): string {
  const signer = v.signerKeyId ? `signed by ${v.signerKeyId}` : 'unsigned';
  const vectors = v.embeddingModel ? `vectors: ${v.embeddingModel}` : 'lexical only';
  return `${v.id} ${v.version}  ${v.name} — ${v.publisher}  (${v.counts.articles} articles, ${v.counts.passages} passages; ${signer}; ${vectors})`;
}

/** The installed packs as text, with what each would roll back to. */
export function formatPackList(packs: readonly InstalledPack[]): string {
  if (packs.length === 0) return 'no packs installed (inloop pack install <file>)\n';
  return `${packs
    .map((p) =>
      [
        describeVersion(p.current),
        ...(p.previous ? [`    rollback to ${p.previous.version}`] : []),
      ].join('\n'),
    )
    .join('\n')}\n`;
}

const json = { type: 'boolean', description: 'Print JSON' } as const;

const installCommand = (open: OpenPacks): Command => ({
  name: 'install',
  summary: 'Verify a pack file and install it (atomically; upgrades keep the previous version)',
  usage:
    'pack install <file.inloop> [--allow-unsigned] [--allow-downgrade] [--json] [--data-dir D]',
  options: {
    'allow-unsigned': {
      type: 'boolean',
      description: 'Install an unsigned pack even where settings do not allow it (development)',
    },
    'allow-downgrade': {
      type: 'boolean',
      description: 'Install an older version over the installed newer one',
    },
    json,
    'data-dir': dataDirOption,
  },
  positionals: [1, 1],
  async run(args, io) {
    return withServices(open, args, io, async (services) => {
      const entry = await services.packs.install(
        { path: resolve(io.cwd, args.positionals[0]!) },
        {
          allowUnsigned: args.values['allow-unsigned'] === true,
          allowDowngrade: args.values['allow-downgrade'] === true,
        },
      );
      io.stdout(
        args.values.json
          ? `${JSON.stringify(entry, null, 2)}\n`
          : `installed ${describeVersion(entry.current)}\n`,
      );
      return EXIT_OK;
    });
  },
});

const listCommand = (open: OpenPacks): Command => ({
  name: 'list',
  summary: 'List the installed packs',
  usage: 'pack list [--json] [--data-dir D]',
  options: { json, 'data-dir': dataDirOption },
  async run(args, io) {
    return withServices(open, args, io, async (services) => {
      const packs = await services.packs.list();
      io.stdout(args.values.json ? `${JSON.stringify(packs, null, 2)}\n` : formatPackList(packs));
      return EXIT_OK;
    });
  },
});

const removeCommand = (open: OpenPacks): Command => ({
  name: 'remove',
  summary: 'Remove an installed pack (every version of it)',
  usage: 'pack remove <id> [--data-dir D]',
  options: { 'data-dir': dataDirOption },
  positionals: [1, 1],
  async run(args, io) {
    return withServices(open, args, io, async (services) => {
      const id = args.positionals[0]!;
      const before = (await services.packs.list()).find((p) => p.current.id === id);
      await services.packs.remove(id);
      io.stdout(`removed ${id}${before ? ` ${before.current.version}` : ''}\n`);
      return EXIT_OK;
    });
  },
});

const rollbackCommand = (open: OpenPacks): Command => ({
  name: 'rollback',
  summary: 'Go back to the previously installed version of a pack',
  usage: 'pack rollback <id> [--allow-unsigned] [--data-dir D]',
  options: {
    'allow-unsigned': {
      type: 'boolean',
      description: 'Roll back to an unsigned version even where settings do not allow it',
    },
    'data-dir': dataDirOption,
  },
  positionals: [1, 1],
  async run(args, io) {
    return withServices(open, args, io, async (services) => {
      const entry = await services.packs.rollback(args.positionals[0]!, {
        allowUnsigned: args.values['allow-unsigned'] === true,
      });
      // Rolling back swaps the two: the version left is now the one "roll back" returns to.
      const left = entry.previous
        ? ` (was ${entry.previous.version}; roll back again to return to it)`
        : '';
      io.stdout(`rolled back: ${describeVersion(entry.current)} is now active${left}\n`);
      return EXIT_OK;
    });
  },
});

export const installSubcommands = (open: OpenPacks): Command[] => [
  installCommand(open),
  listCommand(open),
  removeCommand(open),
  rollbackCommand(open),
];
