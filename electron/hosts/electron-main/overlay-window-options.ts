/**
 * The overlay window's construction options and placement constants, as pure functions so
 * the security baseline (contextIsolation, sandbox, no Node, no DevTools when packaged) is
 * asserted in tests.
 */
import type { BrowserWindowConstructorOptions } from 'electron';
import type { AlwaysOnTopLevel, Rectangle } from './electron-deps';
import type { Size } from './window-state';

export const MIN_SIZE: Size = { width: 320, height: 240 };
export const DEFAULT_SIZE: Size = { width: 400, height: 640 };

/**
 * macOS needs the screen-saver level to stay above full-screen apps; elsewhere `floating`
 * keeps the overlay above normal windows without covering system UI.
 */
export function alwaysOnTopLevel(platform: NodeJS.Platform): AlwaysOnTopLevel {
  return platform === 'darwin' ? 'screen-saver' : 'floating';
}

/**
 * A transparent background only where it keeps the window resizable: on Windows and Linux,
 * Electron documents transparent windows as not reliably resizable, and opacity there comes
 * from `setOpacity` (Windows) instead.
 */
export function usesTransparentBackground(platform: NodeJS.Platform): boolean {
  return platform === 'darwin';
}

export interface WindowOptionsInputs {
  bounds: Rectangle;
  preloadPath: string;
  isPackaged: boolean;
  platform: NodeJS.Platform;
  alwaysOnTop: boolean;
  /** Keep the overlay out of the taskbar (off by default so agents can find it). */
  skipTaskbar?: boolean;
}

/** The BrowserWindow options of the overlay (pure). */
export function overlayWindowOptions(inputs: WindowOptionsInputs): BrowserWindowConstructorOptions {
  const transparent = usesTransparentBackground(inputs.platform);
  return {
    ...inputs.bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: 'Inloop',
    show: false,
    frame: false,
    transparent,
    ...(transparent ? { backgroundColor: '#00000000' } : {}),
    resizable: true,
    maximizable: false,
    fullscreenable: false,
    alwaysOnTop: inputs.alwaysOnTop,
    skipTaskbar: inputs.skipTaskbar ?? false,
    webPreferences: {
      preload: inputs.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: !inputs.isPackaged,
      spellcheck: false,
    },
  };
}
