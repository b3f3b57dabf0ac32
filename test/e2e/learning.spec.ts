/**
 * Settings → Learning and the Team view through the real services: the section says what was
 * learned, the switches save, and the Team view reads a folder of bundles the lead names.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { exportBundle } from '../../shared/learning/bundle';
import { emptyLearnedState } from '../../shared/learning/learned-state';
import { observeRecord } from '../../shared/learning/observe';
import { writeBundle } from '../../electron/services/learning/bundle-files';
import { expect, openShell, test } from './fixtures/serve';

/** A bundle of one agent who picked "exchange" in three conversations the engine had no intent for. */
async function writeTeamBundle(dir: string): Promise<void> {
  const state = emptyLearnedState();
  for (let i = 0; i < 3; i++) {
    const context = {
      turns: [{ role: 'customer' as const, text: 'can I swap this jumper' }],
      suggestions: { intent: null, articles: [], replies: [], escalation: [] },
      packs: ['acme-retail@1.0.0'],
    };
    const at = Date.parse('2026-11-03T09:00:00Z') + i;
    observeRecord(
      state,
      { kind: 'assessed', at, conversationId: `c${i}`, escalations: [] },
      context,
    );
    observeRecord(
      state,
      { kind: 'picked', target: 'intent', id: 'exchange', at, conversationId: `c${i}` },
      context,
    );
  }
  await mkdir(dir, { recursive: true });
  await writeBundle(
    join(dir, 'agent-1.jsonl'),
    exportBundle(state, { k: 3, since: null, device: 'agent-1', now: Date.now() }),
  );
}

test('Settings → Learning says what was learned and opens the team report of a folder', async ({
  page,
  server,
}) => {
  const bundles = join(server.dataDir, 'team-bundles');
  await writeTeamBundle(bundles);
  await openShell(page, server);
  await page.keyboard.press('Control+Comma');
  const learning = page.getByRole('dialog', { name: 'Settings' }).getByRole('region', {
    name: 'Learning',
  });
  await expect(learning.getByText(/^Nothing yet/)).toBeVisible();
  const share = learning.getByRole('switch', { name: 'Share with the team lead' });
  await expect(share).not.toBeChecked();
  await share.click();
  await expect(share).toBeChecked();

  await learning.getByRole('button', { name: 'Team report…' }).click();
  const team = page.getByRole('dialog', { name: 'Team report' });
  await team.getByLabel('Folder of bundles').fill(bundles);
  await team.getByRole('button', { name: 'Show' }).click();
  await expect(
    team.getByText('1 bundles from 1 agents, 3 conversations', { exact: false }),
  ).toBeVisible();
  await expect(
    team.getByRole('img', { name: 'Intents agents correct most, and into what' }),
  ).toBeVisible();

  await team.getByLabel('Folder of bundles').fill(join(server.dataDir, 'nowhere'));
  await team.getByRole('button', { name: 'Show' }).click();
  await expect(team.getByText(/is not a folder of team bundles/)).toBeVisible();
});
