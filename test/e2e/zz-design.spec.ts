// TEMPORARY: design review screenshots (deleted before hand-off).
import { expect, openShell, test } from './fixtures/serve';

const out = (name: string) => `/tmp/design/${name}.png`;

test('design states', async ({ page, server }) => {
  await page.setViewportSize({ width: 1100, height: 720 });
  await openShell(page, server);
  await page.keyboard.press('Control+Comma');
  await page.getByText('Dark', { exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.screenshot({ path: out('docked-settings-dark'), animations: 'disabled' });
  await page.keyboard.press('Escape');
  await page.screenshot({ path: out('docked-dark'), animations: 'disabled' });
  await page.setViewportSize({ width: 600, height: 800 });
  await page.screenshot({ path: out('mid-600-dark'), animations: 'disabled' });
});
