/**
 * Issue 16, item 2, through the real screen: Settings → Knowledge packs sends a picked pack in
 * chunks, so a pack over the old single-message limit (about 786 KB) installs and is found
 * from the panel, with the server still serving; a file over the pack format's limit is
 * refused at once with the reason, before any of it is sent; no staged upload is left behind.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFixturePack } from '../electron/services/knowledge/knowledge-fixtures';
import { MAX_PACK_FILE_BYTES } from '../../shared/schemas/packs';
import { expect, openShell, test, useFileServer, type Page } from './fixtures/serve';

/** What one base64 message could carry before uploads were chunked (1 MiB of base64). */
const OLD_LIMIT_BYTES = 786 * 1024;
const shared = useFileServer();
let dir = '';
let bigPack = '';
let tooBig = '';

test.beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'inloop-e2e-upload-'));
  // Text that barely compresses, so the file itself is over the old limit.
  const bulk = Array.from({ length: 20 }, (_, i) => ({
    articleId: `bulk/${i}`,
    title: `Bulk ${i}`,
    text: Array.from({ length: 12 }, () =>
      randomBytes(1800)
        .toString('hex')
        .replace(/(.{8})/g, '$1 '),
    ).join('\n\n'),
  }));
  bigPack = await writeFixturePack(join(dir, 'bulk.inloop'), {
    id: 'bulk',
    version: '1.0.0',
    articles: [
      ...bulk,
      {
        articleId: 'guide/returns',
        title: 'Returns policy',
        text: 'Returns are accepted within 30 days with the receipt.',
      },
    ],
  });
  // Over the format's limit: a sparse file, so nothing of that size is written or read.
  tooBig = join(dir, 'too-big.inloop');
  await writeFile(tooBig, '');
  await truncate(tooBig, MAX_PACK_FILE_BYTES + 1024 * 1024);
});

test.afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function openPackManager(page: Page) {
  await openShell(page, shared.server);
  await page.keyboard.press('Control+Comma');
  const packs = page.getByRole('region', { name: 'Knowledge packs' });
  await packs.scrollIntoViewIfNeeded();
  return packs;
}

const staged = async () =>
  readdir(join(shared.server.dataDir, 'uploads')).catch(() => [] as string[]);

test('a file over the pack format’s limit is refused at once, with the limit', async ({ page }) => {
  const packs = await openPackManager(page);
  await packs.getByLabel('Pack file').setInputFiles(tooBig);
  await expect(packs.getByRole('alert')).toHaveText(
    "Couldn't install too-big.inloop: too-big.inloop is 513 MiB; a pack file may be at most 512 MiB",
  );
  await expect(packs.getByText('No pack installed yet.')).toBeVisible();
  expect(await staged()).toEqual([]);
});

test('a pack over the old 786 KB message limit installs from Settings and is searchable', async ({
  page,
}) => {
  test.setTimeout(60_000);
  expect((await stat(bigPack)).size).toBeGreaterThan(OLD_LIMIT_BYTES);
  const packs = await openPackManager(page);
  const allowUnsigned = packs.getByRole('switch', { name: 'Allow unsigned packs' });
  await allowUnsigned.click();
  await expect(allowUnsigned).toBeChecked();

  await packs.getByLabel('Pack file').setInputFiles(bigPack);
  await expect(packs.getByRole('status')).toContainText('Installed bulk pack v1.0.0.', {
    timeout: 30_000,
  });
  await expect(packs.getByRole('alert')).toHaveCount(0);
  const row = packs.getByRole('listitem').filter({ hasText: 'bulk pack' });
  await expect(row).toContainText('21 articles');
  expect(await staged()).toEqual([]);

  // The server kept serving: the panel finds the pack's article.
  await page.keyboard.press('Escape');
  await page.getByLabel('Search knowledge').fill('returns receipt');
  const panel = page.getByRole('region', { name: 'Knowledge', exact: true });
  await expect(panel.getByRole('article').first()).toContainText('Returns policy');
});
