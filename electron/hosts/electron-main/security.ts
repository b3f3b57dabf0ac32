/**
 * The security baseline of Electron's checklist, applied to every webContents: no new
 * windows, no navigation away from our origin, only parsed http(s) links opened in the
 * browser, no permissions except the microphone for our own page, no DevTools when packaged.
 * The decisions are pure functions; `hardenWebContents` and `installPermissionHandlers`
 * only attach them.
 */
import { isTrustedSenderUrl, type TrustedOrigin } from './ipc/trusted-sender';
import type { ShellLike, WebContentsLike } from './electron-deps';

/** The URL if it is an absolute http(s) URL, else null. */
export function parseExternalUrl(url: string): URL | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed : null;
  } catch {
    return null;
  }
}

/** Open `url` in the default browser if it is http(s); true when it was opened. */
export async function openExternalSafely(shell: ShellLike, url: string): Promise<boolean> {
  const parsed = parseExternalUrl(url);
  if (!parsed) return false;
  await shell.openExternal(parsed.href);
  return true;
}

export interface PermissionRequestFacts {
  /** The URL of the frame asking. */
  requestingUrl: string;
  isMainFrame: boolean;
  /** For `media`: which devices (`audio` is the microphone, `video` the camera). */
  mediaTypes?: readonly ('audio' | 'video')[];
}

/**
 * Grant only the microphone, only to the main frame of our own page (for live transcripts);
 * the camera, screen capture, notifications, geolocation and everything else are refused.
 */
export function decidePermission(
  permission: string,
  facts: PermissionRequestFacts,
  allowedOrigins: readonly TrustedOrigin[],
): boolean {
  if (permission !== 'media') return false;
  if (!facts.isMainFrame || !isTrustedSenderUrl(facts.requestingUrl, allowedOrigins)) return false;
  return !(facts.mediaTypes ?? []).includes('video');
}

export interface HardenOptions {
  allowedOrigins: readonly TrustedOrigin[];
  shell: ShellLike;
  isPackaged: boolean;
  log?: { warn(message: string, detail?: unknown): void };
}

/** Attach the window-open, navigation and DevTools rules to one webContents. */
export function hardenWebContents(contents: WebContentsLike, options: HardenOptions): void {
  contents.setWindowOpenHandler(({ url }) => {
    // Links meant for a new window (target=_blank) open in the agent's browser instead.
    openExternalSafely(options.shell, url).catch((error: unknown) =>
      options.log?.warn('could not open a link in the browser', error),
    );
    return { action: 'deny' };
  });
  const keepOnOrigin = (kind: string) => (event: { url: string; preventDefault(): void }) => {
    if (isTrustedSenderUrl(event.url, options.allowedOrigins)) return;
    event.preventDefault();
    options.log?.warn(`blocked ${kind} away from Inloop`, { url: event.url });
  };
  contents.on('will-navigate', keepOnOrigin('navigation'));
  contents.on('will-redirect', keepOnOrigin('redirect'));
  if (options.isPackaged) {
    // webPreferences.devTools is already false; this also covers webContents we did not create.
    contents.on('devtools-opened', () => contents.closeDevTools());
  }
}

/** The part of Electron's Session used here. */
export interface SessionLike {
  setPermissionRequestHandler(
    handler: (
      webContents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
      details: PermissionRequestFacts,
    ) => void,
  ): void;
  setPermissionCheckHandler(
    handler: (
      webContents: unknown,
      permission: string,
      requestingOrigin: string,
      details: { requestingUrl?: string; isMainFrame: boolean; mediaType?: string },
    ) => boolean,
  ): void;
}

/** Route every permission request and check of `session` through `decidePermission`. */
export function installPermissionHandlers(
  session: SessionLike,
  allowedOrigins: readonly TrustedOrigin[],
): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(decidePermission(permission, details, allowedOrigins)),
  );
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    decidePermission(
      permission,
      {
        requestingUrl: details.requestingUrl ?? requestingOrigin,
        isMainFrame: details.isMainFrame,
        mediaTypes: details.mediaType === 'video' ? ['video'] : [],
      },
      allowedOrigins,
    ),
  );
}
