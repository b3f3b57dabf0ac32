/**
 * Accessibility as a test: axe-core over the whole screen with every panel showing content
 * (a conversation with flags, replies, a checklist, knowledge cards, the summary), in the
 * light, dark and high-contrast themes, at 420×900 (docked) and 1280×800, on its own and with
 * Settings or the Shortcuts sheet open: zero violations.
 */
import { installExamplePack } from './fixtures/example-pack';
import {
  addCustomerTurns,
  axeViolations,
  parcelScript,
  setTheme,
} from './fixtures/screen';
import { expect, openShell, test, useFileServer } from './fixtures/serve';

const shared = useFileServer({ prepare: installExamplePack });

const themes = ['light', 'dark', 'high-contrast'] as const;

for (const size of [
  { width: 420, height: 900 },
  { width: 1280, height: 800 },
]) {
  test(`no axe violations at ${size.width}×${size.height} in any theme, sheets open or not`, async ({
    page,
  }) => {
    test.setTimeout(180_000);
    await page.setViewportSize(size);
    await openShell(page, shared.server);
    if ((await page.getByRole('list', { name: 'Transcript' }).count()) === 0)
      await addCustomerTurns(page, parcelScript);
    await expect(page.getByRole('list', { name: 'Escalation flags' })).toBeVisible();
    await expect(page.getByRole('list', { name: 'Reply suggestions' })).toBeVisible();
    await expect(page.getByRole('list', { name: 'Next steps' })).toBeVisible();
    await expect(page.getByRole('list', { name: 'Articles for the conversation' })).toBeVisible();

    const found: string[] = [];
    for (const theme of themes) {
      await setTheme(page, theme);
      found.push(...(await axeViolations(page)).map((v) => `${theme}, screen: ${v}`));
      await page.keyboard.press('Control+Comma');
      await expect(page.getByRole('dialog', { name: 'Settings' })).toBeVisible();
      // With a sheet open the rest is inert: axe looks at the sheet.
      found.push(
        ...(await axeViolations(page, 'dialog')).map((v) => `${theme}, Settings: ${v}`),
      );
      await page.keyboard.press('Escape');
      await page.keyboard.press('Alt+Digit2');
      await page.keyboard.press('?');
      await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
      found.push(
        ...(await axeViolations(page, 'dialog')).map((v) => `${theme}, Shortcuts: ${v}`),
      );
      await page.keyboard.press('Escape');
    }
    console.log(`axe at ${size.width}×${size.height}: ${found.length} violations in 9 runs`);
    expect(found).toEqual([]);
  });
}
