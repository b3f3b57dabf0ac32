/**
 * Settings → Assist through the real `inloop serve`: generated replies turned on, an endpoint
 * on 127.0.0.1 (after a refused URL and a remote host allowed then removed), a model and an API
 * key, all still there after a reload.
 *
 * The key goes to the OS keychain. Under scripts/with-keyring.sh (INLOOP_KEYRING_TEST=1, a
 * throwaway gnome-keyring) the test stores it and expects "Stored in the keychain"; otherwise
 * the server gets a dead D-Bus address, so it never touches the user's own keyring, and the
 * test expects the keychain-unavailable message instead.
 */
import { expect, openShell, test } from './fixtures/serve';

const realKeychain = process.env.INLOOP_KEYRING_TEST === '1';

test.use({
  serverEnv: {
    INLOOP_INGEST_PORT: '0',
    ...(realKeychain ? {} : { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/inloop-e2e-bus' }),
  },
});

test('generated replies are set up from Settings and kept across a reload', async ({
  page,
  server,
}) => {
  test.skip(
    !realKeychain && process.platform !== 'linux',
    'only Linux lets the test turn the keychain off; run it under scripts/with-keyring.sh',
  );
  await openShell(page, server);
  await page.keyboard.press('Control+Comma');
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  const assist = dialog.getByRole('region', { name: 'Assist' });

  await assist.getByRole('switch', { name: 'Generate replies' }).click();
  await expect(assist.getByRole('switch', { name: 'Generate replies' })).toBeChecked();

  const endpoint = assist.getByLabel('Endpoint URL');
  await endpoint.fill('ftp://llm.example.com');
  await endpoint.press('Enter');
  await expect(assist.getByRole('alert')).toHaveText(
    'The endpoint must use http:// or https://, not ftp://.',
  );

  // A remote host gets nothing until it is allowed; allowed, it shows under Privacy.
  await endpoint.fill('https://llm.example.com/v1');
  await endpoint.press('Enter');
  await expect(
    assist.getByText(/llm\.example\.com is another computer and not an allowed/),
  ).toBeVisible();
  await assist.getByRole('button', { name: 'Allow llm.example.com' }).click();
  await expect(assist.getByText(/llm\.example\.com is another computer, allowed/)).toBeVisible();
  const privacy = dialog.getByRole('region', { name: 'Privacy' });
  await expect(privacy.getByRole('listitem')).toHaveText(['llm.example.comRemove']);
  await privacy.getByRole('button', { name: 'Stop sending text to llm.example.com' }).click();
  await expect(
    privacy.getByText('None: nothing leaves this computer.', { exact: false }),
  ).toBeVisible();

  await endpoint.fill('http://127.0.0.1:8080/v1');
  await endpoint.press('Enter');
  await expect(
    assist.getByText('127.0.0.1 is this computer: the conversation stays on the device.'),
  ).toBeVisible();
  const model = assist.getByLabel('Model');
  await model.fill('qwen2.5:0.5b');
  await model.press('Enter');

  const keyStatus = assist.locator('#generation-api-key-status');
  if (realKeychain) {
    await expect(keyStatus).toHaveText('Not set.');
    await assist.getByLabel('API key', { exact: true }).fill('sk-e2e-not-a-real-key');
    await assist.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(keyStatus).toHaveText('Stored in the keychain.');
    await expect(assist.getByLabel('API key', { exact: true })).toHaveValue('');
  } else {
    await expect(keyStatus).toContainText(
      'The OS keychain (keytar (libsecret)) is not available here',
    );
    await expect(assist.getByLabel('API key', { exact: true })).toBeDisabled();
  }
  await expect(page.getByText('sk-e2e-not-a-real-key')).toHaveCount(0);

  await page.reload();
  await expect(page.getByText('Connected to inloop serve')).toBeVisible();
  await page.keyboard.press('Control+Comma');
  await expect(assist.getByRole('switch', { name: 'Generate replies' })).toBeChecked();
  await expect(endpoint).toHaveValue('http://127.0.0.1:8080/v1');
  await expect(model).toHaveValue('qwen2.5:0.5b');
  await expect(keyStatus).toHaveText(
    realKeychain ? 'Stored in the keychain.' : /is not available here/,
  );
});
