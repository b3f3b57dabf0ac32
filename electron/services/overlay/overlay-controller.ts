/**
 * What the services need from the overlay window. The Electron host implements it over a
 * BrowserWindow; the web and CLI hosts use the detached controller below, which keeps the
 * same state (so the UI's indicators work in a browser) without a window.
 */
import type { OverlayMode } from '../../../shared/schemas/settings';
import type { OverlayState } from '../../../shared/schemas/overlay';
import type { EventBus } from '../core/event-bus';

export interface OverlayController {
  getState(): OverlayState;
  setClickThrough(enabled: boolean): OverlayState;
  setMode(mode: OverlayMode): OverlayState;
  hide(): OverlayState;
}

export function createDetachedOverlay(bus: EventBus, mode: OverlayMode): OverlayController {
  let state: OverlayState = { visible: true, mode, clickThrough: false, hotkeyProblems: [] };
  const update = (patch: Partial<OverlayState>) => {
    state = { ...state, ...patch };
    bus.emit('overlay:state', state);
    return state;
  };
  return {
    getState: () => state,
    setClickThrough: (enabled) => update({ clickThrough: enabled }),
    setMode: (next) => update({ mode: next }),
    hide: () => update({ visible: false }),
  };
}
