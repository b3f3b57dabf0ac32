/**
 * The screenshots in docs/ and the README, retaken from a real run (the example pack, the
 * scripted customer typed in) at 1280×800 and at 420×900 (docked beside the helpdesk). Named
 * zz- so it runs last. Each picture is checked for what it is meant to show before it is taken.
 */
import { fileURLToPath } from 'node:url';
import { installExamplePack } from './fixtures/example-pack';
import { addCustomerTurns, parcelScript } from './fixtures/screen';
import { expect, openShell, test, useFileServer, type Page } from './fixtures/serve';

const shared = useFileServer({ prepare: installExamplePack });
const docs = (name: string) => fileURLToPath(new URL(`../../docs/${name}`, import.meta.url));
const shoot = (page: Page, name: string) =>
  page.screenshot({ path: docs(name), animations: 'disabled' });

test('docs screenshots at 1280 and 420 px', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await openShell(page, shared.server);
  await addCustomerTurns(page, parcelScript);
  const replies = page.getByRole('list', { name: 'Reply suggestions' });
  await expect(replies).toBeVisible();
  await expect(page.getByRole('list', { name: 'Next steps' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Escalation flags' })).toBeVisible();
  await page.locator('#turn-text').blur();
  await shoot(page, 'screenshot.png');

  // Docked: 420 px beside the helpdesk, decisions first under the conversation.
  await page.setViewportSize({ width: 420, height: 900 });
  await page.locator('#turn-text').focus();
  await page.locator('#turn-text').blur();
  await shoot(page, 'screenshot-docked.png');

  // Knowledge at 420 px: one compact card per article, the first with more from its article.
  await page.keyboard.press('Alt+Digit4');
  const cards = page.getByRole('list', { name: 'Articles for the conversation' });
  const first = cards.getByRole('article').first();
  await first.focus();
  await page
    .getByRole('region', { name: 'Knowledge', exact: true })
    .evaluate((region) => region.scrollIntoView({ block: 'start' }));
  await shoot(page, 'screenshot-knowledge.png');

  // The end of the call at 1280 px: the handoff summary beside the decisions.
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByRole('button', { name: 'End conversation' }).click();
  await expect(page.getByRole('region', { name: 'Handoff summary' })).toBeVisible();
  await page.getByRole('region', { name: 'Handoff summary' }).scrollIntoViewIfNeeded();
  await shoot(page, 'screenshot-assist.png');
});
