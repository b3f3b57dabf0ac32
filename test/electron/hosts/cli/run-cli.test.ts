import { describe, expect, it } from 'vitest';
import {
  UsageError,
  type CliIo,
  type Command,
} from '../../../../electron/services/core/cli/command';
import { runCli } from '../../../../electron/hosts/cli/run-cli';
import { intOption } from '../../../../electron/services/core/cli/option-values';

function io() {
  const out: string[] = [];
  const err: string[] = [];
  const value: CliIo = {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    env: {},
    cwd: '/tmp',
    isTty: false,
  };
  return { io: value, out: () => out.join(''), err: () => err.join('') };
}

const greet: Command = {
  name: 'greet',
  summary: 'Say hello',
  usage: 'greet <name> [--times N] [--json]',
  positionals: [1, 1],
  options: {
    times: { type: 'string', value: '<N>', description: 'How often' },
    json: { type: 'boolean', description: 'JSON output' },
  },
  async run(args, cli) {
    const times = intOption(args, 'times', 1, 1, 5);
    if (args.positionals[0] === 'crash') throw new Error('the kettle is broken');
    if (args.positionals[0] === 'nobody') throw new UsageError('nobody is not a name');
    cli.stdout(`${'hello '.repeat(times)}${args.positionals[0]}\n`);
    return 0;
  },
};
const group: Command = {
  name: 'pack',
  summary: 'Packs',
  usage: 'pack <command>',
  options: {},
  subcommands: [{ ...greet, name: 'build' }],
  run: async () => 0,
};

describe('inloop CLI runner', () => {
  it('prints the version and the command list', async () => {
    const a = io();
    expect(await runCli(['--version'], [greet], '1.2.3', a.io)).toBe(0);
    expect(a.out()).toBe('1.2.3\n');
    const b = io();
    expect(await runCli(['--help'], [greet], '1.2.3', b.io)).toBe(0);
    expect(b.out()).toMatch(/greet\s+Say hello/);
  });

  it('runs a command with its options', async () => {
    const a = io();
    expect(await runCli(['greet', 'Ada', '--times', '2'], [greet], '1', a.io)).toBe(0);
    expect(a.out()).toBe('hello hello Ada\n');
  });

  it('gives --help for every command', async () => {
    const a = io();
    expect(await runCli(['greet', '--help'], [greet], '1', a.io)).toBe(0);
    expect(a.out()).toContain('Usage: inloop greet <name>');
    expect(a.out()).toContain('--times <N>');
  });

  it('exits 2 with the reason on stderr for usage errors', async () => {
    for (const argv of [
      ['greet', 'Ada', '--loud'],
      ['greet'],
      ['greet', 'Ada', '--times', '9'],
      ['greet', 'nobody'],
      ['frobnicate'],
    ]) {
      const a = io();
      expect(await runCli(argv, [greet], '1', a.io)).toBe(2);
      expect(a.err()).not.toBe('');
      expect(a.out()).toBe('');
    }
  });

  it('exits 1 with the message on stderr for runtime failures', async () => {
    const a = io();
    expect(await runCli(['greet', 'crash'], [greet], '1', a.io)).toBe(1);
    expect(a.err()).toBe('inloop greet: the kettle is broken\n');
  });

  it('routes sub-commands and lists them', async () => {
    const a = io();
    expect(await runCli(['pack', 'build', 'x'], [group], '1', a.io)).toBe(0);
    expect(a.out()).toBe('hello x\n');
    const b = io();
    expect(await runCli(['pack', '--help'], [group], '1', b.io)).toBe(0);
    expect(b.out()).toMatch(/build\s+Say hello/);
  });
});
