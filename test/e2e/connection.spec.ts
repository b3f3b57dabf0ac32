/** When the host goes away: the banner says so, and a request fails with its message. */
import { expect, openShell, test } from './fixtures/serve';

test('losing the host shows a reconnecting banner and failed requests say why', async ({
  page,
  server,
}) => {
  await openShell(page, server);
  await server.stop();
  await expect(page.getByText('Connection to Inloop lost. Reconnecting…')).toBeVisible();
  await expect(page.getByText('Reconnecting to inloop serve')).toBeVisible();
  await page.getByRole('button', { name: 'Pause capture' }).click();
  const alert = page.getByRole('region', { name: 'Notices' }).getByRole('alert');
  await expect(alert).toContainText("Couldn't pause capture. Not connected to Inloop.");
  await alert.getByRole('button', { name: 'Dismiss notice' }).click();
  await expect(alert).toBeEmpty();
});

test('a page opened without the token explains how to get in', async ({ page, server }) => {
  await page.goto(server.origin);
  await expect(page.getByRole('heading', { name: 'Open Inloop from its link' })).toBeVisible();
});
