/**
 * `inloop assist` through the real runner and services, on a temp data
 * folder with no packs (so no intent), keychain-free (`INLOOP_EMBED_MODEL=none` keeps it fast).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CliIo } from '../../../../../electron/services/core/cli/command';
import { commands } from '../../../../../electron/hosts/cli/commands';
import { runCli } from '../../../../../electron/hosts/cli/run-cli';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'inloop-cli-assist-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

function io(): { io: CliIo; out: () => string; err: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: {
      stdout: (t) => out.push(t),
      stderr: (t) => err.push(t),
      env: { INLOOP_EMBED_MODEL: 'none' },
      cwd: dir,
      isTty: false,
    },
    out: () => out.join(''),
    err: () => err.join(''),
  };
}

describe('inloop assist --batch', () => {
  it('prints one stable JSON object per input line, turns or query', async () => {
    await writeFile(
      join(dir, 'in.jsonl'),
      [
        JSON.stringify({
          id: 'a',
          turns: [{ role: 'customer', text: 'My email is x@example.com, I want a refund' }],
        }),
        JSON.stringify({ id: 'b', query: 'I will call my lawyer' }),
      ].join('\n'),
    );
    const cli = io();
    const code = await runCli(
      ['assist', '--batch', 'in.jsonl', '--json', '--data-dir', join(dir, 'data')],
      commands,
      '0.0.0',
      cli.io,
    );
    expect(code, cli.err()).toBe(0);
    const lines = cli
      .out()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.id)).toEqual(['a', 'b']);
    for (const line of lines) {
      expect(Object.keys(line)).toEqual([
        'id',
        'intent',
        'candidates',
        'sentiment',
        'escalation',
        'articles',
        'replies',
        'nextActions',
        'summary',
        'ms',
      ]);
    }
    expect((lines[1]!.escalation as { reason: string; turn: number }[])[0]).toMatchObject({
      turn: 0,
    });
    expect(cli.out()).not.toContain('x@example.com');
  });

  it('says what is wrong with a bad line (exit 2)', async () => {
    await writeFile(join(dir, 'bad.jsonl'), '{"id":"a","turns":"nope"}\n');
    const cli = io();
    const code = await runCli(
      ['assist', '--batch', 'bad.jsonl', '--json', '--data-dir', join(dir, 'data')],
      commands,
      '0.0.0',
      cli.io,
    );
    expect(code).toBe(2);
    expect(cli.err()).toMatch(/bad\.jsonl line 1/);
  });
});
