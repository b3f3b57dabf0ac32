/**
 * Accessibility as a test: axe-core over the whole screen with every panel showing content
 * (a conversation with high flags, replies withheld and with their blanks open, a step the
 * engine asks about, knowledge cards, the summary; the candidates are in decide.spec.ts), in the
 * light, dark and high-contrast themes, at 420×900 (docked) and 1280×800, on its own and with
 * Settings, the team report or the Shortcuts sheet open: zero violations.
 */
import { installExamplePack } from './fixtures/example-pack';
import {
  addAgentTurn,
  addCustomerTurns,
  axeViolations,
  chargebackScript,
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
    if ((await page.getByRole('list', { name: 'Transcript' }).count()) === 0) {
      await addCustomerTurns(page, chargebackScript.customer.slice(0, 1));
      await addAgentTurn(page, chargebackScript.agent);
      await addCustomerTurns(page, chargebackScript.customer.slice(1));
    }
    await expect(page.getByRole('list', { name: 'Escalation flags' })).toBeVisible();
    const replies = page.getByRole('list', { name: 'Reply suggestions' });
    await expect(replies.locator('.reply-card--withheld')).not.toHaveCount(0);
    await expect(page.locator('.checklist__step--suggested')).not.toHaveCount(0);
    await expect(page.getByRole('list', { name: 'Articles for the conversation' })).toBeVisible();
    // The blanks of a reply open, as before a copy.
    await replies.getByRole('button', { name: 'Fill in and copy' }).first().click();
    await expect(page.getByRole('form', { name: 'Fill in the blanks' })).toBeVisible();

    const found: string[] = [];
    for (const theme of themes) {
      await setTheme(page, theme);
      found.push(...(await axeViolations(page)).map((v) => `${theme}, screen: ${v}`));
      await page.keyboard.press('Control+Comma');
      await expect(page.getByRole('dialog', { name: 'Settings' })).toBeVisible();
      // With a sheet open the rest is inert: axe looks at the sheet.
      found.push(...(await axeViolations(page, 'dialog')).map((v) => `${theme}, Settings: ${v}`));
      // The team report opens from Settings → Learning.
      await page.getByRole('button', { name: 'Team report…' }).click();
      await expect(page.getByRole('dialog', { name: 'Team report' })).toBeVisible();
      found.push(...(await axeViolations(page, 'dialog')).map((v) => `${theme}, Team: ${v}`));
      await page.keyboard.press('Escape');
      await page.keyboard.press('Alt+Digit2');
      await page.keyboard.press('?');
      await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
      found.push(...(await axeViolations(page, 'dialog')).map((v) => `${theme}, Shortcuts: ${v}`));
      await page.keyboard.press('Escape');
    }
    console.log(`axe at ${size.width}×${size.height}: ${found.length} violations in 12 runs`);
    expect(found).toEqual([]);
  });
}
