/**
 * The agent's keyboard cycle, counted: read the customer's message, copy a reply, log what the
 * agent sent, and be ready for the customer's next message, in at most 8 keys besides typing
 * (pastes count as keys here). Alt+1 lands in the composer, Alt+S switches the speaker, the
 * copy puts the focus back in the composer, the agent's turn hands the composer back to the
 * customer, and every conversation starts as Customer. Space on Start/End or on the transcript
 * does nothing.
 */
import { installExamplePack } from './fixtures/example-pack';
import { endConversation } from './fixtures/screen';
import { expect, openShell, test, useFileServer, type Page } from './fixtures/serve';

const shared = useFileServer({ prepare: installExamplePack });

/** Presses keys and counts them. */
function keyCounter(page: Page) {
  let count = 0;
  return {
    press: async (key: string) => {
      count += 1;
      await page.keyboard.press(key);
    },
    take: () => {
      const taken = count;
      count = 0;
      return taken;
    },
  };
}

/** The helpdesk: the customer's message is copied there, to be pasted into Inloop. */
const copyInHelpdesk = (page: Page, text: string) =>
  page.evaluate((value) => navigator.clipboard.writeText(value), text);

for (const size of [
  { width: 420, height: 900 },
  { width: 1280, height: 800 },
]) {
  test(`one customer turn and the agent's answer take at most 8 keys at ${size.width} px`, async ({
    page,
  }) => {
    test.setTimeout(90_000);
    await page.setViewportSize(size);
    await page
      .context()
      .grantPermissions(['clipboard-read', 'clipboard-write'], { origin: shared.server.origin });
    await openShell(page, shared.server);
    const keys = keyCounter(page);
    const composer = page.locator('#turn-text');
    const turns = page.getByRole('list', { name: 'Transcript' }).getByRole('listitem');
    const replies = page.getByRole('list', { name: 'Reply suggestions' });
    // A fresh conversation for this size (the server is shared by the file).
    await endConversation(page);

    const cycle = async (customer: string, fromComposer: boolean) => {
      await copyInHelpdesk(page, customer);
      if (!fromComposer) await keys.press('Alt+Digit1');
      await expect(composer).toBeFocused();
      await expect(page.getByRole('textbox', { name: 'Customer says' })).toBeVisible();
      await keys.press('Control+V');
      await keys.press('Enter');
      await expect(turns.last()).toContainText(customer);
      await expect(replies).toBeVisible();
      const top = (
        await replies.getByRole('article').first().locator('.reply-card__text').innerText()
      ).trim();
      await keys.press('Alt+Digit2');
      await keys.press('c');
      // The copy leaves the focus in the composer.
      await expect(composer).toBeFocused();
      expect((await page.evaluate(() => navigator.clipboard.readText())).trim()).toBe(top);
      await keys.press('Alt+KeyS');
      await expect(page.getByRole('textbox', { name: 'You said (agent)' })).toBeVisible();
      await keys.press('Control+V');
      await keys.press('Enter');
      await expect(turns.last()).toContainText(top.slice(0, 30));
      await expect(turns.last()).toContainText('Agent');
      // Ready for the customer's next message: the composer is theirs again, and focused.
      await expect(page.getByRole('textbox', { name: 'Customer says' })).toBeVisible();
      await expect(composer).toBeFocused();
      return keys.take();
    };

    const first = await cycle(
      'Hi, my name is Maria Lopez. My package never arrived. The order number is 4417-2209.',
      false,
    );
    const next = await cycle('It has been nine days and the tracking has not moved.', true);
    console.log(`key cycle at ${size.width} px: first ${first} keys, then ${next} keys`);
    expect(first).toBeLessThanOrEqual(8);
    expect(next).toBeLessThanOrEqual(8);
    // A new conversation: the two cycles' four turns.
    await expect(turns).toHaveCount(4);

    // Space on the transcript scrolls it and ticks no step.
    const ticked = page.getByRole('list', { name: 'Next steps' }).getByRole('checkbox', {
      checked: true,
    });
    const tickedBefore = await ticked.count();
    await page.getByRole('list', { name: 'Transcript' }).focus();
    await page.keyboard.press('Space');
    await expect(ticked).toHaveCount(tickedBefore);

    // Space on End conversation does not end it; Enter does.
    const end = page.getByRole('button', { name: 'End conversation' });
    await end.focus();
    await page.keyboard.press('Space');
    await expect(end).toBeVisible();
    await page.keyboard.press('Alt+KeyS');
    await expect(page.getByRole('textbox', { name: 'You said (agent)' })).toBeVisible();
    await end.focus();
    await page.keyboard.press('Enter');
    // The next conversation starts with the customer.
    await expect(page.getByRole('button', { name: 'Start conversation' })).toBeVisible();
    // The end went through the services after that Space: no tick came back from it either.
    await expect(ticked).toHaveCount(tickedBefore);
    await expect(page.getByRole('textbox', { name: 'Customer says' })).toBeVisible();
  });
}
