/**
 * Rollback honours trust, through Settings in the browser host: the button names the version it
 * switches to and asks before switching; a rollback to a version signed by a key this device no
 * longer trusts, or to an unsigned one while unsigned packs are not allowed, is refused with the
 * installer's reason (the key id it names is the one the trusted-keys list showed); an allowed
 * one says which version is now active. Then a device under managed policy: the locked
 * settings say "Managed by your organisation" and cannot be switched.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSigningKeys } from '../../electron/services/packs/pack-file';
import { writeFixturePack } from '../electron/services/knowledge/knowledge-fixtures';
import { expect, openShell, test, type InloopServer, type Page } from './fixtures/serve';

const keys = generateSigningKeys();
const PACK = 'acme pack';
let dir = '';
const files = { v1: '', v2: '', unsigned: '' };

const article = (version: string) => ({
  articleId: 'guide/returns',
  title: `Returns ${version}`,
  text: `Returns are accepted within 30 days (guide ${version}).`,
});

test.beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'inloop-e2e-rollback-'));
  files.v1 = await writeFixturePack(join(dir, 'acme-1.0.0.inloop'), {
    id: 'acme',
    version: '1.0.0',
    articles: [article('1.0.0')],
    signKeyPem: keys.privateKeyPem,
  });
  files.v2 = await writeFixturePack(join(dir, 'acme-1.1.0.inloop'), {
    id: 'acme',
    version: '1.1.0',
    articles: [article('1.1.0')],
    signKeyPem: keys.privateKeyPem,
  });
  files.unsigned = await writeFixturePack(join(dir, 'acme-0.9.0.inloop'), {
    id: 'acme',
    version: '0.9.0',
    articles: [article('0.9.0')],
  });
});

test.afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Opens the shell, then Settings at the pack manager. */
async function openPackManager(page: Page, server: InloopServer) {
  await openShell(page, server);
  await page.keyboard.press('Control+Comma');
  const section = page.getByRole('region', { name: 'Knowledge packs' });
  await section.scrollIntoViewIfNeeded();
  return section;
}

async function trustKey(page: Page) {
  const packs = page.getByRole('region', { name: 'Knowledge packs' });
  const form = packs.getByRole('form', { name: 'Trust a publisher key' });
  await form.getByLabel('Key name').fill('Support Ops');
  await form.getByLabel('Public key PEM').fill(keys.publicKeyPem);
  await form.getByRole('button', { name: 'Trust key' }).click();
  const item = packs
    .getByRole('list', { name: 'Trusted publisher keys' })
    .getByRole('listitem')
    .filter({ hasText: 'Support Ops' });
  // The list shows the key id signatures and refusals name.
  await expect(item.getByText(`key ${keys.keyId}`, { exact: true })).toBeVisible();
}

async function install(page: Page, file: string, version: string) {
  const packs = page.getByRole('region', { name: 'Knowledge packs' });
  await packs.getByLabel('Pack file').setInputFiles(file);
  await expect(packs.getByRole('status')).toContainText(`Installed ${PACK} v${version}.`, {
    timeout: 20_000,
  });
}

/** Clicks "Roll back to v…" and confirms; returns the row. */
async function rollBack(page: Page, to: string) {
  const packs = page.getByRole('region', { name: 'Knowledge packs' });
  const row = packs.getByRole('listitem').filter({ hasText: PACK });
  await row.getByRole('button', { name: `Roll back to v${to}` }).click();
  const confirm = row.getByRole('group', { name: `Confirm rolling back ${PACK}` });
  await confirm.getByRole('button', { name: `Roll back to v${to}` }).click();
  return row;
}

