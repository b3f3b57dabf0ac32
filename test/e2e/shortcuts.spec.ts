/** Editing the global shortcuts: the validation message, clashes, recording, and saving. */
import { expect, openShell, test, type Page } from './fixtures/serve';

async function openShortcutSettings(page: Page) {
  await page.keyboard.press('Control+Comma');
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await dialog.getByRole('heading', { name: 'Global shortcuts' }).scrollIntoViewIfNeeded();
  return dialog;
}

test('an invalid shortcut shows what to fix and is not saved', async ({ page, server }) => {
  await openShell(page, server);
  const dialog = await openShortcutSettings(page);
  const field = dialog.getByLabel('Show or hide Inloop');
  await field.fill('Ctrl+');
  await field.press('Enter');
  await expect(dialog.getByRole('alert')).toHaveText(
    'Join keys with a single +, e.g. CmdOrCtrl+Shift+K.',
  );
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveAccessibleDescription(
    'Join keys with a single +, e.g. CmdOrCtrl+Shift+K.',
  );

  await field.fill('Shift+K');
  await field.press('Enter');
  await expect(dialog.getByRole('alert')).toHaveText(
    'Add CmdOrCtrl, Alt or Super, or the shortcut would fire while you type.',
  );

  await field.fill('CmdOrCtrl+Shift+P');
  await field.press('Enter');
  await expect(dialog.getByRole('alert')).toHaveText('Already used for "Pause or resume capture".');

  // Escape reverts the draft first, and only a second Escape closes settings.
  await field.press('Escape');
  await expect(field).toHaveValue('CmdOrCtrl+\\');
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('a shortcut pressed in the field is recorded and saved', async ({ page, server }) => {
  await openShell(page, server);
  let dialog = await openShortcutSettings(page);
  const field = () => dialog.getByLabel('Pause or resume capture');
  await field().focus();
  await page.keyboard.press('Control+Alt+KeyK');
  await expect(field()).toHaveValue('CmdOrCtrl+Alt+K');
  await dialog.getByRole('button', { name: 'Save' }).nth(2).click();
  await expect(dialog.getByRole('button', { name: 'Save' }).nth(2)).toBeDisabled();

  await page.reload();
  await expect(page.getByText('Connected to inloop serve')).toBeVisible();
  dialog = await openShortcutSettings(page);
  await expect(field()).toHaveValue('CmdOrCtrl+Alt+K');
});
