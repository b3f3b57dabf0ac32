/** Settings through the real services: saved, pushed to every window, kept across a restart. */
import { expect, openShell, test } from './fixtures/serve';

test('a theme change is saved, reaches other windows, and survives a restart', async ({
  page,
  server,
  context,
}) => {
  await openShell(page, server);
  const other = await context.newPage();
  await openShell(other, server);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'system');

  await page.keyboard.press('Control+Comma');
  await page.getByRole('dialog', { name: 'Settings' }).getByText('Dark', { exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByRole('radio', { name: 'Dark' })).toBeChecked();
  // The other window hears settings:changed from the services.
  await expect(other.locator('html')).toHaveAttribute('data-theme', 'dark');

  await server.restart();
  await openShell(page, server);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.keyboard.press('Control+Comma');
  await expect(page.getByRole('radio', { name: 'Dark' })).toBeChecked();
});

test('window options that need the desktop are off in a browser, and say why', async ({
  page,
  server,
}) => {
  await openShell(page, server);
  await page.keyboard.press('Control+Comma');
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  for (const name of ['Always on top', 'Hide from screen capture']) {
    await expect(dialog.getByRole('switch', { name })).toBeDisabled();
  }
  await expect(dialog.getByRole('slider', { name: 'Opacity' })).toBeDisabled();
  await expect(dialog.getByRole('switch', { name: 'Record feedback' })).toBeEnabled();
  await expect(dialog.getByText(/running in a browser tab here/)).toBeVisible();
  await expect(
    dialog.getByText('A browser cannot register global shortcuts.', { exact: false }),
  ).toBeVisible();
});

test('text size applies at once and is kept', async ({ page, server }) => {
  await openShell(page, server);
  await page.keyboard.press('Control+Comma');
  const slider = page.getByRole('slider', { name: 'Text size' });
  await slider.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('#font-scale + output')).toHaveText('120%');
  await expect
    .poll(() =>
      page.evaluate(() => document.documentElement.style.getPropertyValue('--font-scale')),
    )
    .toBe('1.2');
  await page.reload();
  await expect
    .poll(() =>
      page.evaluate(() => document.documentElement.style.getPropertyValue('--font-scale')),
    )
    .toBe('1.2');
});
