/**
 * Where the overlay's page comes from and which origins are ours. Pure: the app loads the
 * built renderer through its `app://inloop` scheme (app-protocol.ts); a development run loads
 * electron-vite's dev server, whose URL arrives in ELECTRON_RENDERER_URL. A packaged app
 * ignores that variable, so nobody can point the privileged window (and its preload) at
 * another site. `file://` is never ours.
 */
import { APP_ORIGIN } from './app-protocol';
import type { TrustedOrigin } from './ipc/trusted-sender';

export interface RendererInputs {
  isPackaged: boolean;
  /** ELECTRON_RENDERER_URL, set by `electron-vite dev`. */
  devServerUrl: string | undefined;
  /** The built renderer folder (out/renderer). */
  rendererDir: string;
}

/** The dev server's page, or the built renderer's page on the app scheme. */
export type RendererLocation = { kind: 'url'; url: string } | { kind: 'app'; url: string };

function devServer(inputs: RendererInputs): URL | null {
  if (inputs.isPackaged || !inputs.devServerUrl) return null;
  try {
    const url = new URL(inputs.devServerUrl);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/** What the overlay window loads. */
export function rendererLocation(inputs: RendererInputs): RendererLocation {
  const dev = devServer(inputs);
  return dev ? { kind: 'url', url: dev.href } : { kind: 'app', url: `${APP_ORIGIN}/index.html` };
}

/** The origins IPC, navigation and permissions trust: the app scheme, plus the dev server. */
export function trustedOrigins(inputs: RendererInputs): TrustedOrigin[] {
  const dev = devServer(inputs);
  return dev ? [APP_ORIGIN, dev.origin] : [APP_ORIGIN];
}
