/**
 * `inloop assist`: the assist engine from a terminal, with the installed packs of the data
 * folder. `--batch <in.jsonl> --json` assesses one conversation per line (the interface outside
 * evaluation uses: keep it stable); without `--batch` it reads one conversation from a file or
 * standard input and prints it readably (or as JSON with `--json`). `--ingest-token` prints the
 * ingest endpoint's token for a connector.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Suggestions } from '../../../../shared/schemas/assist';
import type { AssistService } from '../assist-service';
import { loadIngestToken } from '../ingest-token';
import { dataDirOption } from '../../core/cli/cli-context';
import {
  EXIT_OK,
  UsageError,
  type Command,
  type OpenServices,
  withServices,
} from '../../core/cli/command';
import type { SecretStore } from '../../secrets/secret-store';
import { stringOption } from '../../core/cli/option-values';
import { parseAssistInput, type AssistInput } from './assist-input';
import { formatAssist } from './assist-format';

/** What `inloop assist` uses of the services. */
export interface AssistCliServices {
  readonly assist: { readonly service: AssistService };
  readonly secrets: SecretStore;
  readonly options: { readonly dataDir: string };
}

export const assistCommand = (open: OpenServices<AssistCliServices>): Command => ({
  name: 'assist',
  summary:
    'Suggestions for a conversation: intent, sentiment, escalation, articles, replies, next actions, gist',
  usage: 'assist [file|-] [--json] | assist --batch <in.jsonl> --json | assist --ingest-token',
  positionals: [0, 1],
  options: {
    batch: {
      type: 'string',
      value: '<in.jsonl>',
      description: 'One conversation per line; one JSON result per line',
    },
    json: { type: 'boolean', description: 'Print JSON' },
    'ingest-token': {
      type: 'boolean',
      description: "Print the ingest endpoint's token (created on first use)",
    },
    'data-dir': dataDirOption,
  },
  async run(args, io) {
    const batch = stringOption(args, 'batch');
    const file = args.positionals[0];
    if (batch !== undefined && file !== undefined)
      throw new UsageError('give --batch or a file, not both');
    return withServices(open, args, io, async (services) => {
      if (args.values['ingest-token'] === true) {
        const { token, storage } = await loadIngestToken(
          services.secrets,
          services.options.dataDir,
        );
        io.stdout(`${token}\n`);
        io.stderr(
          `(kept in the ${storage === 'keychain' ? 'OS keychain' : 'data folder, mode 0600'})\n`,
        );
        return EXIT_OK;
      }
      const assess = (input: AssistInput) => services.assist.service.assessOnce(input.turns);
      if (batch !== undefined) {
        if (args.values.json !== true)
          throw new UsageError('--batch prints JSON lines: add --json');
        const text = await readFile(resolve(io.cwd, batch), 'utf8');
        const lines = text.split('\n');
        for (const [i, line] of lines.entries()) {
          if (line.trim() === '') continue;
          const input = parseAssistInput(line, `${batch} line ${i + 1}`);
          io.stdout(`${JSON.stringify(outputLine(input.id, await assess(input)))}\n`);
        }
        return EXIT_OK;
      }
      const text =
        file === undefined || file === '-'
          ? await readStdin()
          : await readFile(resolve(io.cwd, file), 'utf8');
      const input = parseAssistInput(text, file ?? 'standard input');
      const result = outputLine(input.id, await assess(input));
      io.stdout(
        args.values.json === true ? `${JSON.stringify(result, null, 2)}\n` : formatAssist(result),
      );
      return EXIT_OK;
    });
  },
});

/** The stable output object: `id` first, then the Suggestions fields. */
export function outputLine(
  id: string | number | null,
  assist: Suggestions,
): { id: string | number | null } & Suggestions {
  return { id, ...assist };
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
