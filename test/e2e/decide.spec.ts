/**
 * Deciding in one key, on the real engine with the example pack: intent candidates (1, 2, 3
 * pick, 0 is none of these), a step the engine thinks is done (y confirms, n dismisses), a
 * flag that is not an escalation here, a reply with blanks (a field per blank before the copy,
 * which carries what was typed), a withheld reply (its reason shown, never copied), and the
 * handoff summary with one Copy.
 */
import { installExamplePack } from './fixtures/example-pack';
import {
  addAgentTurn,
  addCustomerTurns,
  axeViolations,
  endConversation,
  setTheme,
} from './fixtures/screen';
import { expect, openShell, test, useFileServer, type Page } from './fixtures/serve';

const shared = useFileServer({ prepare: installExamplePack });

/** Open the shell on a fresh conversation (the server is shared by the file). */
async function freshConversation(page: Page) {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page
    .context()
    .grantPermissions(['clipboard-read', 'clipboard-write'], { origin: shared.server.origin });
  await openShell(page, shared.server);
  await endConversation(page);
  await page.evaluate(() => navigator.clipboard.writeText('nothing copied'));
}

const words = (text: string) => text.replace(/\s+/g, ' ').trim();
const clipboard = async (page: Page) =>
  words(await page.evaluate(() => navigator.clipboard.readText()));

test('unsure of the intent, the engine offers candidates: 1 picks, 0 is none of these', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await freshConversation(page);
  await addCustomerTurns(page, ['Something is wrong with my order.']);
  const candidates = page.getByRole('group', { name: 'Which does the customer want?' });
  await expect(candidates).toBeVisible();
  const first = candidates.getByRole('button').first();
  const label = words((await first.innerText()).replace(/^1/, ''));
  await expect(candidates.getByRole('button', { name: 'None of these' })).toBeVisible();
  for (const theme of ['light', 'dark', 'high-contrast'] as const) {
    await setTheme(page, theme);
    expect(await axeViolations(page, '.conversation-bar')).toEqual([]);
  }
  // One Tab stop for the group; the keys work from anywhere outside a text field.
  await page.keyboard.press('Alt+Digit2');
  await page.keyboard.press('1');
  const chip = page.locator('.intent-chip');
  await expect(chip).toContainText(label);
  await expect(chip).toContainText('you picked it');
  await expect(candidates).toBeHidden();

  // The pick taught this device: the same words in the next conversation show that intent.
  await freshConversation(page);
  await addCustomerTurns(page, ['Something is wrong with my order.']);
  await expect(chip).toContainText(label);
  await expect(candidates).toBeHidden();

  await freshConversation(page);
  await addCustomerTurns(page, ['There is a problem with my account.']);
  await expect(candidates).toBeVisible();
  await page.keyboard.press('Alt+Digit2');
  await page.keyboard.press('0');
  await expect(candidates).toBeHidden();
  await expect(chip).toHaveText('No clear intent yet');
});

test('a step the engine thinks is done asks: y confirms it, n dismisses it', async ({ page }) => {
  for (const [key, done] of [
    ['y', true],
    ['n', false],
  ] as const) {
    await freshConversation(page);
    await addCustomerTurns(page, ['I want a refund for my jacket.']);
    await addAgentTurn(page, 'Let me pull up your account, can you give me your full name?');
    await addCustomerTurns(page, ['Maria Lopez']);
    const asking = page.locator('.checklist__step--suggested');
    await expect(asking).toHaveCount(1);
    await expect(asking).toContainText('Looks done');
    const text = await asking.locator('.checklist__text').innerText();
    await page.keyboard.press('Alt+Digit3');
    await page.keyboard.press(key);
    await expect(asking).toHaveCount(0);
    const box = page
      .getByRole('list', { name: 'Next steps' })
      .getByRole('listitem')
      .filter({ hasText: text })
      .getByRole('checkbox');
    if (done) await expect(box).toBeChecked();
    else await expect(box).not.toBeChecked();
  }
});

test('a reply with blanks asks for them before it copies; a withheld one is never copied', async ({
  page,
}) => {
  await freshConversation(page);
  await addCustomerTurns(page, [
    'Hi, my name is Maria Lopez. My package never arrived. The order number is 4417-2209.',
  ]);
  const replies = page.getByRole('list', { name: 'Reply suggestions' });
  const key = await replies
    .getByRole('article')
    .filter({ hasText: 'Fill in before sending' })
    .first()
    .getAttribute('data-reply-key');
  const withBlank = replies.locator(`[data-reply-key="${key}"]`);
  await withBlank.click();
  await page.keyboard.press('c');
  const fields = withBlank.getByRole('form', { name: 'Fill in the blanks' });
  await expect(fields).toBeVisible();
  const field = fields.getByRole('textbox').first();
  await expect(field).toBeFocused();
  // Empty, Enter does not copy: the reply is not safe to send yet.
  await page.keyboard.press('Enter');
  expect(await clipboard(page)).toBe('nothing copied');
  await field.fill('Friday 12 June');
  await page.keyboard.press('Enter');
  await expect(page.locator('#turn-text')).toBeFocused();
  await expect.poll(() => clipboard(page)).toContain('Friday 12 June');
  expect(await clipboard(page)).not.toMatch(/\[[a-z ]+\]/);
  await expect(fields).toBeHidden();

  // A chargeback is open: the refund reply is withheld, with the reason, and has no copy.
  await freshConversation(page);
  await addCustomerTurns(page, ['I want a refund, I already opened a chargeback with my bank.']);
  const withheld = replies.locator('.reply-card--withheld').first();
  await expect(withheld).toContainText("Don't send this now.");
  await expect(withheld.getByRole('button', { name: /copy/i })).toHaveCount(0);
  await withheld.click();
  await page.keyboard.press('c');
  await expect(page.getByRole('region', { name: 'Notices' })).toContainText('Not copied:');
  await page.keyboard.press('Enter');
  expect(await clipboard(page)).toBe('nothing copied');

  // The chargeback flag is not an escalation here: dismissed in one click.
  const flags = page.getByRole('list', { name: 'Escalation flags' });
  const flag = flags.getByRole('listitem').first();
  const reason = await flag.locator('.escalation-flag__reason').innerText();
  await flag.getByRole('button', { name: /^Not an escalation here/ }).click();
  await expect(page.getByText(reason, { exact: true })).toHaveCount(0);
});

test('the handoff summary says Issue, Tried, Outcome, Next step, and copies in one click', async ({
  page,
}) => {
  await freshConversation(page);
  await addCustomerTurns(page, [
    'Hi, my name is Maria Lopez. My package never arrived. The order number is 4417-2209.',
  ]);
  await addAgentTurn(page, "I'm sorry, I have sent a replacement for order 4417-2209.");
  await page.getByRole('button', { name: 'Copy handoff summary' }).click();
  const handoff = page.getByRole('region', { name: 'Handoff summary' });
  for (const row of ['Issue', 'Outcome', 'Next step'])
    await expect(handoff.getByRole('term').filter({ hasText: row })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Copied' })).toBeVisible();
  const copied = await clipboard(page);
  expect(copied).toContain('Issue');
  expect(copied).toContain('4417-2209');
});
