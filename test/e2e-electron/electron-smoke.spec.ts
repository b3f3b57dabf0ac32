/**
 * Smoke test of the real Electron app: the built app starts, opens the overlay window, and
 * its page reaches the services through the preload (`window.inloop`).
 *
 * Needs the Electron binary (downloaded from Electron's GitHub releases by
 * node_modules/electron/install.js) and a build (`npx electron-vite build`). Where the
 * binary is missing, as on machines without GitHub access, the test is skipped, not failed.
 * On Linux without a display, run it under xvfb-run.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';

const root = resolve(import.meta.dirname, '../..');

const SKIP_REASON =
  'The Electron binary is not installed (node_modules/electron has no dist/; it downloads from ' +
  "Electron's GitHub releases). Run `node node_modules/electron/install.js` where GitHub is reachable.";

/**
 * The Electron executable, or null when it is not installed. Looks for the binary before
 * calling `require('electron')`, because that call starts a download when it is missing.
 */
function electronBinary(): string | null {
  const require = createRequire(import.meta.url);
  try {
    const pkg = dirname(require.resolve('electron/package.json'));
    const pathFile = join(pkg, 'path.txt');
    if (!process.env.ELECTRON_OVERRIDE_DIST_PATH) {
      if (!existsSync(pathFile)) return null;
      if (!existsSync(join(pkg, 'dist', readFileSync(pathFile, 'utf8')))) return null;
    }
    const path: unknown = require('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

test('the overlay window opens and its page answers app.info() as the Electron host', async () => {
  const executablePath = electronBinary();
  if (executablePath === null) {
    test.skip(true, SKIP_REASON);
    return;
  }
  expect(
    existsSync(join(root, 'out', 'main', 'index.js')),
    'build first: npx electron-vite build',
  ).toBe(true);

  const dataDir = await mkdtemp(join(tmpdir(), 'inloop-electron-e2e-'));
  // Chromium refuses to start as root without --no-sandbox (containers, CI images).
  const args = process.getuid?.() === 0 ? [root, '--no-sandbox'] : [root];
  const app = await electron.launch({
    executablePath,
    args,
    env: { ...process.env, INLOOP_DATA_DIR: dataDir, ELECTRON_RENDERER_URL: '' },
  });
  try {
    const page = await app.firstWindow();
    await page.waitForFunction(() => typeof window.inloop?.app.info === 'function');
    const info = await page.evaluate(() => window.inloop?.app.info());
    expect(info).toMatchObject({ ok: true, value: { host: 'electron' } });
  } finally {
    await app.close();
    await rm(dataDir, { recursive: true, force: true });
  }
});
