/**
 * `inloop policy show [--json]`, `inloop policy templates` and the doctor's policy line, run
 * through the real CLI runner against a policy file (INLOOP_POLICY_FILE, honoured outside a
 * packaged app) in a temp folder.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../../../electron/hosts/cli/run-cli';
import type { CliIo } from '../../../../../electron/services/core/cli/command';
import { policyCommand } from '../../../../../electron/services/policy/cli/policy-command';
import { policyCheck } from '../../../../../electron/services/policy/policy-check';
import { PolicyReportSchema } from '../../../../../shared/schemas/policy';
import { policyTemplates } from '../../../../../electron/services/policy/templates';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'inloop-policy-cli-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function inloop(env: NodeJS.ProcessEnv, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    env,
    cwd: dir,
    isTty: false,
  };
  const code = await runCli(['policy', ...argv], [policyCommand], '1.0.0', io);
  return { code, out: out.join(''), err: err.join('') };
}

async function policyFile(document: unknown): Promise<NodeJS.ProcessEnv> {
  const path = join(dir, 'policy.json');
  await writeFile(path, JSON.stringify(document));
  return { INLOOP_POLICY_FILE: path };
}

describe('inloop policy show', () => {
  it('lists each value in force with its level, setting and source, then what was ignored', async () => {
    const env = await policyFile({
      enforced: { UpdateMode: 'none', SaveAudio: 'no' },
      defaults: { DataRetentionDays: 30 },
    });
    const { code, out } = await inloop(env, 'show');
    expect(code).toBe(0);
    const path = env.INLOOP_POLICY_FILE!;
    expect(out).toContain(`Managed policy, read from: ${path}`);
    expect(out).toMatch(/enforced {2}UpdateMode +"none" {2}→ updates\.mode {2}\(.*policy\.json\)/);
    expect(out).toMatch(/default {3}DataRetentionDays +30 {2}→ privacy\.retentionDays/);
    expect(out).toContain('Ignored (the rest still applies):');
    expect(out).toContain(
      `${path} [enforced]: SaveAudio: the value must be true or false (got "no")`,
    );
    expect(out).toMatch(/2 set, \d+ not set/);
  });

  it('prints the report as JSON that matches the contract', async () => {
    const env = await policyFile({ enforced: { ContentProtection: true } });
    const { out } = await inloop(env, 'show', '--json');
    const report = PolicyReportSchema.parse(JSON.parse(out));
    expect(report.entries).toEqual([
      {
        key: 'ContentProtection',
        level: 'enforced',
        value: true,
        setting: 'overlay.contentProtection',
        source: env.INLOOP_POLICY_FILE,
      },
    ]);
  });

  it('says when nothing is set', async () => {
    const { out } = await inloop({ INLOOP_POLICY_FILE: join(dir, 'missing.json') }, 'show');
    expect(out).toContain("nothing set: every setting is the user's own");
  });
});

describe('inloop policy templates', () => {
  it('writes every template the schema generates', async () => {
    const { code } = await inloop({}, 'templates', '--out', 'out');
    expect(code).toBe(0);
    for (const template of policyTemplates()) {
      expect(await readFile(join(dir, 'out', template.path), 'utf8')).toBe(template.text);
    }
  });

  it('needs --out', async () => {
    expect((await inloop({}, 'templates')).code).toBe(2);
  });
});

describe('the doctor’s policy line', () => {
  it('is ok with what is set, and warns with the first problem and the fix', () => {
    const entry = {
      key: 'UpdateMode' as const,
      level: 'enforced' as const,
      value: 'none',
      setting: 'updates.mode' as const,
      source: '/etc/inloop/policy.json',
    };
    expect(
      policyCheck({ sources: ['/etc/inloop/policy.json'], entries: [], problems: [] }),
    ).toEqual({
      id: 'policy',
      label: 'Managed policy',
      verdict: 'ok',
      detail: 'none set (read /etc/inloop/policy.json)',
    });
    const warn = policyCheck({
      sources: ['/etc/inloop/policy.json'],
      entries: [entry],
      problems: [
        {
          source: '/etc/inloop/policy.json',
          key: 'SaveAudio',
          level: 'enforced',
          message: 'SaveAudio: expected boolean',
        },
      ],
    });
    expect(warn.verdict).toBe('warn');
    expect(warn.detail).toBe(
      '1 enforced, 0 default from /etc/inloop/policy.json; 1 ignored: /etc/inloop/policy.json: SaveAudio: expected boolean',
    );
    expect(warn.fix).toMatch(/inloop policy show/);
  });
});
