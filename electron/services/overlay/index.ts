/**
 * The overlay and capture state: what the header, the tray and the shortcuts show (visible,
 * docked or floating, click-through; idle, listening or paused), behind the `overlay:*` and
 * `capture:*` channels. The Electron host passes its window-backed `OverlayController`; the
 * other hosts get a detached one that keeps the same state without a window.
 */
import type { Capability } from '../core/capability';
import type { EventBus } from '../core/event-bus';
import type { SettingsService } from '../settings/settings-service';
import { CaptureService } from './capture-service';
import { createDetachedOverlay, type OverlayController } from './overlay-controller';

export { CaptureService, type OverlayController };

export interface OverlayDeps {
  readonly bus: EventBus;
  readonly settings: SettingsService;
  /** The host's window; absent for hosts without one. */
  readonly controller?: OverlayController;
}

export interface OverlayServices {
  readonly overlay: OverlayController;
  readonly capture: CaptureService;
}

export function createOverlay(
  deps: OverlayDeps,
): Capability<OverlayServices, 'overlay' | 'capture'> {
  const { settings } = deps;
  const overlay = deps.controller ?? createDetachedOverlay(deps.bus, settings.get().overlay.mode);
  const capture = new CaptureService(deps.bus);
  return {
    service: { overlay, capture },
    handlers: {
      'overlay:get-state': () => overlay.getState(),
      'overlay:set-click-through': ({ enabled }) => overlay.setClickThrough(enabled),
      'overlay:set-mode': async ({ mode }) => {
        await settings.update({ overlay: { mode } });
        return overlay.setMode(mode);
      },
      'overlay:hide': () => overlay.hide(),
      'capture:get-state': () => capture.getState(),
      'capture:set-paused': ({ paused }) => capture.setPaused(paused),
    },
    close: async () => {},
  };
}
