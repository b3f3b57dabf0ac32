/**
 * A small real pack for the learning tests: a pack source folder written to a temp folder
 * (articles, intents, replies, rules), built with the real builder and installed into a data
 * folder, unsigned; and the CLI runner the learning commands' tests drive.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { openKnowledge } from '../../../../electron/app/open-knowledge';
import { commands } from '../../../../electron/hosts/cli/commands';
import { runCli } from '../../../../electron/hosts/cli/run-cli';
import type { CliIo } from '../../../../electron/services/core/cli/command';
import { buildPack } from '../../../../electron/services/packs/build';

export const SOURCE: Record<string, string> = {
  'pack.yaml': 'id: acme\nname: Acme\nversion: 1.2.0\npublisher: Test\n',
  'articles/returns/exchange.md':
    '---\ntags: [returns]\n---\n# Exchanging an item\n\nAn item can be exchanged for another colour or a different size from the order page. The new item ships once the first one is back at the warehouse.\n',
  'articles/returns/policy.md':
    '# Returns policy\n\nItems can be returned within 30 days for a refund to the card. A larger size or another colour is a new order once the return arrives.\n',
  'articles/shipping/delivery.md':
    '# Delivery times\n\nParcels arrive in 2 to 4 working days. A parcel marked delivered that is not there can be reported as lost after 48 hours.\n',
  'intents.yaml': [
    '# Intents of the test pack.',
    '- id: delivery',
    '  description: Parcel not arrived',
    '  examples:',
    "    - 'where is my parcel'",
    "    - 'my order has not arrived'",
    "    - 'when will my package come'",
    "    - 'the parcel is late'",
    "    - 'tracking has not moved for days'",
    "    - 'I am still waiting for my delivery'",
    "    - 'has my order been shipped yet'",
    "    - 'the delivery date has passed'",
    '  responses: [resend]',
    '- id: exchange',
    '  description: Exchange for another size',
    '  examples:',
    "    - 'I want a different size'",
    "    - 'can I exchange my item'",
    "    - 'I need to swap it for another colour'",
    "    - 'this shirt is too big, can I get a smaller one'",
    "    - 'I would like to change the size of my trousers'",
    "    - 'can you send the same jacket in medium'",
    "    - 'I ordered the wrong colour'",
    "    - 'exchange these shoes for a bigger pair'",
    '- id: payment',
    '  description: Payment problem',
    '  examples:',
    "    - 'my card was declined'",
    "    - 'I was charged twice'",
    "    - 'the payment did not go through'",
    "    - 'why was my card charged again'",
    "    - 'can I pay with another card'",
    "    - 'there is a double charge on my statement'",
    "    - 'the checkout says payment failed'",
    "    - 'I need a receipt for my payment'",
    '',
  ].join('\n'),
  'responses.yaml': [
    '- id: resend',
    '  title: Send a replacement',
    '  text: I am sorry your parcel has not arrived. I will send a replacement today.',
    '  intents: [delivery]',
    '',
  ].join('\n'),
  'rules.yaml': [
    '- id: churn',
    '  reason: Churn risk',
    '  severity: high',
    '  phrases: [cancel my account]',
    '',
  ].join('\n'),
};

/** Writes the pack source into `dir`. */
export async function writeSource(dir: string): Promise<void> {
  for (const [path, text] of Object.entries(SOURCE)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
}

/** Builds `source` and installs it into `dataDir`. */
export async function installSource(source: string, dataDir: string): Promise<void> {
  const pack = join(dirname(source), `${Date.now()}-${Math.random().toString(36).slice(2)}.inloop`);
  const built = await buildPack(source, { out: pack, embedder: null });
  if (!built.ok) throw new Error(`the test pack does not build: ${JSON.stringify(built.problems)}`);
  const opened = await openKnowledge({
    dataDir,
    embeddings: { embedder: null, reason: 'test' },
    trust: () => ({ trustedKeys: [], allowUnsigned: true }),
  });
  await opened.packs.service.install({ path: pack });
  await opened.close();
}

/** Runs `inloop <argv>` in `cwd` through the real runner and commands (no embedding model). */
export async function inloopIn(
  cwd: string,
  argv: readonly string[],
): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    env: { INLOOP_EMBED_MODEL: 'none', INLOOP_INGEST_PORT: '0' },
    cwd,
    isTty: false,
  };
  const code = await runCli(argv, commands, '0.0.0', io);
  return { code, out: out.join(''), err: err.join('') };
}
