import type { Command } from '../../services/core/cli/command';

/** `--help` text of one command, built from its declaration. */
export function commandHelp(command: Command, prefix = 'inloop'): string {
  const lines = [`Usage: ${prefix} ${command.usage}`, '', command.summary];
  if (command.subcommands?.length) {
    lines.push('', 'Commands:');
    const width = Math.max(...command.subcommands.map((c) => c.name.length));
    for (const sub of command.subcommands)
      lines.push(`  ${sub.name.padEnd(width)}  ${sub.summary}`);
  }
  const options = Object.entries(command.options);
  lines.push('', 'Options:');
  const rows = [
    ...options.map(([name, spec]) => {
      const short = spec.short ? `-${spec.short}, ` : '    ';
      const value = spec.type === 'string' ? ` ${spec.value ?? '<value>'}` : '';
      return [`${short}--${name}${value}`, spec.description] as const;
    }),
    ['-h, --help', 'Show this help'] as const,
  ];
  const width = Math.max(...rows.map(([flag]) => flag.length));
  for (const [flag, description] of rows) lines.push(`  ${flag.padEnd(width)}  ${description}`);
  return `${lines.join('\n')}\n`;
}

/** The top-level `inloop --help`. */
export function programHelp(commands: readonly Command[], version: string): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    `Inloop ${version}: agent assist on the device.`,
    '',
    'Usage: inloop <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Global options:',
    '  -h, --help     Show help (also after any command)',
    '  -V, --version  Print the version',
    '',
    'Exit codes: 0 ok, 1 runtime failure, 2 usage error. Errors go to stderr.',
    '',
  ].join('\n');
}
