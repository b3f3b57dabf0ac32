import { describe, expect, it } from 'vitest';
import {
  decidePermission,
  hardenWebContents,
  installPermissionHandlers,
  openExternalSafely,
} from '../../../../electron/hosts/electron-main/security';
import { FakeSession, FakeShell, FakeWebContents, preventableEvent } from '../../../electron-mock';

const RENDERER = 'app://inloop';
const PAGE = `${RENDERER}/index.html`;
const origins = [RENDERER];

function hardened(isPackaged = true) {
  const contents = new FakeWebContents();
  const shell = new FakeShell();
  const warnings: string[] = [];
  hardenWebContents(contents, {
    allowedOrigins: origins,
    shell,
    isPackaged,
    log: { warn: (message) => warnings.push(message) },
  });
  return { contents, shell, warnings };
}

const navigate = (
  contents: FakeWebContents,
  kind: 'will-navigate' | 'will-redirect',
  url: string,
) => {
  const event = preventableEvent({ url });
  contents.emit(kind, event);
  return event.defaultPrevented;
};

describe('window.open', () => {
  it('never opens a window inside the app; a web link opens in the browser', async () => {
    const { contents, shell } = hardened();
    expect(contents.windowOpenHandler?.({ url: 'https://help.example.com/article/42' })).toEqual({
      action: 'deny',
    });
    await Promise.resolve();
    expect(shell.opened).toEqual(['https://help.example.com/article/42']);
  });

  it.each(['file:///etc/passwd', 'javascript:alert(1)', 'smb://share/x', 'not a url'])(
    'denies %s and opens nothing',
    async (url) => {
      const { contents, shell } = hardened();
      expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
      await Promise.resolve();
      expect(shell.opened).toEqual([]);
    },
  );
});

describe('navigation', () => {
  it('blocks navigating the overlay to another origin', () => {
    const { contents, warnings } = hardened();
    expect(navigate(contents, 'will-navigate', 'https://evil.example/')).toBe(true);
    expect(navigate(contents, 'will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(warnings).toEqual([
      'blocked navigation away from Inloop',
      'blocked navigation away from Inloop',
    ]);
  });

  it('blocks redirects away from our origin', () => {
    const { contents } = hardened();
    expect(navigate(contents, 'will-redirect', 'https://evil.example/')).toBe(true);
  });

  it('lets the overlay move between its own pages', () => {
    const { contents } = hardened();
    expect(navigate(contents, 'will-navigate', `${PAGE}#/settings`)).toBe(false);
  });
});

describe('DevTools', () => {
  it('closes DevTools at once in the packaged app', () => {
    const { contents } = hardened(true);
    contents.emit('devtools-opened');
    expect(contents.devToolsClosed).toBe(1);
  });

  it('leaves DevTools alone in development', () => {
    const { contents } = hardened(false);
    contents.emit('devtools-opened');
    expect(contents.devToolsClosed).toBe(0);
  });
});

describe('permissions', () => {
  const ours = { requestingUrl: PAGE, isMainFrame: true };

  it('grants the microphone to our own page only', async () => {
    const session = new FakeSession();
    installPermissionHandlers(session, origins);
    await expect(session.request('media', { ...ours, mediaTypes: ['audio'] })).resolves.toBe(true);
    await expect(
      session.request('media', {
        requestingUrl: 'https://evil.example/',
        isMainFrame: true,
        mediaTypes: ['audio'],
      }),
    ).resolves.toBe(false);
  });

  it('refuses the camera, and microphone requests from an iframe', () => {
    expect(decidePermission('media', { ...ours, mediaTypes: ['audio', 'video'] }, origins)).toBe(
      false,
    );
    expect(
      decidePermission('media', { ...ours, isMainFrame: false, mediaTypes: ['audio'] }, origins),
    ).toBe(false);
  });

  it.each([
    'notifications',
    'geolocation',
    'display-capture',
    'clipboard-read',
    'openExternal',
    'hid',
  ])('refuses %s even to our own page', async (permission) => {
    const session = new FakeSession();
    installPermissionHandlers(session, origins);
    await expect(session.request(permission, ours)).resolves.toBe(false);
  });

  it('answers permission checks the same way', () => {
    const session = new FakeSession();
    installPermissionHandlers(session, origins);
    const check = session.checkHandler;
    expect(
      check?.({}, 'media', 'file:///', {
        requestingUrl: PAGE,
        isMainFrame: true,
        mediaType: 'audio',
      }),
    ).toBe(true);
    expect(
      check?.({}, 'media', 'file:///', {
        requestingUrl: PAGE,
        isMainFrame: true,
        mediaType: 'video',
      }),
    ).toBe(false);
    expect(check?.({}, 'geolocation', 'file:///', { requestingUrl: PAGE, isMainFrame: true })).toBe(
      false,
    );
  });
});

describe('openExternalSafely', () => {
  it('opens the normalised http(s) URL and nothing else', async () => {
    const shell = new FakeShell();
    expect(await openExternalSafely(shell, 'HTTPS://Help.Example.com/a b')).toBe(true);
    expect(await openExternalSafely(shell, 'ms-settings:privacy')).toBe(false);
    expect(shell.opened).toEqual(['https://help.example.com/a%20b']);
  });
});
