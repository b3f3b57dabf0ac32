/**
 * The one pack installer on real packs and a real data folder: verify runs the very checks
 * install runs (same refusals, same limits, no reading of what is not a regular file),
 * rollback honours today's trust, a downgrade is offered and done only when asked, and the
 * bundled example pack installs as a removable demo.
 */
import { execFileSync } from 'node:child_process';
import { symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CannedResponse } from '../../../../shared/packs/pack-schemas';
import { openKnowledge } from '../../../../electron/app/open-knowledge';
import { findAppRoot } from '../../../../electron/services/core/app-root';
import type { PackTrust } from '../../../../electron/services/packs';
import { verifyPackFile } from '../../../../electron/services/packs/cli/verify-pack';
import { generateSigningKeys } from '../../../../electron/services/packs/pack-file';
import { BILLING_ARTICLES, tempDir, writeFixturePack } from '../knowledge/knowledge-fixtures';

const keys = generateSigningKeys();
let dir: string;
let cleanup: () => Promise<void>;
let trust: PackTrust;
let close: () => Promise<void> = async () => {};

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir('inloop-installer-'));
  trust = { trustedKeys: [keys.publicKeyPem], allowUnsigned: false };
});
afterEach(async () => {
  await close();
  await cleanup();
});

async function open() {
  const opened = await openKnowledge({
    dataDir: join(dir, 'data'),
    embeddings: { embedder: null, reason: 'test' },
    trust: () => trust,
    examplePackDir: join(findAppRoot(), 'packs', 'acme-retail'),
  });
  close = opened.close;
  return { packs: opened.packs.service, knowledge: opened.knowledge.service };
}

const signed = (name: string, version: string, extra: { responses?: CannedResponse[] } = {}) =>
  writeFixturePack(join(dir, `${name}.inloop`), {
    id: 'acme',
    version,
    articles: BILLING_ARTICLES,
    signKeyPem: keys.privateKeyPem,
    ...extra,
  });

async function messageOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected a refusal');
}

describe('verify runs the install checks', () => {
  it('refuses a correctly signed pack whose content install refuses, with the same message', async () => {
    // Hashes and signature are right; a response row lacks its text.
    const file = await signed('bad-row', '1.0.0', {
      responses: [{ id: 'refund-ok', title: 'Refund' } as unknown as CannedResponse],
    });
    const { packs } = await open();
    const installing = await messageOf(packs.install({ path: file }));
    expect(installing).toMatch(/content\/responses\.json/);
    expect(await messageOf(verifyPackFile(file, keys.publicKeyPem))).toBe(installing);
    expect(await messageOf(verifyPackFile(file))).toBe(installing);
    expect(await packs.list()).toEqual([]);
  });

  it('answers at once, without reading, for a FIFO or a link to a device', async () => {
    const fifo = join(dir, 'fifo.inloop');
    execFileSync('mkfifo', [fifo]);
    const zero = join(dir, 'zero.inloop');
    await symlink('/dev/zero', zero);
    for (const file of [fifo, zero]) {
      expect(await messageOf(verifyPackFile(file))).toMatch(/is not a regular file/);
    }
  });

  it('checks against the device when asked: trust and the installed version', async () => {
    const { packs } = await open();
    await packs.install({ path: await signed('v2', '2.0.0') });
    const older = await signed('v1', '1.0.0');
    expect((await verifyPackFile(older)).signedBy).toBe(keys.keyId);
    expect(await messageOf(packs.verify(older, { againstDevice: true }))).toMatch(
      /acme 2\.0\.0 is installed; 1\.0\.0 is older/,
    );
    trust = { trustedKeys: [], allowUnsigned: false };
    expect(await messageOf(packs.verify(older, { againstDevice: true }))).toMatch(
      new RegExp(`publisher key ${keys.keyId} is not trusted`),
    );
  });
});

