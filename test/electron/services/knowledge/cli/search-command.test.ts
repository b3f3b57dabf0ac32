/**
 * `inloop pack install|list|rollback|remove` and `inloop search` (text and --batch) run
 * in-process through the real CLI runner, on a temp data dir, lexical mode.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../../../../electron/hosts/cli/commands';
import type { CliIo } from '../../../../../electron/services/core/cli/command';
import { runCli } from '../../../../../electron/hosts/cli/run-cli';
import { BILLING_ARTICLES, tempDir, writeFixturePack } from '../knowledge-fixtures';

let dir: string;
let cleanup: () => Promise<void>;

async function inloop(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    env: { ...process.env, INLOOP_EMBED_MODEL: 'none' },
    cwd: dir,
    isTty: false,
  };
  const code = await runCli([...argv, '--data-dir', join(dir, 'data')], commands, '0.0.0', io);
  return { code, stdout, stderr };
}

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('inloop-search-cli-'));
  await writeFixturePack(join(dir, 'v1.inloop'), {
    id: 'acme',
    version: '1.0.0',
    articles: BILLING_ARTICLES,
  });
  await writeFixturePack(join(dir, 'v2.inloop'), {
    id: 'acme',
    version: '1.1.0',
    articles: BILLING_ARTICLES,
  });
});
afterAll(() => cleanup());

describe('inloop pack and inloop search', () => {
  it('refuses an unsigned pack by default, installs it with --allow-unsigned', async () => {
    const refused = await inloop('pack', 'install', 'v1.inloop');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/not signed.*\[unauthorized\]/);
    const ok = await inloop('pack', 'install', 'v1.inloop', '--allow-unsigned');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^installed acme 1\.0\.0 .*unsigned; lexical only/);
    expect((await inloop('pack', 'install', 'v2.inloop', '--allow-unsigned')).code).toBe(0);
    const list = JSON.parse((await inloop('pack', 'list', '--json')).stdout);
    expect(list[0].current.version).toBe('1.1.0');
    expect(list[0].previous.version).toBe('1.0.0');
  });

  it('searches as text and as JSON', async () => {
    const text = await inloop('search', 'courier', 'lost', 'the', 'parcel', '--k', '1');
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^lexical search \(INLOOP_EMBED_MODEL=none\)/);
    expect(text.stdout).toContain('1. Late deliveries  (acme › shipping/late-delivery)');
    const json = JSON.parse((await inloop('search', 'refund', 'card', '--json')).stdout);
    expect(json.hits[0]).toMatchObject({ articleId: 'billing/refunds', packId: 'acme' });
  });

  it('runs a batch file: one exact output line per input line', async () => {
    const input = join(dir, 'in.jsonl');
    await writeFile(
      input,
      [
        '{"id":"q1","query":"refund to card"}',
        '',
        '{"id":"t1","turns":[{"role":"customer","text":"my parcel is late"},{"role":"agent","text":"sorry"},{"role":"customer","text":"the courier lost it"}]}',
      ].join('\n'),
    );
    const out = await inloop('search', '--batch', 'in.jsonl', '--json', '--k', '2');
    expect(out.code).toBe(0);
    const lines = out.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(['q1', 't1']);
    for (const line of lines) {
      expect(Object.keys(line)).toEqual(['id', 'results', 'ms']);
      expect(line.results.length).toBeGreaterThan(0);
      expect(line.results.length).toBeLessThanOrEqual(2);
      expect(line.ms).toBeGreaterThan(0);
      for (const r of line.results) {
        expect(Object.keys(r).filter((k) => k !== 'url')).toEqual([
          'articleId',
          'title',
          'packId',
          'passage',
          'score',
        ]);
      }
    }
    expect(lines[0].results[0]).toMatchObject({
      articleId: 'billing/refunds',
      url: 'https://help.example.com/refunds',
    });
    expect(lines[1].results[0].articleId).toBe('shipping/late-delivery');
  });

  it('names the line of a bad batch input', async () => {
    await writeFile(
      join(dir, 'bad.jsonl'),
      '{"id":"ok","query":"refund"}\n{"id":"x","turns":[{"role":"boss","text":"hi"}]}\n',
    );
    const out = await inloop('search', '--batch', 'bad.jsonl', '--json');
    expect(out.code).toBe(1);
    expect(out.stderr).toMatch(
      /bad\.jsonl line 2: .*turns\[0\]\.role must be one of customer, agent \(got "boss"\)/,
    );
    expect(out.stdout).toBe('');
  });

  it('rolls back only to a version this device would install, then removes', async () => {
    const refused = await inloop('pack', 'rollback', 'acme');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /cannot roll back to acme 1\.0\.0: it is unsigned, and unsigned packs are not allowed/,
    );
    expect((await inloop('pack', 'list')).stdout).toMatch(/^acme 1\.1\.0/);
    const rolled = await inloop('pack', 'rollback', 'acme', '--allow-unsigned');
    expect(rolled.stdout).toMatch(
      /rolled back: acme 1\.0\.0 .* is now active \(was 1\.1\.0; roll back again to return to it\)\n$/,
    );
    expect((await inloop('pack', 'remove', 'acme')).stdout).toBe('removed acme 1.0.0\n');
    expect((await inloop('pack', 'list')).stdout).toMatch(/no packs installed/);
    expect((await inloop('pack', 'remove', 'acme')).code).toBe(1);
  });
});
