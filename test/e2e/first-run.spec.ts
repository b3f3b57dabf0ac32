/**
 * First run: with no pack installed the Knowledge panel offers the example pack; one click
 * installs it (built from the bundled packs/acme-retail, marked as a demo), the whole product
 * shows for a customer's message, and one more click takes it away again.
 */
import { addCustomerTurns, axeViolations } from './fixtures/screen';
import { expect, openShell, test } from './fixtures/serve';

test('"Try the example pack" shows the whole product in one click, and removes in one', async ({
  page,
  server,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await openShell(page, server);
  const knowledge = page.getByRole('region', { name: 'Knowledge', exact: true });
  await expect(knowledge.getByText('No knowledge pack installed')).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);

  await knowledge.getByRole('button', { name: 'Try the example pack' }).click();
  // Building the pack takes a few seconds on a busy machine.
  await expect(knowledge.getByText(/trying Inloop with the example pack/)).toBeVisible({
    timeout: 60_000,
  });
  await addCustomerTurns(page, ['Hi, my package never arrived. The order number is 4417-2209.']);
  await expect(page.getByRole('list', { name: 'Reply suggestions' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Next steps' })).toBeVisible();
  await expect(knowledge.getByRole('article').first()).toBeVisible();

  // Settings says it is the example pack; it removes without a confirmation step.
  await page.keyboard.press('Control+Comma');
  const packs = page.getByRole('region', { name: 'Knowledge packs' });
  await expect(packs.getByText(/Example pack, to try Inloop/)).toBeVisible();
  await page.keyboard.press('Escape');
  await knowledge.getByRole('button', { name: 'Remove the example pack' }).click();
  await expect(knowledge.getByText('No knowledge pack installed')).toBeVisible();
  await expect(knowledge.getByRole('button', { name: 'Try the example pack' })).toBeVisible();
});
