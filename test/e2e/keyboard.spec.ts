/**
 * Keyboard-first: every panel, the settings and the shortcuts sheet reachable without a mouse.
 * One server for the file (the tests leave no state behind that another relies on).
 */
import { expect, openShell, test, useFileServer } from './fixtures/serve';

const shared = useFileServer();
// Decisions first: Replies and Next actions right after the conversation.
const panels = ['Conversation', 'Replies', 'Next actions', 'Knowledge', 'Summary'];

test('Alt+1 lands in the composer, Alt+2..Alt+5 in the matching panel', async ({ page }) => {
  await openShell(page, shared.server);
  const composer = page.getByRole('textbox', { name: 'Customer says' });
  await page.keyboard.press('Alt+Digit1');
  await expect(composer).toBeFocused();
  for (const [index, name] of panels.entries()) {
    if (index === 0) continue;
    await page.keyboard.press(`Alt+Digit${index + 1}`);
    await expect(page.getByRole('region', { name, exact: true })).toBeFocused();
  }
  // Back to the composer from anywhere, including from inside another text field.
  await page.getByLabel('Search knowledge').focus();
  await page.keyboard.press('Alt+Digit1');
  await expect(composer).toBeFocused();
});

test('Alt+N unfolds a folded panel', async ({ page }) => {
  await openShell(page, shared.server);
  await page.getByRole('button', { name: 'Replies', exact: true }).click();
  await expect(page.getByText('Reply suggestions appear here')).toBeHidden();
  await page.keyboard.press('Alt+Digit2');
  await expect(page.getByText('Reply suggestions appear here')).toBeVisible();
  // Alt+1 unfolds the conversation and still lands in the composer.
  await page.getByRole('button', { name: 'Conversation', exact: true }).click();
  await page.keyboard.press('Alt+Digit1');
  await expect(page.getByRole('textbox', { name: 'Customer says' })).toBeFocused();
});

test('F6 cycles header, panels and notices; Shift+F6 goes back', async ({ page }) => {
  await openShell(page, shared.server);
  const stops = [
    page.getByRole('banner'),
    ...panels.map((name) => page.getByRole('region', { name, exact: true })),
    page.getByRole('region', { name: 'Notices' }),
  ];
  for (const stop of stops) {
    await page.keyboard.press('F6');
    await expect(stop).toBeFocused();
  }
  await page.keyboard.press('F6');
  await expect(stops[0]!).toBeFocused();
  await page.keyboard.press('Shift+F6');
  await expect(stops.at(-1)!).toBeFocused();
  await page.keyboard.press('Shift+F6');
  await expect(stops.at(-2)!).toBeFocused();
});

test('settings open with Ctrl+, or Alt+, and close with Escape, returning focus', async ({
  page,
}) => {
  await openShell(page, shared.server);
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await page.keyboard.press('Alt+Digit4');
  await page.keyboard.press('Control+Comma');
  await expect(settings).toBeVisible();
  await expect(settings.getByRole('radiogroup', { name: 'Theme' })).toBeVisible();
  // Panel shortcuts wait while a sheet is open.
  await page.keyboard.press('Alt+Digit1');
  await expect(settings).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(settings).toBeHidden();
  await expect(page.getByRole('region', { name: 'Knowledge' })).toBeFocused();
  await page.keyboard.press('Alt+Comma');
  await expect(settings).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(settings).toBeHidden();
});

test('? shows the shortcuts sheet, but types a ? in a text field', async ({ page }) => {
  await openShell(page, shared.server);
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  const search = page.getByLabel('Search knowledge');
  await search.focus();
  await page.keyboard.type('why?');
  await expect(search).toHaveValue('why?');
  await expect(sheet).toBeHidden();
  await page.keyboard.press('Alt+Digit2');
  await page.keyboard.press('?');
  await expect(sheet).toBeVisible();
  await expect(sheet.getByText('Go to Next actions')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
});