describe('rollback honours trust', () => {
  it('refuses a previous version whose key is no longer trusted, and allows it once trusted', async () => {
    const { packs } = await open();
    await packs.install({ path: await signed('v1', '1.0.0') });
    await packs.install({ path: await signed('v2', '1.1.0') });
    const other = generateSigningKeys();
    trust = { trustedKeys: [other.publicKeyPem], allowUnsigned: false };
    expect(await messageOf(packs.rollback('acme'))).toBe(
      `cannot roll back to acme 1.0.0: it is signed by key ${keys.keyId}, which this device no longer trusts`,
    );
    expect((await packs.list())[0]!.current.version).toBe('1.1.0');
    trust = { trustedKeys: [other.publicKeyPem, keys.publicKeyPem], allowUnsigned: false };
    expect((await packs.rollback('acme')).current.version).toBe('1.0.0');
  });

  it('refuses an unsigned previous version while unsigned packs are not allowed', async () => {
    trust = { trustedKeys: [], allowUnsigned: true };
    const { packs } = await open();
    const unsigned = (version: string) =>
      writeFixturePack(join(dir, `u${version}.inloop`), {
        id: 'acme',
        version,
        articles: BILLING_ARTICLES,
      });
    await packs.install({ path: await unsigned('1.0.0') });
    await packs.install({ path: await unsigned('1.1.0') });
    trust = { trustedKeys: [], allowUnsigned: false };
    expect(await messageOf(packs.rollback('acme'))).toMatch(
      /cannot roll back to acme 1\.0\.0: it is unsigned, and unsigned packs are not allowed/,
    );
    expect((await packs.rollback('acme', { allowUnsigned: true })).current.version).toBe('1.0.0');
  });
});

describe('downgrades', () => {
  it('are refused with how to do one, and done when asked', async () => {
    const { packs, knowledge } = await open();
    await packs.install({ path: await signed('v2', '2.0.0') });
    const older = await signed('v1', '1.0.0');
    const refusal = await messageOf(packs.install({ path: older }));
    expect(refusal).toMatch(/--allow-downgrade/);
    expect(refusal).toMatch(/confirm it in Settings/);
    const entry = await packs.install({ path: older }, { allowDowngrade: true });
    expect(entry.current.version).toBe('1.0.0');
    expect(entry.previous?.version).toBe('2.0.0');
    expect(knowledge.status().packs).toBe(1);
  });
});

describe('the bundled example pack', () => {
  it('installs as a demo the agent can search and remove in one step', async () => {
    const { packs, knowledge } = await open();
    const entry = await packs.installDemo();
    expect(entry.current).toMatchObject({ id: 'acme-retail', demo: true, signerKeyId: null });
    const hits = (await knowledge.search({ query: 'my parcel never arrived', k: 3 })).hits;
    expect(hits.length).toBeGreaterThan(0);
    expect(knowledge.content()[0]!.intents.length).toBeGreaterThan(10);
    expect(await packs.remove('acme-retail')).toEqual([]);
    expect(knowledge.status().packs).toBe(0);
  }, 60_000);
});

describe('managed policy that forbids unsigned packs', () => {
  it('refuses the development flag, an unsigned rollback and the example pack, naming the policy', async () => {
    const locked = 'Managed by your organisation: "Allow unsigned packs" is set by policy';
    trust = { trustedKeys: [], allowUnsigned: false, unsignedLocked: locked };
    const { packs } = await open();
    const unsigned = await writeFixturePack(join(dir, 'u.inloop'), {
      id: 'acme',
      version: '1.0.0',
      articles: BILLING_ARTICLES,
    });
    expect(await messageOf(packs.install({ path: unsigned }, { allowUnsigned: true }))).toBe(
      locked,
    );
    expect(await messageOf(packs.rollback('acme', { allowUnsigned: true }))).toBe(locked);
    expect(await messageOf(packs.installDemo())).toBe(`The example pack is unsigned. ${locked}`);
    expect(await packs.list()).toEqual([]);
  });
});
