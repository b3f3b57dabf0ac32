/**
 * The `inloop` command-line runner: finds the command (and sub-command), parses its
 * declared options strictly, prints help, and maps failures to exit codes
 * (0 ok, 1 runtime failure, 2 usage error), with errors on stderr.
 */
import { parseArgs } from 'node:util';
import { AppError } from '../../../shared/result';
import {
  EXIT_FAILURE,
  EXIT_OK,
  EXIT_USAGE,
  UsageError,
  type CliIo,
  type Command,
  type ParsedArgs,
} from '../../services/core/cli/command';
import { commandHelp, programHelp } from './help';

export async function runCli(
  argv: readonly string[],
  commands: readonly Command[],
  version: string,
  io: CliIo,
): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '-h' || first === '--help' || first === 'help') {
    io.stdout(programHelp(commands, version));
    return first === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (first === '-V' || first === '--version') {
    io.stdout(`${version}\n`);
    return EXIT_OK;
  }
  const command = commands.find((c) => c.name === first);
  if (!command) {
    io.stderr(`inloop: unknown command '${first}'. Run 'inloop --help' for the list.\n`);
    return EXIT_USAGE;
  }
  return runCommand(command, rest, io, `inloop ${command.name}`);
}

async function runCommand(
  command: Command,
  argv: readonly string[],
  io: CliIo,
  path: string,
): Promise<number> {
  const [next, ...rest] = argv;
  if (command.subcommands?.length) {
    const sub = command.subcommands.find((c) => c.name === next);
    if (sub) return runCommand(sub, rest, io, `${path} ${sub.name}`);
    if (next === undefined || next === '-h' || next === '--help') {
      io.stdout(commandHelp(command));
      return next === undefined ? EXIT_USAGE : EXIT_OK;
    }
    io.stderr(`${path}: unknown command '${next}'. Run '${path} --help'.\n`);
    return EXIT_USAGE;
  }
  let args: ParsedArgs;
  try {
    args = parseCommandArgs(command, argv);
  } catch (error) {
    io.stderr(`${path}: ${(error as Error).message}\n\n${commandHelp(command)}`);
    return EXIT_USAGE;
  }
  if (args.values.help === true) {
    io.stdout(commandHelp(command));
    return EXIT_OK;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`${path}: ${error.message}\n\n${commandHelp(command)}`);
      return EXIT_USAGE;
    }
    const message =
      error instanceof AppError ? `${error.message} [${error.code}]` : (error as Error).message;
    io.stderr(`${path}: ${message}\n`);
    return EXIT_FAILURE;
  }
}

/** Strict parse of the command's declared options; unknown flags are usage errors. */
export function parseCommandArgs(command: Command, argv: readonly string[]): ParsedArgs {
  const options = Object.fromEntries(
    Object.entries(command.options).map(([name, spec]) => [
      name,
      {
        type: spec.type,
        ...(spec.multiple ? { multiple: true } : {}),
        ...(spec.short ? { short: spec.short } : {}),
      },
    ]),
  );
  const parsed = parseArgs({
    args: [...argv],
    options: { ...options, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
    strict: true,
  });
  const [min, max] = command.positionals ?? [0, 0];
  if (parsed.values.help !== true) {
    if (parsed.positionals.length < min)
      throw new UsageError(`expected ${min} argument(s), got ${parsed.positionals.length}`);
    if (parsed.positionals.length > max)
      throw new UsageError(`unexpected argument '${parsed.positionals[max]}'`);
  }
  return { values: parsed.values as ParsedArgs['values'], positionals: parsed.positionals };
}
