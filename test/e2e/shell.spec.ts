/** The shell as an agent first sees it: header, five panels, notices. */
import { expect, openShell, test } from './fixtures/serve';

const panelNames = ['Conversation', 'Knowledge', 'Replies', 'Next actions', 'Summary'];

test('the shell loads with its header, the five panels and the notices', async ({
  page,
  server,
}) => {
  await openShell(page, server);
  await expect(page).toHaveTitle('Inloop');
  const header = page.getByRole('banner');
  await expect(header).toContainText('Inloop');
  await expect(header.getByText('Browser', { exact: true })).toBeVisible();
  await expect(header.getByRole('status')).toHaveText('Capture: Idle');
  for (const name of panelNames) {
    await expect(page.getByRole('region', { name, exact: true })).toBeVisible();
  }
  await expect(page.getByRole('region', { name: 'Notices' })).toBeAttached();
  await expect(page.getByText("Paste the customer's message or start a call")).toBeVisible();
  // The launch token is taken out of the address bar once read.
  expect(new URL(page.url()).search).toBe('');
});

test('a wide docked window shows the panels in columns', async ({ page, server }) => {
  await page.setViewportSize({ width: 1100, height: 720 });
  await openShell(page, server);
  await page.getByRole('button', { name: 'Floating overlay: switch to docked' }).click();
  await expect(
    page.getByRole('button', { name: 'Docked side panel: switch to overlay' }),
  ).toBeVisible();
  const conversation = await page.getByRole('region', { name: 'Conversation' }).boundingBox();
  const replies = await page.getByRole('region', { name: 'Replies' }).boundingBox();
  const knowledge = await page.getByRole('region', { name: 'Knowledge' }).boundingBox();
  expect(replies!.x).toBeGreaterThan(conversation!.x + conversation!.width);
  expect(knowledge!.x).toBeGreaterThan(replies!.x + replies!.width);
  await expect(page.getByRole('navigation', { name: 'Panels' })).toBeHidden();
});

test('pausing and resuming capture goes through the services and shows in the header', async ({
  page,
  server,
}) => {
  await openShell(page, server);
  const pill = page.getByRole('banner').getByRole('status');
  await page.getByRole('button', { name: 'Pause capture' }).click();
  await expect(pill).toHaveText('Capture: Paused');
  await expect(page.getByText('Capture is paused')).toBeVisible();
  await page.getByRole('button', { name: 'Resume capture' }).first().click();
  await expect(pill).toHaveText('Capture: Idle');
});

test('click-through shows a banner until it is turned off', async ({ page, server }) => {
  await openShell(page, server);
  const toggle = page.getByRole('button', { name: /^Click-through/ });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(page.getByText('Click-through is on.')).toBeVisible();
  await expect(
    page.getByRole('button', { name: 'Click-through is on: turn it off' }),
  ).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('button', { name: 'Turn off', exact: true }).click();
  await expect(page.getByText('Click-through is on.')).toBeHidden();
});
