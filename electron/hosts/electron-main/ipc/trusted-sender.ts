/**
 * Who may call the services over IPC: the main frame of one of our own windows, showing a
 * page from our own origin (`app://inloop`, or the dev server URL electron-vite gives at
 * startup); a `file://` page never is. Anything else (an iframe, a navigated-away page, another
 * webContents) is refused before the dispatcher sees the payload. (Desktop's
 * `trusted-ipc-sender.ts`, VS Code's `validatedIpcMain`.)
 */

/** An allowed origin: `app://inloop` (the built renderer) or `http(s)://host:port` (dev server). */
export type TrustedOrigin = string;

/** The part of a WebFrameMain the check reads. */
export interface SenderFrame {
  readonly url: string;
  /** null for a top-level frame. */
  readonly parent: unknown;
}

/** The part of an IPC event the check reads (IpcMainInvokeEvent satisfies it). */
export interface IpcSenderEvent {
  readonly sender: { readonly id: number };
  readonly senderFrame: SenderFrame | null;
}

export type SenderCheck = (event: IpcSenderEvent) => boolean;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True when `url` belongs to one of `allowedOrigins` (pure; the whole trust decision). */
export function isTrustedSenderUrl(url: string, allowedOrigins: readonly TrustedOrigin[]): boolean {
  const candidate = parse(url);
  if (!candidate) return false;
  return allowedOrigins.some((origin) => {
    const allowed = parse(origin);
    if (!allowed) return false;
    if (allowed.protocol === 'app:') {
      // A custom scheme has no URL origin in Node ("null"): its scheme and host decide.
      return candidate.protocol === 'app:' && candidate.host === allowed.host;
    }
    if (allowed.protocol !== 'http:' && allowed.protocol !== 'https:') return false;
    return candidate.origin === allowed.origin;
  });
}

export interface SenderCheckOptions {
  allowedOrigins: readonly TrustedOrigin[];
  /** True for the webContents of a window we created (the overlay). */
  isOwnWebContents(sender: { readonly id: number }): boolean;
}

/** The sender check every IPC handler runs: own webContents, main frame, own origin. */
export function createSenderCheck(options: SenderCheckOptions): SenderCheck {
  return (event) => {
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null) return false;
    if (!options.isOwnWebContents(event.sender)) return false;
    return isTrustedSenderUrl(frame.url, options.allowedOrigins);
  };
}
