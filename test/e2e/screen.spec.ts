/**
 * The agent's screen with a live conversation (the example pack installed, the scripted
 * customer typed in): decisions above the fold beside the conversation at 1280 px, compact
 * knowledge, one Tab stop per list, the transcript following the newest turn, a window that
 * never scrolls, nothing overlapping or off screen at 420 px and 160 % text, the reply keys
 * only where the replies are, and flags that say how serious they are and lead to their turn.
 */
import type { Locator } from '@playwright/test';
import { installExamplePack } from './fixtures/example-pack';
import { addCustomerTurns, parcelScript, setTextSize } from './fixtures/screen';
import { expect, openShell, test, useFileServer, type Page } from './fixtures/serve';

const shared = useFileServer({ prepare: installExamplePack });

/** Open the shell on the shared conversation, typing the script in the first time. */
async function openConversation(page: Page, size = { width: 1280, height: 800 }) {
  await page.setViewportSize(size);
  await openShell(page, shared.server);
  if ((await page.getByRole('list', { name: 'Transcript' }).count()) === 0)
    await addCustomerTurns(page, parcelScript);
  await expect(page.getByRole('list', { name: 'Reply suggestions' })).toBeVisible();
}

const box = async (locator: Locator) => {
  const found = await locator.boundingBox();
  if (!found) throw new Error(`${locator} has no box`);
  return found;
};

/** Elements of `list` a Tab press can reach. */
const tabStops = (list: Locator) =>
  list.evaluate(
    (element) =>
      [...element.querySelectorAll<HTMLElement>('a[href], button, input, textarea, [tabindex]')]
        .filter((el) => el.tabIndex >= 0 && !(el as HTMLButtonElement).disabled)
        .filter((el) => el.closest('[hidden]') === null).length,
  );

test('at 1280×800 the replies and next actions are above the fold beside the conversation', async ({
  page,
}) => {
  await openConversation(page);
  const conversation = await box(page.getByRole('region', { name: 'Conversation' }));
  const replies = page.getByRole('region', { name: 'Replies' });
  const actions = page.getByRole('region', { name: 'Next actions' });
  expect((await box(replies)).x).toBeGreaterThan(conversation.x + conversation.width);
  const firstReply = await box(replies.getByRole('article').first());
  const firstStep = await box(actions.getByRole('checkbox').first());
  expect(firstReply.y + firstReply.height).toBeLessThanOrEqual(800);
  expect(firstStep.y + firstStep.height).toBeLessThanOrEqual(800);
  // The composer is in view too, under the conversation.
  const composer = await box(page.locator('#turn-text'));
  expect(composer.y + composer.height).toBeLessThanOrEqual(800);

  // Knowledge: one compact card per article.
  const cards = page
    .getByRole('list', { name: 'Articles for the conversation' })
    .getByRole('article');
  const titles = await cards.locator('h3').allInnerTexts();
  expect(titles.length).toBeGreaterThan(0);
  expect(new Set(titles).size).toBe(titles.length);
});

