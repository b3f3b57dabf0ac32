/**
 * Privacy by where text goes, end to end: a conversation full of personal data runs through the
 * real services (the composition root, the example pack installed) and the real CLI on one data
 * folder; afterwards every file the app wrote there is read and none of the personal data is in
 * it, while the agent's screen (the assist state) kept the original text.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServices } from '../../../../electron/app/create-services';
import { runCli } from '../../../../electron/hosts/cli/run-cli';
import { commands } from '../../../../electron/hosts/cli/commands';
import type { CliIo } from '../../../../electron/services/core/cli/command';
import { silentLogger } from '../../../../electron/services/core/log';
import { buildPack } from '../../../../electron/services/packs/build';
import { createMemorySecretStore } from '../../../../electron/services/secrets/memory-secret-store';
import type { AssistState } from '../../../../shared/schemas/assist';

const root = fileURLToPath(new URL('../../../..', import.meta.url));

/** The personal data of the conversation: none of it may reach a file. */
const PERSONAL = [
  'Dana',
  'Whitfield',
  '4417-2209',
  'dwhitfield88',
  'dana.whitfield@example.com',
  '(415) 555-0134',
  '555-0134',
  '12 Elm Road',
  '4111 1111 1111 1111',
  'ACME-88123',
];

const CONVERSATION = [
  {
    role: 'customer' as const,
    text: "Hi, I'm Dana Whitfield. My parcel never arrived. The order number is 4417-2209 and the tracking hasn't moved since 3 March.",
  },
  {
    role: 'agent' as const,
    text: "I'm so sorry, Dana. Could you give me your username, the email address on the account and the order ID?",
  },
  {
    role: 'customer' as const,
    text: 'My username is dwhitfield88, email dana.whitfield@example.com. Call me on (415) 555-0134 if you need to.',
  },
  {
    role: 'customer' as const,
    text: 'I live at 12 Elm Road, Springfield, account number ACME-88123, and I paid with my card 4111 1111 1111 1111. Can Dana Whitfield collect it from a store near 12 Elm Road instead?',
  },
];

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'inloop-privacy-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** Every file under `folder`, with its text (binary files read as latin1, so bytes still match). */
async function filesUnder(folder: string): Promise<{ path: string; text: string }[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return Promise.all(
    entries
      .filter((e) => e.isFile())
      .map(async (e) => {
        const path = join(e.parentPath, e.name);
        return { path: relative(folder, path), text: (await readFile(path)).toString('latin1') };
      }),
  );
}

function leaks(files: readonly { path: string; text: string }[]): string[] {
  return files.flatMap((f) =>
    PERSONAL.filter((p) => f.text.toLowerCase().includes(p.toLowerCase())).map(
      (p) => `${f.path}: ${p}`,
    ),
  );
}

function cliIo(): { io: CliIo; out: () => string } {
  const out: string[] = [];
  return {
    io: {
      stdout: (t) => out.push(t),
      stderr: () => undefined,
      env: { INLOOP_EMBED_MODEL: 'none' },
      cwd: dir,
      isTty: false,
    },
    out: () => out.join(''),
  };
}

describe('privacy by where text goes', () => {
  it('stores and prints nothing personal after a conversation full of it, and the screen keeps the original', async () => {
    const dataDir = join(dir, 'data');
    const packFile = join(dir, 'acme-retail.inloop');
    const built = await buildPack(join(root, 'packs', 'acme-retail'), {
      out: packFile,
      embedder: null,
    });
    expect(built.ok).toBe(true);
    const services = await createServices({
      host: 'web',
      appVersion: '0.1.0-test',
      appRoot: root,
      dataDir,
      modelsDir: join(dir, 'models'),
      secretStore: createMemorySecretStore(),
      logger: silentLogger,
    });
    try {
      const call = async <T>(result: Promise<{ ok: boolean; value?: unknown }>) => {
        const r = await result;
        expect(r.ok).toBe(true);
        return r.value as T;
      };
      await call(services.dispatch('settings:update', { knowledge: { allowUnsignedPacks: true } }));
      await call(services.dispatch('packs:install', { path: packFile }));
      let state: AssistState | null = null;
      for (const turn of CONVERSATION) {
        state = await call<AssistState>(services.dispatch('assist:add-turn', turn));
      }
      // The screen: the original text, and replies filled with the real values.
      expect(state!.conversation!.turns.map((t) => t.text)).toEqual(
        CONVERSATION.map((t) => t.text),
      );
      const replies = state!.suggestions!.replies;
      expect(replies.map((r) => r.text).join(' ')).toMatch(/Dana Whitfield|4417-2209/);
      // Every kind of decision the agent makes is logged, with the text as shown.
      for (const [position, reply] of replies.entries()) {
        const id = reply.id ?? 'generated';
        await call(
          services.dispatch('assist:feedback', {
            kind: 'displayed',
            target: 'reply',
            id,
            text: reply.text,
            position,
          }),
        );
      }
      const copied = replies[0]!;
      await call(
        services.dispatch('assist:feedback', {
          kind: 'copied',
          target: 'reply',
          id: copied.id ?? 'generated',
          text: copied.text,
        }),
      );
      await call(
        services.dispatch('assist:add-turn', {
          role: 'agent',
          text: `${copied.text} Thanks Dana Whitfield, I have your email dana.whitfield@example.com.`,
        }),
      );
      const intent = state!.suggestions!.intent?.id ?? 'shipping_issue.missing';
      await call(services.dispatch('assist:pick-intent', { intentId: intent }));
      const handoff = await call<{ text: string }>(services.dispatch('assist:handoff', undefined));
      expect(handoff.text).toContain('Dana Whitfield');
      await call(services.dispatch('assist:end', undefined));
    } finally {
      await services.close();
    }

    // The CLI on the same data folder: one conversation, a batch, and the report.
    const conv = join(dir, 'conv.json');
    await writeFile(conv, JSON.stringify({ id: 'c', turns: CONVERSATION }));
    await writeFile(join(dir, 'in.jsonl'), `${JSON.stringify({ id: 'b', turns: CONVERSATION })}\n`);
    const printed: string[] = [];
    for (const args of [
      ['assist', 'conv.json', '--json', '--data-dir', dataDir],
      ['assist', '--batch', 'in.jsonl', '--json', '--data-dir', dataDir],
      ['report', '--json', '--data-dir', dataDir],
      ['report', '--csv', '--data-dir', dataDir],
    ]) {
      const cli = cliIo();
      expect(await runCli(args, commands, '0.0.0', cli.io)).toBe(0);
      printed.push(cli.out());
    }

    const files = await filesUnder(dataDir);
    const feedback = files.find((f) => f.path === 'feedback.jsonl');
    expect(feedback?.text).toMatch(/"kind":"picked"/);
    expect(feedback?.text).toMatch(/\[NAME\]/);
    expect(leaks(files)).toEqual([]);
    expect(leaks(printed.map((text, i) => ({ path: `cli output ${i}`, text })))).toEqual([]);
  }, 60_000);
});
