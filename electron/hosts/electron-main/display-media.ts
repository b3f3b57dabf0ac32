/**
 * The answer to the renderer's `getDisplayMedia` (how the customer's side of a softphone
 * call is captured): the primary screen as the required video source, which the renderer
 * drops at once, plus system loopback audio where the OS gives it (Windows, and macOS 13 and
 * later). Elsewhere the request is refused, and the renderer tells the agent to pick a
 * monitor input device (PulseAudio / PipeWire "Monitor of …" on Linux). Only our own page's
 * main frame may ask.
 */
import { isTrustedSenderUrl, type TrustedOrigin } from './ipc/trusted-sender';

export interface DisplaySourceLike {
  readonly id: string;
  readonly name: string;
}

export interface DisplayMediaRequestLike {
  readonly frame: { readonly url: string } | null;
  readonly audioRequested?: boolean;
}

export type DisplayMediaAnswer<S> = { video: S; audio: 'loopback' } | null;

export interface DisplayMediaSessionLike<S> {
  setDisplayMediaRequestHandler(
    handler: (
      request: DisplayMediaRequestLike,
      callback: (streams: { video?: S; audio?: 'loopback' }) => void,
    ) => void,
  ): void;
}

export interface DesktopCapturerLike<S> {
  getSources(options: { types: ('screen' | 'window')[] }): Promise<S[]>;
}

/** Does this OS give loopback (system) audio? macOS needs 13 (Darwin 22) or later. */
export function supportsLoopbackAudio(platform: string, osRelease: string): boolean {
  if (platform === 'win32') return true;
  if (platform === 'darwin') return Number.parseInt(osRelease, 10) >= 22;
  return false;
}

/** What to answer a display-media request with: a screen plus loopback audio, or refuse. */
export function decideDisplayMedia<S>(
  request: DisplayMediaRequestLike,
  sources: readonly S[],
  facts: { platform: string; osRelease: string; allowedOrigins: readonly TrustedOrigin[] },
): DisplayMediaAnswer<S> {
  if (!request.frame || !isTrustedSenderUrl(request.frame.url, facts.allowedOrigins)) return null;
  if (!supportsLoopbackAudio(facts.platform, facts.osRelease)) return null;
  const screen = sources[0];
  return screen === undefined ? null : { video: screen, audio: 'loopback' };
}

/** Install the handler on the window's session. */
export function installDisplayMediaHandler<S>(
  session: DisplayMediaSessionLike<S>,
  capturer: DesktopCapturerLike<S>,
  facts: { platform: string; osRelease: string; allowedOrigins: readonly TrustedOrigin[] },
): void {
  session.setDisplayMediaRequestHandler((request, callback) => {
    capturer
      .getSources({ types: ['screen'] })
      .then((sources) => callback(decideDisplayMedia(request, sources, facts) ?? {}))
      // An empty answer refuses the request; the renderer shows the fix.
      .catch(() => callback({}));
  });
}
