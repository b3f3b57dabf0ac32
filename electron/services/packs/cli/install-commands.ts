/** `inloop pack install|list|remove|rollback`: what runs on an agent's device. */
import { resolve } from 'node:path';
import type { InstalledPack, InstalledVersion } from '../../../../shared/schemas/packs';
import { dataDirOption, modelsDirFor } from '../../core/cli/cli-context';
import { EXIT_OK, type Command } from '../../core/cli/command';
import { createEmbedder } from '../../embeddings/create-embedder';
import { trustFromSettings } from '../../knowledge/create-knowledge';
import { openCliSettings } from '../../knowledge/cli/knowledge-cli';
import { createPackIndexer } from '../../knowledge/pack-indexer';
import { PackStore } from '../install/pack-store';

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

const installCommand: Command = {
  name: 'install',
  summary: 'Verify a pack file and install it (atomically; upgrades keep the previous version)',
  usage: 'pack install <file.inloop> [--allow-unsigned] [--json] [--data-dir D]',
  options: {
    'allow-unsigned': {
      type: 'boolean',
      description: 'Install an unsigned pack even where settings do not allow it (development)',
    },
    json,
    'data-dir': dataDirOption,
  },
  positionals: [1, 1],
  async run(args, io) {
    const { dataDir, settings } = await openCliSettings(args, io);
    const trust = trustFromSettings(settings);
    const { embedder } = await createEmbedder({ modelsDir: modelsDirFor(io), env: io.env });
    try {
      const store = new PackStore(dataDir);
      await store.sweep();
      const installed = await store.install(resolve(io.cwd, args.positionals[0]!), {
        trust: {
          ...trust,
          allowUnsigned: trust.allowUnsigned || args.values['allow-unsigned'] === true,
        },
        indexer: createPackIndexer(embedder),
      });
      const entry = (await store.list()).find((p) => p.current.folder === installed.folder)!;
      io.stdout(
        args.values.json
          ? `${JSON.stringify(entry, null, 2)}\n`
          : `installed ${describeVersion(installed)}\n`,
      );
      return EXIT_OK;
    } finally {
      await embedder?.close();
    }
  },
};

const listCommand: Command = {
  name: 'list',
  summary: 'List the installed packs',
  usage: 'pack list [--json] [--data-dir D]',
  options: { json, 'data-dir': dataDirOption },
  async run(args, io) {
    const { dataDir } = await openCliSettings(args, io);
    const packs = await new PackStore(dataDir).list();
    io.stdout(args.values.json ? `${JSON.stringify(packs, null, 2)}\n` : formatPackList(packs));
    return EXIT_OK;
  },
};

const removeCommand: Command = {
  name: 'remove',
  summary: 'Remove an installed pack (every version of it)',
  usage: 'pack remove <id> [--data-dir D]',
  options: { 'data-dir': dataDirOption },
  positionals: [1, 1],
  async run(args, io) {
    const { dataDir } = await openCliSettings(args, io);
    const removed = await new PackStore(dataDir).remove(args.positionals[0]!);
    io.stdout(`removed ${removed.id} ${removed.version}\n`);
    return EXIT_OK;
  },
};

const rollbackCommand: Command = {
  name: 'rollback',
  summary: 'Go back to the previously installed version of a pack',
  usage: 'pack rollback <id> [--data-dir D]',
  options: { 'data-dir': dataDirOption },
  positionals: [1, 1],
  async run(args, io) {
    const { dataDir } = await openCliSettings(args, io);
    const current = await new PackStore(dataDir).rollback(args.positionals[0]!);
    io.stdout(`rolled back: ${describeVersion(current)}\n`);
    return EXIT_OK;
  },
};

export const installSubcommands: Command[] = [
  installCommand,
  listCommand,
  removeCommand,
  rollbackCommand,
];
