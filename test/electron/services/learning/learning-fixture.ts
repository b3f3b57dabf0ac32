/**
 * A small real pack for the learning tests: a pack source folder written to a temp folder
 * (articles, intents, replies, rules), built with the real builder and installed into a data
 * folder, unsigned.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { KnowledgeService } from '../../../../electron/services/knowledge/knowledge-service';
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
    '  responses: [resend]',
    '- id: exchange',
    '  description: Exchange for another size',
    '  examples:',
    "    - 'I want a different size'",
    "    - 'can I exchange my item'",
    "    - 'I need to swap it for another colour'",
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
  const knowledge = await KnowledgeService.open({
    dataDir,
    embedder: null,
    trust: () => ({ trustedKeys: [], allowUnsigned: true }),
  });
  await knowledge.install({ path: pack });
  await knowledge.close();
}
