/**
 * The state of the link between the renderer and the services. Electron's IPC is always
 * open; the browser's WebSocket can drop and come back, and the UI says so.
 */

/**
 * - `connecting`: first attempt, nothing answered yet
 * - `open`: requests flow
 * - `reconnecting`: the link was open and dropped; retrying
 * - `unreachable`: never opened after several attempts (host stopped, or a stale link)
 */
export type ConnectionStatus = 'connecting' | 'open' | 'reconnecting' | 'unreachable';

/** Observe the connection; `onStatus` returns the unsubscribe function. */
export interface ConnectionMonitor {
  status(): ConnectionStatus;
  onStatus(listener: (status: ConnectionStatus) => void): () => void;
}

/** The monitor for hosts whose link cannot drop (Electron IPC). */
export const alwaysOpen: ConnectionMonitor = {
  status: () => 'open',
  onStatus: () => () => {},
};
