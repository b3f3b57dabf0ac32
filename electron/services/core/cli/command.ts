/**
 * The shape of an `inloop` command. Each command declares its options once; the runner
 * derives parsing, `--help` and usage errors from that declaration.
 */
export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** Shown in --help, e.g. `<dir>`. */
  value?: string;
  description: string;
  multiple?: boolean;
}

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** True when stdout is a terminal (progress bars, colours). */
  isTty: boolean;
}

export interface ParsedArgs {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

export interface Command {
  name: string;
  summary: string;
  /** e.g. `serve [--port N] [--data-dir D]`. */
  usage: string;
  options: Record<string, OptionSpec>;
  /** Positional arguments allowed: [min, max]. */
  positionals?: [number, number];
  /** Resolves to the exit code. Throw UsageError for bad arguments, anything else for failures. */
  run(args: ParsedArgs, io: CliIo): Promise<number>;
  /** Sub-commands (`inloop pack build`), when the command is a group. */
  subcommands?: Command[];
}

/**
 * Opens the composed services a command needs. The CLI host passes the composition root's
 * opener; a command declares only the part it uses (`OpenServices<{ knowledge: … }>`), so no
 * service folder imports the composition root.
 */
export type OpenServices<S> = (
  args: ParsedArgs,
  io: CliIo,
) => Promise<S & { close(): Promise<void> }>;

/** Opens the services, runs `work` with them, and closes them whatever `work` does. */
export async function withServices<S, T>(
  open: OpenServices<S>,
  args: ParsedArgs,
  io: CliIo,
  work: (services: S) => Promise<T>,
): Promise<T> {
  const services = await open(args, io);
  try {
    return await work(services);
  } finally {
    await services.close();
  }
}

/** Bad command-line usage: exit code 2 and the command's usage on stderr. */
export class UsageError extends Error {}

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;
