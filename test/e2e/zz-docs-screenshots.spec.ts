/**
 * The screenshots in docs/ and the README, retaken from a real run (the example pack, the
 * agent's turns typed in) at 1280×800 and at 420×900 (docked beside the helpdesk). Named zz-
 * so it runs last. Each picture is checked for what it is meant to show before it is taken.
 */
import { fileURLToPath } from 'node:url';
import { installExamplePack } from './fixtures/example-pack';
import {
  addAgentTurn,
  addCustomerTurns,
  chargebackScript,
  endConversation,
  parcelScript,
} from './fixtures/screen';
import { expect, openShell, test, useFileServer, type Page } from './fixtures/serve';

const shared = useFileServer({ prepare: installExamplePack });
const docs = (name: string) => fileURLToPath(new URL(`../../docs/${name}`, import.meta.url));
const shoot = (page: Page, name: string) =>
  page.screenshot({ path: docs(name), animations: 'disabled' });

test('docs screenshots at 1280 and 420 px', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page
    .context()
    .grantPermissions(['clipboard-read', 'clipboard-write'], { origin: shared.server.origin });
  await openShell(page, shared.server);

  // The hero: a live conversation, decisions beside it, knowledge and the summary after.
  await addCustomerTurns(page, parcelScript);
  await expect(page.getByRole('list', { name: 'Reply suggestions' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Next steps' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Escalation flags' })).toBeVisible();
  await page.locator('#turn-text').blur();
  await shoot(page, 'screenshot.png');

  // Deciding: a withheld reply, a reply's blanks open, a step to confirm, the handoff.
  await endConversation(page);
  await addCustomerTurns(page, chargebackScript.customer.slice(0, 1));
  await addAgentTurn(page, chargebackScript.agent);
  await addCustomerTurns(page, chargebackScript.customer.slice(1));
  const replies = page.getByRole('list', { name: 'Reply suggestions' });
  await expect(replies.locator('.reply-card--withheld')).not.toHaveCount(0);
  await expect(page.locator('.checklist__step--suggested')).not.toHaveCount(0);
  await page.getByRole('button', { name: 'Copy handoff summary' }).click();
  await expect(page.getByRole('region', { name: 'Handoff summary' })).toBeVisible();
  await page
    .getByRole('region', { name: 'Handoff summary' })
    .evaluate((handoff) => handoff.scrollIntoView({ block: 'end' }));
  await replies.getByRole('button', { name: 'Fill in and copy' }).first().click();
  await expect(page.getByRole('form', { name: 'Fill in the blanks' })).toBeVisible();
  await page.getByRole('form', { name: 'Fill in the blanks' }).scrollIntoViewIfNeeded();
  await shoot(page, 'screenshot-assist.png');

  // Docked at 420 px: the engine is unsure what the customer wants and asks, one key to answer.
  await page.setViewportSize({ width: 420, height: 900 });
  await endConversation(page);
  await addCustomerTurns(page, ['Something is wrong with my order.']);
  await expect(page.getByRole('group', { name: 'Which does the customer want?' })).toBeVisible();
  await page.keyboard.press('Alt+Digit1');
  await page.locator('#turn-text').blur();
  await shoot(page, 'screenshot-docked.png');

  // Knowledge at 420 px: one compact card per article.
  await page.keyboard.press('Alt+Digit4');
  const cards = page.getByRole('list', { name: 'Articles for the conversation' });
  await cards.getByRole('article').first().focus();
  await page
    .getByRole('region', { name: 'Knowledge', exact: true })
    .evaluate((region) => region.scrollIntoView({ block: 'start' }));
  await shoot(page, 'screenshot-knowledge.png');
});
