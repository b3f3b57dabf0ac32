/**
 * What the app is doing right now: the host's info and capabilities, the overlay window,
 * capture, and the link to the services. Transient; preferences live in settings.
 */
import type { InloopApi } from '../../../shared/api';
import type { Result } from '../../../shared/result';
import type { AppInfo } from '../../../shared/schemas/app';
import type { CaptureState, OverlayState } from '../../../shared/schemas/overlay';
import type { OverlayMode } from '../../../shared/schemas/settings';
import type { ConnectionStatus } from '../api/connection';
import type { InloopState, SliceCreator } from './store';

export interface StatusSlice {
  appInfo: AppInfo | null;
  overlay: OverlayState | null;
  capture: CaptureState | null;
  connection: ConnectionStatus;
  setAppInfo(info: AppInfo): void;
  setOverlay(overlay: OverlayState): void;
  setCapture(capture: CaptureState): void;
  setConnection(connection: ConnectionStatus): void;
  setCapturePaused(paused: boolean): Promise<void>;
  setClickThrough(enabled: boolean): Promise<void>;
  setOverlayMode(mode: OverlayMode): Promise<void>;
}

export const createStatusSlice =
  (api: InloopApi): SliceCreator<StatusSlice> =>
  (set, get) => {
    /** Run a request; store its value, or report the failure under `action`. */
    const run = async <T>(
      action: string,
      request: Promise<Result<T>>,
      store: (value: T) => Partial<InloopState>,
    ) => {
      const result = await request;
      if (result.ok) set(store(result.value));
      else get().reportError(action, result.error);
    };
    return {
      appInfo: null,
      overlay: null,
      capture: null,
      connection: 'connecting',
      setAppInfo: (appInfo) => set({ appInfo }),
      setOverlay: (overlay) => set({ overlay }),
      setCapture: (capture) => set({ capture }),
      setConnection: (connection) => set({ connection }),
      setCapturePaused: (paused) =>
        run(
          paused ? 'pause capture' : 'resume capture',
          api.capture.setPaused({ paused }),
          (capture) => ({
            capture,
          }),
        ),
      setClickThrough: (enabled) =>
        run('change click-through', api.overlay.setClickThrough({ enabled }), (overlay) => ({
          overlay,
        })),
      setOverlayMode: (mode) =>
        run('switch the window mode', api.overlay.setMode({ mode }), (overlay) => ({ overlay })),
    };
  };
