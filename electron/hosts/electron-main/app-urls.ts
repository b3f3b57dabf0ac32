/**
 * Where the overlay's page comes from and which origins are ours. Pure: the packaged app
 * loads the built renderer from disk; a development run loads electron-vite's dev server,
 * whose URL arrives in ELECTRON_RENDERER_URL. A packaged app ignores that variable, so
 * nobody can point the privileged window (and its preload) at another site.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TrustedOrigin } from './ipc/trusted-sender';

export interface RendererInputs {
  isPackaged: boolean;
  /** ELECTRON_RENDERER_URL, set by `electron-vite dev`. */
  devServerUrl: string | undefined;
  /** The built renderer folder (out/renderer). */
  rendererDir: string;
}

export type RendererLocation = { kind: 'url'; url: string } | { kind: 'file'; path: string };

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
  return dev
    ? { kind: 'url', url: dev.href }
    : { kind: 'file', path: join(inputs.rendererDir, 'index.html') };
}

/** The origins IPC, navigation and permissions trust: the renderer folder, plus the dev server. */
export function trustedOrigins(inputs: RendererInputs): TrustedOrigin[] {
  const folder = pathToFileURL(join(inputs.rendererDir, '/')).href;
  const dev = devServer(inputs);
  return dev ? [folder, dev.origin] : [folder];
}
