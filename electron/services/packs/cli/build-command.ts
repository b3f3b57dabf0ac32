/** `inloop pack build <srcDir> --out <file.inloop>`: a team lead's pack source into one signed file. */
import { readFile, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { modelsDirFor } from '../../core/cli/cli-context';
import { createEmbedder } from '../../embeddings/create-embedder';
import type { Embedder } from '../../embeddings/embedder';
import { EXIT_FAILURE, EXIT_OK, UsageError, type Command } from '../../core/cli/command';
import { stringOption } from '../../core/cli/option-values';
import { buildPack } from '../build';
import { progressBar } from './build-progress';
import {
  formatBuildSummary,
  formatProblems,
  formatWarnings,
  type BuildSummary,
} from './build-summary';

/** Reads a PEM file named on the command line, with an error that names it. */
export async function readPemFile(path: string, what: string): Promise<string> {
  return readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new Error(
      error.code === 'ENOENT'
        ? `${what} ${path} does not exist`
        : `cannot read ${what} ${path}: ${error.message}`,
      { cause: error },
    );
  });
}

/**
 * A build is a one-off job on the team lead's machine, not the live overlay: embed on every
 * core (up to 8) unless INLOOP_EMBED_THREADS says otherwise.
 */
export function buildThreads(env: NodeJS.ProcessEnv): { threads?: number } {
  return env.INLOOP_EMBED_THREADS ? {} : { threads: Math.min(8, availableParallelism()) };
}

export const buildCommand: Command = {
  name: 'build',
  summary: 'Validate a pack source folder and build it into one (signed) .inloop file',
  usage: 'pack build <srcDir> --out <file.inloop> [--sign-key <pem>] [--no-embed] [--json]',
  positionals: [1, 1],
  options: {
    out: { type: 'string', value: '<file.inloop>', description: 'The pack file to write' },
    'sign-key': {
      type: 'string',
      value: '<pem>',
      description: 'ed25519 private key (PKCS#8 PEM) to sign with; see `inloop pack keygen`',
    },
    'no-embed': {
      type: 'boolean',
      description: 'Build a lexical-only pack even when an embedding model is present',
    },
    json: { type: 'boolean', description: 'Print the summary (or the problems) as JSON' },
  },
  async run(args, io) {
    const outArg = stringOption(args, 'out');
    if (!outArg) throw new UsageError('--out <file.inloop> is required: the pack file to write');
    const srcDir = resolve(io.cwd, args.positionals[0]!);
    const out = resolve(io.cwd, outArg);
    if ((await stat(out).catch(() => null))?.isDirectory()) {
      throw new UsageError(`--out ${out} is a folder; name the .inloop file to write`);
    }
    const keyPath = stringOption(args, 'sign-key');
    const signKeyPem =
      keyPath === undefined
        ? undefined
        : await readPemFile(resolve(io.cwd, keyPath), 'signing key');

    // Filled by loadEmbedder, which buildPack calls only once the source is valid.
    const loaded: { embedder: Embedder | null; reason: string | null } = {
      embedder: null,
      reason: args.values['no-embed'] === true ? '--no-embed' : 'the pack has no articles',
    };
    const loadEmbedder = async (): Promise<Embedder | null> => {
      Object.assign(
        loaded,
        await createEmbedder({ modelsDir: modelsDirFor(io), env: io.env, ...buildThreads(io.env) }),
      );
      return loaded.embedder;
    };
    const bar = io.isTty && args.values.json !== true ? progressBar(io.stderr) : null;
    try {
      const result = await buildPack(srcDir, {
        out,
        ...(args.values['no-embed'] === true ? { embedder: null } : { loadEmbedder }),
        ...(signKeyPem === undefined ? {} : { signKeyPem }),
        ...(bar ? { onProgress: bar.update } : {}),
      });
      bar?.end();
      if (args.values.json !== true) io.stderr(formatWarnings(result.warnings));
      if (!result.ok) {
        if (args.values.json)
          io.stdout(
            `${JSON.stringify({ ok: false, problems: result.problems, warnings: result.warnings }, null, 2)}\n`,
          );
        else io.stderr(formatProblems(result.problems));
        return EXIT_FAILURE;
      }
      const summary: BuildSummary = {
        out,
        pack: result.manifest.pack,
        counts: result.manifest.counts,
        embedding: result.manifest.embedding,
        lexicalReason: result.manifest.embedding ? null : loaded.reason,
        bytes: (await stat(out)).size,
        signedBy: result.signedBy,
        ranking: result.ranking,
      };
      io.stdout(
        args.values.json
          ? `${JSON.stringify({ ok: true, ...summary, warnings: result.warnings }, null, 2)}\n`
          : formatBuildSummary(summary),
      );
      return EXIT_OK;
    } finally {
      bar?.end();
      await loaded.embedder?.close();
    }
  },
};
