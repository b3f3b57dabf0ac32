/**
 * Knowledge end to end: the example pack (packs/acme-retail, built by the real CLI in setup)
 * installed through the Settings pack manager, found from the knowledge panel's search with
 * its matched terms marked and its pack named, then removed again.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, openShell, test, type Page } from './fixtures/serve';

const root = fileURLToPath(new URL('../..', import.meta.url));
const PACK_NAME = 'Acme Retail customer care';
let workDir = '';
let packFile = '';

test.beforeAll(async () => {
  test.setTimeout(90_000);
  workDir = await mkdtemp(join(tmpdir(), 'inloop-e2e-pack-'));
  packFile = join(workDir, 'acme-retail.inloop');
  await promisify(execFile)(
    join(root, 'node_modules', '.bin', 'tsx'),
    [
      'electron/hosts/cli/main.ts',
      'pack',
      'build',
      'packs/acme-retail',
      '--out',
      packFile,
      '--no-embed',
    ],
    { cwd: root, env: { ...process.env, INLOOP_EMBED_MODEL: 'none' } },
  );
});

test.afterAll(async () => {
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

/** Open Settings at the pack manager. */
async function openPackManager(page: Page) {
  await page.keyboard.press('Control+Comma');
  const section = page.getByRole('region', { name: 'Knowledge packs' });
  await section.scrollIntoViewIfNeeded();
  return section;
}

test('a pack installs from Settings, is found from the panel, and removes cleanly', async ({
  page,
  server,
}) => {
  test.setTimeout(60_000);
  await openShell(page, server);
  const panel = page.getByRole('region', { name: 'Knowledge', exact: true });
  await expect(panel.getByText('No knowledge pack installed')).toBeVisible();

  // An unsigned pack is refused until the switch allows it, with the service's reason.
  // The empty state leads to the pack manager.
  await panel.getByRole('button', { name: "Install your team's pack…" }).click();
  let packs = page.getByRole('region', { name: 'Knowledge packs' });
  await expect(packs.getByRole('heading', { name: 'Knowledge packs' })).toBeInViewport();
  await packs.getByLabel('Pack file').setInputFiles(packFile);
  await expect(packs.getByRole('alert')).toContainText(/not signed/i);
  await expect(packs.getByText('No pack installed yet.')).toBeVisible();

  const allowUnsigned = packs.getByRole('switch', { name: 'Allow unsigned packs' });
  // The switch shows the saved setting, so it flips once the service has saved it.
  await allowUnsigned.click();
  await expect(allowUnsigned).toBeChecked();
  await packs.getByLabel('Pack file').setInputFiles(packFile);
  const row = packs.getByRole('listitem').filter({ hasText: PACK_NAME });
  await expect(row).toBeVisible({ timeout: 20_000 });
  await expect(row).toContainText('v1.0.0');
  await expect(row).toContainText('Acme Retail Support Operations');
  await expect(row).toContainText('unsigned');
  await expect(row).toContainText(/\d+ articles · \d+ passages/);
  await expect(packs.getByRole('alert')).toHaveCount(0);
  await page.keyboard.press('Escape');

  // Search from the panel: a card with the pack's name and a marked term.
  const search = page.getByLabel('Search knowledge');
  await search.fill('refund to my card');
  const card = panel.getByRole('article').first();
  await expect(card).toBeVisible();
  await expect(card).toContainText(PACK_NAME);
  await expect(card.locator('mark').first()).toHaveText(/refund|card/i);
  // In plain words on the panel; the technical reason and the fix are in Settings.
  await expect(panel.getByText(/^Word search: results match the words you type/)).toBeVisible();
  await expect(panel).not.toContainText('inloop');

  // Keyboard: arrows move between cards, c copies the focused passage.
  await page
    .context()
    .grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  await card.focus();
  await page.keyboard.press('ArrowDown');
  const second = panel.getByRole('article').nth(1);
  await expect(second).toBeFocused();
  await page.keyboard.press('c');
  await expect(second.getByRole('button', { name: 'Copied' })).toBeVisible();
  const words = (text: string) => text.replace(/\s+/g, ' ').trim();
  const passage = await second.locator('.knowledge-card__passage').innerText();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(words(copied)).toBe(words(passage));
  const helpful = second.getByRole('button', { name: 'Helpful', exact: true });
  await helpful.click();
  await expect(helpful).toHaveAttribute('aria-pressed', 'true');

  await search.fill('qwzx vbnmq');
  await expect(panel.getByText('No results for "qwzx vbnmq"')).toBeVisible();
  await search.fill('where is my refund');
  await expect(panel.getByRole('article').first()).toBeVisible();
  // Remove (after confirming): the panel shows how to install a pack again.
  packs = await openPackManager(page);
  await expect(packs.getByText(/^Words only\. Why: /)).toBeVisible();
  await packs.getByRole('button', { name: `Remove ${PACK_NAME}` }).click();
  await packs
    .getByRole('group', { name: `Confirm removing ${PACK_NAME}` })
    .getByRole('button', { name: 'Remove' })
    .click();
  await expect(packs.getByText('No pack installed yet.')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(panel.getByText('No knowledge pack installed')).toBeVisible();
});