test('each list is one Tab stop: arrow keys move inside it', async ({ page }) => {
  await openConversation(page);
  const knowledge = page.getByRole('list', { name: 'Articles for the conversation' });
  const replies = page.getByRole('list', { name: 'Reply suggestions' });
  const steps = page.getByRole('list', { name: 'Next steps' });
  for (const list of [knowledge, replies, steps]) expect(await tabStops(list)).toBe(1);
  // Tab from the search box enters the cards once and leaves them with the next Tab.
  await page.getByLabel('Search knowledge').focus();
  await page.keyboard.press('Tab');
  await expect(knowledge.getByRole('article').first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(knowledge.getByRole('article').nth(1)).toBeFocused();
  await page.keyboard.press('Tab');
  expect(await knowledge.evaluate((list) => list.contains(document.activeElement))).toBe(false);
  // Back in: the card last used.
  await page.keyboard.press('Shift+Tab');
  await expect(knowledge.getByRole('article').nth(1)).toBeFocused();
});

test('the conversation follows the newest turn; scrolled up, a pill brings the agent down', async ({
  page,
}) => {
  await openConversation(page);
  const list = page.getByRole('list', { name: 'Transcript' });
  await addCustomerTurns(
    page,
    Array.from({ length: 6 }, (_, i) => `Still waiting, message ${i + 1}, nothing has changed.`),
  );
  await expect(list.getByRole('listitem').last()).toBeInViewport();
  await list.evaluate((element) => (element.scrollTop = 0));
  await expect(list.getByRole('listitem').last()).not.toBeInViewport();
  await addCustomerTurns(page, ['And one more thing about the parcel.']);
  const pill = page.getByRole('button', { name: '1 new message' });
  await expect(pill).toBeVisible();
  await expect(list.getByRole('listitem').last()).not.toBeInViewport();
  await pill.click();
  await expect(list.getByRole('listitem').last()).toBeInViewport();
  await expect(pill).toBeHidden();
});

test('the window itself never scrolls, whatever the wheel or the focus does', async ({ page }) => {
  for (const size of [
    { width: 420, height: 900 },
    { width: 1280, height: 800 },
  ]) {
    await openConversation(page, size);
    const footer = await box(page.getByRole('region', { name: 'Notices' }));
    await page.mouse.move(footer.x + 20, footer.y + footer.height / 2);
    await page.mouse.wheel(0, 3000);
    await page.getByRole('list', { name: 'Reply suggestions' }).getByRole('article').last().focus();
    await page.locator('#turn-text').focus();
    expect(
      await page.evaluate(() => [
        document.scrollingElement!.scrollTop,
        document.scrollingElement!.scrollHeight - innerHeight,
      ]),
    ).toEqual([0, 0]);
    expect((await box(page.getByRole('banner'))).y).toBe(0);
  }
});

test('at 420 px and at 160 % text nothing overlaps, nothing is off screen', async ({ page }) => {
  for (const [size, scale] of [
    [{ width: 420, height: 900 }, 1],
    [{ width: 420, height: 900 }, 1.6],
    [{ width: 1280, height: 800 }, 1.6],
  ] as const) {
    await openConversation(page, size);
    await setTextSize(page, scale);
    const where = `${size.width} px at ${scale * 100} %`;
    // The header's three groups sit side by side or wrap, never on top of each other.
    const header = page.getByRole('banner');
    const groups = await Promise.all(
      ['.app-header__brand', '.app-header__status', '.app-header__tools'].map((s) =>
        box(header.locator(s)),
      ),
    );
    for (const [i, a] of groups.entries())
      for (const b of groups.slice(i + 1))
        expect(overlaps(a, b), `header groups overlap at ${where}`).toBe(false);
    // End conversation stays on screen beside the intent.
    const end = await box(page.getByRole('button', { name: /^(End|Start) conversation$/ }));
    expect(end.x + end.width, where).toBeLessThanOrEqual(size.width);
    // Every panel link of the strip is on screen and leads to its panel.
    const strip = page.getByRole('navigation', { name: 'Panels' });
    if (await strip.isVisible()) {
      for (const link of await strip.getByRole('link').all()) {
        await expect(link).toBeInViewport({ ratio: 1 });
        const target = (await link.getAttribute('href'))!.slice(1);
        await link.click();
        await expect(page.locator(`#${target}`)).toBeFocused();
      }
    }
    // The notices at the foot never cover the panels: the panels end where the foot starts.
    const panels = await box(page.getByRole('main', { name: 'Assist' }));
    const foot = await box(page.getByRole('region', { name: 'Notices' }));
    expect(panels.y + panels.height, where).toBeLessThanOrEqual(foot.y + 1);
    expect(foot.y + foot.height, where).toBeLessThanOrEqual(size.height + 1);
  }
});

test('reply keys act only in Replies, on the highlighted reply in view', async ({ page }) => {
  await openConversation(page);
  await page
    .context()
    .grantPermissions(['clipboard-read', 'clipboard-write'], { origin: shared.server.origin });
  const words = (text: string) => text.replace(/\s+/g, ' ').trim();
  const clipboard = async () => words(await page.evaluate(() => navigator.clipboard.readText()));
  await page.evaluate(() => navigator.clipboard.writeText('nothing yet'));
  const replies = page.getByRole('list', { name: 'Reply suggestions' }).getByRole('article');
  const highlighted = page.locator('.reply-card[aria-current="true"]');
  await expect(highlighted).toHaveAttribute('data-reply-key', /.+/);
  const top = await replies.first().getAttribute('data-reply-key');
  await expect(highlighted).toHaveAttribute('data-reply-key', top!);

  // In Knowledge, arrows move between cards and `c` copies the card, not a reply.
  const cards = page
    .getByRole('list', { name: 'Articles for the conversation' })
    .getByRole('article');
  await cards.first().focus();
  await page.keyboard.press('ArrowDown');
  await expect(highlighted).toHaveAttribute('data-reply-key', top!);
  await page.keyboard.press('c');
  const passage = await cards.nth(1).locator('.knowledge-card__passage').first().innerText();
  await expect.poll(clipboard).toBe(words(passage));

  // Folded away, the reply is not copied even with Ctrl+Shift+C.
  await page.getByRole('button', { name: 'Replies', exact: true }).click();
  await page.evaluate(() => navigator.clipboard.writeText('nothing yet'));
  await page.locator('#turn-text').focus();
  await page.keyboard.press('Control+Shift+KeyC');
  await page.keyboard.press('Alt+Digit2');
  expect(await clipboard()).toBe('nothing yet');

  // In Replies: j moves the highlight with the focus, c copies that reply, focus goes home.
  await page.keyboard.press('j');
  const second = replies.nth(1);
  await expect(second).toBeFocused();
  await expect(second).toHaveAttribute('aria-current', 'true');
  await page.keyboard.press('c');
  await expect(page.locator('#turn-text')).toBeFocused();
  const text = words(await second.locator('.reply-card__text').innerText());
  await expect.poll(clipboard).toBe(text);
});

test('flags say how serious they are in words, and their turn link moves the focus there', async ({
  page,
}) => {
  await openConversation(page, { width: 420, height: 900 });
  const flags = page.getByRole('list', { name: 'Escalation flags' });
  await expect(flags.getByRole('listitem').first()).toContainText(/^(High|Medium|Low)/i);
  const link = flags.getByRole('link', { name: /^turn \d+$/ }).first();
  const turn = Number((await link.innerText()).replace('turn ', '')) - 1;
  await link.click();
  await expect(page.locator(`#turn-${turn}`)).toBeFocused();
  await expect(page.locator(`#turn-${turn}`)).toBeInViewport();
});

function overlaps(
  a: { x: number; y: number; width: number; height: number },
  b: { x: number; y: number; width: number; height: number },
): boolean {
  return (
    a.x < b.x + b.width - 0.5 &&
    b.x < a.x + a.width - 0.5 &&
    a.y < b.y + b.height - 0.5 &&
    b.y < a.y + a.height - 0.5
  );
}
