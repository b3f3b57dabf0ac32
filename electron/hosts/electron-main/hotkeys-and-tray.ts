/**
 * The agent's controls outside the page: global shortcuts and the tray, wired to the
 * overlay controller and the capture service, and kept in step with settings and state
 * events. Returns one `dispose` for quit.
 */
import type { EventChannel, EventOf } from '../../../shared/contract';
import type { CaptureService } from '../../services/overlay/capture-service';
import type { EventBus } from '../../services/core/event-bus';
import type { Settings } from '../../../shared/schemas/settings';
import type { GlobalShortcutLike } from './electron-deps';
import { createHotkeyManager } from './hotkeys';
import type { OverlayWindowController } from './overlay-window-controller';
import { createTray, type TrayDeps } from './tray';
import type { TrayState } from './tray-menu';

export interface HotkeysAndTrayOptions {
  overlay: OverlayWindowController;
  capture: CaptureService;
  bus: EventBus;
  settings: Settings;
  globalShortcut: GlobalShortcutLike;
  trayDeps: TrayDeps;
  quit(): void;
  /** App updates: the tray offers a check while they are on (absent: never). */
  updates?: { canCheck(): boolean; check(): void };
}

/** Register the shortcuts, create the tray, and follow settings and state changes. */
export function wireHotkeysAndTray(options: HotkeysAndTrayOptions): { dispose(): void } {
  const { overlay, capture, bus } = options;
  const hotkeys = createHotkeyManager({
    globalShortcut: options.globalShortcut,
    actions: {
      toggleOverlay: () => overlay.toggleVisible(),
      toggleClickThrough: () => overlay.toggleClickThrough(),
      togglePause: () => capture.togglePaused(),
    },
    setProblems: (problems) => overlay.setHotkeyProblems(problems),
    bus,
  });
  hotkeys.apply(options.settings.hotkeys);

  const trayState = (): TrayState => ({
    overlayVisible: overlay.getState().visible,
    clickThrough: overlay.getState().clickThrough,
    capture: capture.getState().state,
    checkForUpdates: options.updates?.canCheck() ?? false,
  });
  const tray = createTray(options.trayDeps, trayState(), {
    'toggle-overlay': () => overlay.toggleVisible(),
    'toggle-pause': () => capture.togglePaused(),
    'toggle-click-through': () => overlay.toggleClickThrough(),
    'check-updates': () => options.updates?.check(),
    quit: options.quit,
  });

  const unsubscribe = [
    onEvent(bus, 'settings:changed', (next) => {
      overlay.applySettings(next);
      hotkeys.apply(next.hotkeys);
      tray.update(trayState());
    }),
    onEvent(bus, 'overlay:state', () => tray.update(trayState())),
    onEvent(bus, 'capture:state', () => tray.update(trayState())),
  ];
  return {
    dispose() {
      for (const stop of unsubscribe) stop();
      hotkeys.dispose();
      tray.destroy();
    },
  };
}

/** Subscribe to one event of the bus with its payload typed. */
function onEvent<E extends EventChannel>(
  bus: EventBus,
  name: E,
  handler: (payload: EventOf<E>) => void,
): () => void {
  return bus.subscribe((event, payload) => {
    const channel: EventChannel = event;
    if (channel === name) handler(payload as unknown as EventOf<E>);
  });
}
