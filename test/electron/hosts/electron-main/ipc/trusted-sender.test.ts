import { describe, expect, it } from 'vitest';
import { isTrustedSenderUrl } from '../../../../../electron/hosts/electron-main/ipc/trusted-sender';

const RENDERER = 'app://inloop';
const DEV = 'http://localhost:5173';

describe('isTrustedSenderUrl', () => {
  it.each([
    ['the packaged page', `${RENDERER}/index.html`],
    ['a page with a hash route', `${RENDERER}/index.html#/settings`],
    ['the dev server page', 'http://localhost:5173/'],
    ['a dev server route', 'http://localhost:5173/settings?tab=shortcuts'],
  ])('trusts %s', (_name, url) => {
    expect(isTrustedSenderUrl(url, [RENDERER, DEV])).toBe(true);
  });

  it.each([
    ['a local file', 'file:///etc/passwd'],
    [
      'the built renderer as a file (file:// is no longer ours)',
      'file:///opt/Inloop/resources/app.asar/out/renderer/index.html',
    ],
    ['the app scheme under another host', 'app://evil/index.html'],
    ['a host that starts like ours', 'app://inloop.evil/index.html'],
    ['another scheme with our host', 'apps://inloop/index.html'],
    ['the dev server on another port', 'http://localhost:5174/'],
    ['a host that starts like the dev server', 'http://localhost:5173.evil.example/'],
    ['https instead of http', 'https://localhost:5173/'],
    ['a web page', 'https://evil.example/'],
    ['about:blank', 'about:blank'],
    ['a data URL', 'data:text/html,<script>alert(1)</script>'],
    ['not a URL', 'index.html'],
    ['an empty string', ''],
  ])('does not trust %s', (_name, url) => {
    expect(isTrustedSenderUrl(url, [RENDERER, DEV])).toBe(false);
  });

  it('does not trust the dev server when only the packaged renderer is allowed', () => {
    expect(isTrustedSenderUrl('http://localhost:5173/', [RENDERER])).toBe(false);
  });

  it('ignores allowed entries that are neither http(s) nor the app scheme', () => {
    expect(isTrustedSenderUrl('about:blank', ['about:blank'])).toBe(false);
  });
});