test('rolling back to a version whose key is no longer trusted is refused, naming the key', async ({
  page,
  server,
}) => {
  test.setTimeout(60_000);
  const packs = await openPackManager(page, server);
  await trustKey(page);
  await install(page, files.v1, '1.0.0');
  await install(page, files.v2, '1.1.0');
  const row = packs.getByRole('listitem').filter({ hasText: PACK });
  await expect(row).toContainText('v1.1.0');

  // The button names the version it switches to, and asks first; Cancel changes nothing.
  await row.getByRole('button', { name: 'Roll back to v1.0.0' }).click();
  const confirm = row.getByRole('group', { name: `Confirm rolling back ${PACK}` });
  await expect(confirm).toContainText(
    `Switch from v1.1.0 to v1.0.0 (signed by key ${keys.keyId})?`,
  );
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toHaveCount(0);
  await expect(row).toContainText('v1.1.0');

  // Stop trusting the publisher: the rollback is refused with the installer's reason.
  await packs.getByRole('button', { name: 'Stop trusting Support Ops' }).click();
  await expect(packs.getByText('No publisher key trusted yet.', { exact: false })).toBeVisible();
  await rollBack(page, '1.0.0');
  await expect(packs.getByRole('alert')).toHaveText(
    `Couldn't roll back ${PACK}: cannot roll back to acme 1.0.0: it is signed by key ${keys.keyId}, which this device no longer trusts`,
  );
  await expect(row).toContainText('v1.1.0');

  // Trusted again, the rollback goes through and says which version is now active.
  await trustKey(page);
  await rollBack(page, '1.0.0');
  await expect(packs.getByRole('status')).toContainText(`${PACK} v1.0.0 is now active.`);
  await expect(row).toContainText('v1.0.0');
  await expect(row.getByRole('button', { name: 'Roll back to v1.1.0' })).toBeVisible();
  await expect(packs.getByRole('alert')).toHaveCount(0);
});

test('rolling back to an unsigned version is refused while unsigned packs are not allowed', async ({
  page,
  server,
}) => {
  test.setTimeout(60_000);
  const packs = await openPackManager(page, server);
  const allowUnsigned = packs.getByRole('switch', { name: 'Allow unsigned packs' });
  await allowUnsigned.click();
  await expect(allowUnsigned).toBeChecked();
  await install(page, files.unsigned, '0.9.0');
  await trustKey(page);
  await install(page, files.v1, '1.0.0');
  await allowUnsigned.click();
  await expect(allowUnsigned).not.toBeChecked();

  const row = await rollBack(page, '0.9.0');
  await expect(packs.getByRole('alert')).toHaveText(
    `Couldn't roll back ${PACK}: cannot roll back to acme 0.9.0: it is unsigned, and unsigned packs are not allowed on this device`,
  );
  await expect(row).toContainText('v1.0.0');
});

test.describe('a device under managed policy', () => {
  const policyFile = join(tmpdir(), `inloop-e2e-policy-${process.pid}.json`);
  test.use({ serverEnv: { INLOOP_POLICY_FILE: policyFile } });

  test.beforeAll(async () => {
    await writeFile(
      policyFile,
      JSON.stringify({
        enforced: { AllowUnsignedPacks: false, RecordFeedback: false, SaveAudio: 'never' },
        defaults: { DataRetentionDays: 30 },
      }),
    );
  });
  test.afterAll(() => rm(policyFile, { force: true }));

  test('shows "Managed by your organisation" on locked settings and keeps them locked', async ({
    page,
    server,
  }) => {
    const packs = await openPackManager(page, server);
    const allowUnsigned = packs.getByRole('switch', { name: 'Allow unsigned packs' });
    await expect(allowUnsigned).toBeDisabled();
    await expect(allowUnsigned).not.toBeChecked();
    await expect(packs.getByText('(policy AllowUnsignedPacks)')).toBeVisible();
    const privacy = page.getByRole('region', { name: 'Privacy' });
    await expect(privacy.getByRole('switch', { name: 'Record feedback' })).toBeDisabled();
    await expect(privacy).toContainText('Managed by your organisation (policy RecordFeedback)');
    // The malformed SaveAudio value locks nothing; the unsigned pack is still refused.
    await packs.getByLabel('Pack file').setInputFiles(files.unsigned);
    await expect(packs.getByRole('alert')).toContainText(/not signed/i);
  });
});
