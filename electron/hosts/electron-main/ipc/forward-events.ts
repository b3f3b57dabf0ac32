/**
 * Pushes every EventBus event to our windows: the only code that calls `webContents.send`.
 * One IPC channel per event name of the contract (`settings:changed`, `overlay:state`, ...);
 * the preload's `api.on(event, ...)` listens on the same names.
 */
import type { EventBus } from '../../../services/core/event-bus';

/** The part of a webContents used here. */
export interface EventTarget {
  isDestroyed(): boolean;
  send(channel: string, payload: unknown): void;
}

/**
 * Forward bus events to the windows `getWebContents` returns at the time of each event
 * (windows come and go). Returns the unsubscribe function.
 */
export function forwardEvents(
  bus: EventBus,
  getWebContents: () => readonly EventTarget[],
): () => void {
  return bus.subscribe((event, payload) => {
    for (const contents of getWebContents()) {
      if (!contents.isDestroyed()) contents.send(event, payload);
    }
  });
}
