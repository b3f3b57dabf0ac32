/**
 * Issue 16, item 9: the renderer comes from a privileged custom scheme, `app://inloop`, not
 * from `file://`: registered before the app is ready as standard and secure, it serves only
 * files of the built renderer, with the Electron window's CSP (no local WebSocket: the page
 * talks to the services over IPC). The fuse is checked in test/packaging.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  APP_ORIGIN,
  registerAppScheme,
  serveAppScheme,
} from '../../../../electron/hosts/electron-main/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../../../electron/hosts/web/static-files';
import { FakeProtocol } from '../../../electron-mock';

let dir: string;
let protocol: FakeProtocol;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'inloop-app-scheme-'));
  await mkdir(join(dir, 'renderer', 'assets'), { recursive: true });
  await writeFile(join(dir, 'renderer', 'index.html'), '<!doctype html><title>Inloop</title>');
  await writeFile(join(dir, 'renderer', 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(dir, 'secret.txt'), 'not for the page');
  protocol = new FakeProtocol();
  registerAppScheme(protocol);
  serveAppScheme(protocol, join(dir, 'renderer'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the app:// scheme', () => {
  it('is registered as a standard, secure scheme with fetch', () => {
    expect(APP_ORIGIN).toBe('app://inloop');
    expect(protocol.privileged).toEqual([
      {
        scheme: 'app',
        privileges: expect.objectContaining({
          standard: true,
          secure: true,
          supportFetchAPI: true,
        }),
      },
    ]);
  });

  it('serves the built renderer with its type and the Electron CSP', async () => {
    const page = await protocol.fetch('app://inloop/index.html');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('<title>Inloop</title>');
    const script = await protocol.fetch('app://inloop/assets/app.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const csp = page.headers.get('content-security-policy')!;
    expect(csp).toMatch(/connect-src 'self';/);
    expect(csp).not.toMatch(/ws:/);
    // The web build keeps its own policy, with the local WebSocket.
    expect(CONTENT_SECURITY_POLICY).toMatch(/connect-src 'self' ws:\/\/127\.0\.0\.1:\*/);
  });

  it.each([
    'app://inloop/../secret.txt',
    'app://inloop/%2e%2e/secret.txt',
    'app://inloop/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://inloop/a%00.js',
    'app://inloop/missing.js',
    'app://inloop/assets',
    'app://other/index.html',
  ])('answers 404 for %s', async (url) => {
    expect((await protocol.fetch(url)).status).toBe(404);
  });

  it('answers only GET and HEAD', async () => {
    expect((await protocol.fetch('app://inloop/index.html', { method: 'POST' })).status).toBe(405);
  });
});
