/**
 * `inloop pack verify <file> [--publisher-key <pem>] [--data-dir D]`: check a pack as agents'
 * machines will, with the installer's own checks. With `--data-dir` it is checked against that
 * device too: its trusted keys (unless a key is given) and the version installed there.
 */
import { resolve } from 'node:path';
import { dataDirOption } from '../../core/cli/cli-context';
import { EXIT_OK, withServices, type Command } from '../../core/cli/command';
import { stringOption } from '../../core/cli/option-values';
import type { PackVerdict } from '../pack-installer';
import { readPemFile } from './build-command';
import type { OpenPacks } from './install-commands';
import { verifyPackFile } from './verify-pack';

/** The verdict as lines: what the pack is, what it holds, who signed it, trusted or not. */
export function formatVerdict(file: string, verdict: PackVerdict): string {
  const { manifest } = verdict.checked.pack;
  const { pack, counts, embedding } = manifest;
  const trust = verdict.trusted
    ? `trusted: the signature verifies with the given publisher key ${verdict.signedBy}`
    : verdict.signedBy
      ? `not checked: signed by key ${verdict.signedBy}; pass --publisher-key to check the signature`
      : 'unsigned: installs only where settings allow unsigned packs';
  return `${[
    `${file}: ok, every entry matches its manifest`,
    `  pack       ${pack.id} ${pack.version} (${pack.name})`,
    `  publisher  ${pack.publisher}`,
    `  counts     ${counts.articles} articles, ${counts.passages} passages, ${counts.responses} responses, ${counts.intents} intents, ${counts.rules} rules`,
    `  embedding  ${embedding ? `${embedding.model} (${embedding.dimension} dimensions)` : 'none (lexical only)'}`,
    `  created    ${manifest.createdAt}`,
    `  signature  ${trust}`,
  ].join('\n')}\n`;
}

export const verifyCommand = (open: OpenPacks): Command => ({
  name: 'verify',
  summary: 'Check a pack file as an install would (integrity, content, signature)',
  usage: 'pack verify <file.inloop> [--publisher-key <pem>] [--data-dir D] [--json]',
  positionals: [1, 1],
  options: {
    'publisher-key': {
      type: 'string',
      value: '<pem>',
      description: "The publisher's public key (SPKI PEM); the pack must be signed by it",
    },
    json: { type: 'boolean', description: 'Print the verdict as JSON' },
    'data-dir': {
      ...dataDirOption,
      description: "Also check against this device's trusted keys and installed version",
    },
  },
  async run(args, io) {
    const file = resolve(io.cwd, args.positionals[0]!);
    const keyPath = stringOption(args, 'publisher-key');
    const key =
      keyPath === undefined
        ? undefined
        : await readPemFile(resolve(io.cwd, keyPath), 'publisher key');
    const verdict = await verdictOf(file, key, args, io, open);
    const { manifest } = verdict.checked.pack;
    io.stdout(
      args.values.json
        ? `${JSON.stringify(
            {
              file,
              pack: manifest.pack,
              counts: manifest.counts,
              embedding: manifest.embedding,
              createdAt: manifest.createdAt,
              signedBy: verdict.signedBy,
              trusted: verdict.trusted,
            },
            null,
            2,
          )}\n`
        : formatVerdict(file, verdict),
    );
    return EXIT_OK;
  },
});

async function verdictOf(
  file: string,
  key: string | undefined,
  args: Parameters<Command['run']>[0],
  io: Parameters<Command['run']>[1],
  open: OpenPacks,
): Promise<PackVerdict> {
  if (stringOption(args, 'data-dir') === undefined) return verifyPackFile(file, key);
  return withServices(open, args, io, (services) =>
    services.packs.verify(file, { publisherKeyPem: key, againstDevice: true }),
  );
}
