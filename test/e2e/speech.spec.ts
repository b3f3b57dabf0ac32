/**
 * Live call transcription end to end: Chromium's fake audio device plays a recording as the
 * microphone and the customer input, the renderer captures it through the AudioWorklet and
 * streams 16 kHz frames to `inloop serve`, which transcribes with the random-weight test
 * Whisper (the words are meaningless; the segments, their order and the hand-off are not).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, openShell, test } from './fixtures/serve';

const root = fileURLToPath(new URL('../..', import.meta.url));
const wav = join(root, '..', 'shared', 'data', 'audio', 'espeak-fox-meeting-16k.wav');
const modelsDir = join(root, '..', 'shared', 'models');
const model = 'inloop-test/whisper-tiny-random';
const present = existsSync(wav) && existsSync(join(modelsDir, model));

test.skip(!present, `needs ${model} and the audio files in ../shared`);
test.use({
  serverEnv: { INLOOP_MODELS_DIR: modelsDir, INLOOP_ASR_MODEL: model },
  launchOptions: {
    executablePath: process.env.INLOOP_CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-audio-capture=${wav}`,
      '--autoplay-policy=no-user-gesture-required',
    ],
  },
});
test.setTimeout(120_000);

test('a call is transcribed live and the customer’s finals reach the assist engine', async ({
  page,
  server,
}) => {
  await openShell(page, server);
  const panel = page.getByRole('region', { name: 'Call transcript' });
  await expect(panel).toBeVisible();

  // The customer's side: an input device (a monitor source on Linux; the fake device here).
  const customer = panel.getByLabel('Customer (call audio)');
  await customer.focus();
  const device = customer.locator('option[value^="device:"]').first();
  await expect(device).toBeAttached();
  await customer.selectOption((await device.getAttribute('value'))!);

  await panel.getByRole('button', { name: 'Start transcribing' }).click();
  await expect(panel.getByRole('button', { name: 'Stop transcribing' })).toBeVisible({
    timeout: 60_000,
  });
  await expect(panel.getByRole('meter', { name: 'Customer level' })).toBeVisible();

  const lines = panel.getByRole('list', { name: 'Live call transcript' }).getByRole('listitem');
  const customerFinal = lines.and(page.locator('.transcript-line--customer[data-final="true"]'));
  await expect(customerFinal.first()).toBeVisible({ timeout: 60_000 });
  await expect(lines.and(page.locator('.transcript-line--agent')).first()).toBeVisible({
    timeout: 30_000,
  });

  // The final went to the assist engine as a customer turn from the call.
  await expect(
    page.locator('.turn--customer .turn__source', { hasText: 'call' }).first(),
  ).toBeVisible({
    timeout: 30_000,
  });

  // A final can be corrected in place.
  await customerFinal
    .first()
    .getByRole('button', { name: /Correct what the customer said/ })
    .click();
  await panel.getByLabel('Corrected text of the customer').fill('I would like to change my order');
  await panel.getByRole('button', { name: 'Save' }).click();
  await expect(panel.getByText('I would like to change my order')).toBeVisible();

  await panel.getByRole('button', { name: 'Stop transcribing' }).click();
  await expect(panel.getByRole('button', { name: 'Start transcribing' })).toBeVisible({
    timeout: 30_000,
  });
});
