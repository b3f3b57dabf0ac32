/**
 * The overlay window: a frameless, always-on-top, resizable panel beside the helpdesk,
 * dragged by its header (CSS `app-region: drag` in the renderer). `createOverlayWindow`
 * places it (remembered floating bounds, or docked at the edge) and hands it to the
 * controller that implements `OverlayController`.
 */
import type { Settings } from '../../../shared/schemas/settings';
import type { EventBus } from '../../services/core/event-bus';
import type { BrowserWindowConstructor, ScreenLike } from './electron-deps';
import { OverlayWindowController } from './overlay-window-controller';
import { DEFAULT_SIZE, MIN_SIZE, overlayWindowOptions } from './overlay-window-options';
import { dockBounds, restoreBounds, type WindowState } from './window-state';

export interface OverlayWindowSetup {
  BrowserWindow: BrowserWindowConstructor;
  screen: ScreenLike;
  bus: EventBus;
  settings: Settings;
  windowState: WindowState;
  /** Called with the new remembered bounds whenever the agent moves or resizes the overlay. */
  onWindowStateChange(state: WindowState): void;
  preloadPath: string;
  isPackaged: boolean;
  platform: NodeJS.Platform;
  skipTaskbar?: boolean;
}

/** Create the overlay window (hidden until its page is ready) and its controller. */
export function createOverlayWindow(setup: OverlayWindowSetup): OverlayWindowController {
  const { screen, settings } = setup;
  const floating = restoreBounds({
    state: setup.windowState,
    displays: screen.getAllDisplays(),
    primary: screen.getPrimaryDisplay(),
    defaultSize: DEFAULT_SIZE,
    minSize: MIN_SIZE,
  });
  const bounds =
    settings.overlay.mode === 'docked'
      ? dockBounds(
          screen.getDisplayMatching(floating).workArea,
          settings.overlay.dockSide,
          floating.width,
          MIN_SIZE.width,
        )
      : floating;
  const window = new setup.BrowserWindow(
    overlayWindowOptions({
      bounds,
      preloadPath: setup.preloadPath,
      isPackaged: setup.isPackaged,
      platform: setup.platform,
      alwaysOnTop: settings.overlay.alwaysOnTop,
      ...(setup.skipTaskbar === undefined ? {} : { skipTaskbar: setup.skipTaskbar }),
    }),
  );
  return new OverlayWindowController({
    window,
    screen,
    bus: setup.bus,
    settings,
    windowState: setup.windowState,
    onWindowStateChange: setup.onWindowStateChange,
    platform: setup.platform,
  });
}
