/**
 * The agent's day, end to end: the example pack built and installed, the shell open, a scripted
 * customer conversation pushed through the local ingest endpoint (as a CTI connector would), and
 * on screen the detected intent, the checklist, a filled reply, an escalation flag and the
 * handoff summary.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, openShell, test } from './fixtures/serve';

// Each server picks a free ingest port (the default 4478 may be taken by a running app).
process.env.INLOOP_INGEST_PORT = '0';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
const inloop = (...args: string[]) =>
  run(join(root, 'node_modules', '.bin', 'tsx'), ['electron/hosts/cli/main.ts', ...args], {
    cwd: root,
    env: process.env,
  });

let work = '';
let packFile = '';

test.beforeAll(async () => {
  // Building the pack runs the CLI once (a few seconds, more on a loaded machine).
  test.setTimeout(120_000);
  work = await mkdtemp(join(tmpdir(), 'inloop-e2e-assist-'));
  packFile = join(work, 'acme-retail.inloop');
  await inloop('pack', 'build', 'packs/acme-retail', '--out', packFile);
});
test.afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const script = [
  'Hi, my name is Maria Lopez. My package never arrived. The order number is 4417-2209.',
  'I have waited nine days now and the tracking has not moved at all.',
  'This is the third time this happens. If it is not sorted today I will take you to court.',
];

test('a customer conversation pushed through the ingest endpoint shows its suggestions', async ({
  page,
  server,
}) => {
  test.setTimeout(90_000);
  await inloop('pack', 'install', packFile, '--allow-unsigned', '--data-dir', server.dataDir);
  await server.restart();
  const token = (
    await inloop('assist', '--ingest-token', '--data-dir', server.dataDir)
  ).stdout.trim();
  await page.setViewportSize({ width: 1100, height: 900 });
  await openShell(page, server);
  // The connector endpoint is for IT: it is in Settings, not on the agent's panels.
  await page.keyboard.press('Control+Comma');
  const endpoint = page.getByRole('region', { name: 'Assist' }).locator('code').first();
  await expect(endpoint).toHaveText(/^http:\/\/127\.0\.0\.1:\d+\/v1\/turns$/);
  const url = (await endpoint.textContent())!;
  await page.keyboard.press('Escape');

  const refused = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ role: 'customer', text: 'hello' }),
  });
  expect(refused.status).toBe(401);

  const transcript = page.getByRole('list', { name: 'Transcript' });
  for (const [i, text] of script.entries()) {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ role: 'customer', text, conversationId: 'call-1' }),
    });
    expect(response.status).toBe(202);
    await expect(transcript.getByRole('listitem')).toHaveCount(i + 1);
  }
  await expect(transcript).toContainText('connector');

  // The intent by the pack's label, never its raw id.
  await expect(page.locator('.intent-chip')).toContainText('Intent:');
  await expect(page.locator('.intent-chip')).not.toContainText('shipping_issue');
  const checklist = page.getByRole('list', { name: 'Next steps' });
  await expect(checklist).toContainText('Ask how many days they have waited');
  const replies = page.getByRole('list', { name: 'Reply suggestions' });
  await expect(replies).toContainText('Maria Lopez');
  await expect(replies).toContainText('4417-2209');
  await expect(page.getByRole('list', { name: 'Escalation flags' })).toContainText(/legal action/i);
  await expect(page.getByRole('list', { name: 'Escalation flags' })).toContainText('turn 3');

  // The agent ticks a step from the keyboard, then ends the call.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Space');
  await expect(checklist.getByRole('checkbox').first()).toBeChecked();
  await page.getByRole('button', { name: 'End conversation' }).click();
  const handoff = page.getByRole('region', { name: 'Handoff summary' });
  await expect(handoff).toBeVisible();
  await expect(handoff).toContainText('Maria Lopez');
  await expect(handoff).toContainText('4417-2209');
  await expect(page.getByRole('button', { name: 'Copy handoff summary' })).toBeVisible();
});
