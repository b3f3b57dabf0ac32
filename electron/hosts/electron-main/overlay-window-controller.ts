/**
 * The Electron `OverlayController`: keeps the overlay window and the `OverlayState` the UI
 * shows in step, and publishes every change as an `overlay:state` event. Preferences
 * (mode, dock side, always-on-top, opacity, content protection) come from settings and are
 * re-applied on every `settings:changed`; transient state (visible, click-through, hotkey
 * problems) lives here.
 */
import type { HotkeyProblem, OverlayState } from '../../../shared/schemas/overlay';
import type { OverlayMode, Settings } from '../../../shared/schemas/settings';
import type { EventBus } from '../../services/core/event-bus';
import type { OverlayController } from '../../services/overlay/overlay-controller';
import type { OverlayWindowLike, ScreenLike } from './electron-deps';
import { alwaysOnTopLevel, DEFAULT_SIZE, MIN_SIZE } from './overlay-window-options';
import { dockBounds, rememberBounds, restoreBounds, type WindowState } from './window-state';

export interface OverlayWindowControllerDeps {
  window: OverlayWindowLike;
  screen: ScreenLike;
  bus: EventBus;
  settings: Settings;
  windowState: WindowState;
  onWindowStateChange(state: WindowState): void;
  platform: NodeJS.Platform;
}

export class OverlayWindowController implements OverlayController {
  readonly window: OverlayWindowLike;
  private state: OverlayState;
  private overlay: Settings['overlay'];
  private windowState: WindowState;
  private quitting = false;

  constructor(private readonly deps: OverlayWindowControllerDeps) {
    this.window = deps.window;
    this.overlay = deps.settings.overlay;
    this.windowState = deps.windowState;
    this.state = {
      visible: true,
      mode: this.overlay.mode,
      clickThrough: false,
      hotkeyProblems: [],
    };
    this.applyWindowPreferences();
    if (deps.platform === 'darwin') {
      // Above full-screen apps too (a full-screen helpdesk is common on macOS).
      this.window.setVisibleOnAllWorkspaces(true, { visibleOnFullScreen: true });
    }
    this.window.on('ready-to-show', () => {
      if (this.state.visible) this.window.show();
    });
    this.window.on('moved', () => this.rememberFloatingBounds());
    this.window.on('resized', () => this.rememberFloatingBounds());
    this.window.on('close', (event) => {
      // Closing the overlay hides it (the tray and the hotkey bring it back); Quit quits.
      if (this.quitting) return;
      event.preventDefault();
      this.hide();
    });
    for (const change of ['display-added', 'display-removed', 'display-metrics-changed'] as const) {
      deps.screen.on(change, () => this.place());
    }
  }

  getState(): OverlayState {
    return this.state;
  }

  setClickThrough(enabled: boolean): OverlayState {
    if (enabled) this.window.setIgnoreMouseEvents(true, { forward: true });
    else this.window.setIgnoreMouseEvents(false);
    return this.update({ clickThrough: enabled });
  }

  toggleClickThrough(): OverlayState {
    return this.setClickThrough(!this.state.clickThrough);
  }

  setMode(mode: OverlayMode): OverlayState {
    if (mode === this.state.mode) return this.state;
    this.overlay = { ...this.overlay, mode };
    this.update({ mode });
    this.place();
    return this.state;
  }

  hide(): OverlayState {
    this.window.hide();
    return this.update({ visible: false });
  }

  show(): OverlayState {
    if (this.window.isMinimized()) this.window.restore();
    this.window.show();
    this.window.focus();
    return this.update({ visible: true });
  }

  toggleVisible(): OverlayState {
    return this.state.visible ? this.hide() : this.show();
  }

  setHotkeyProblems(problems: readonly HotkeyProblem[]): OverlayState {
    if (JSON.stringify(problems) === JSON.stringify(this.state.hotkeyProblems)) return this.state;
    return this.update({ hotkeyProblems: [...problems] });
  }

  /** Re-apply the overlay preferences after a settings change. */
  applySettings(settings: Settings): void {
    const previous = this.overlay;
    this.overlay = settings.overlay;
    this.applyWindowPreferences();
    if (previous.mode !== this.overlay.mode || previous.dockSide !== this.overlay.dockSide) {
      if (this.state.mode !== this.overlay.mode) this.update({ mode: this.overlay.mode });
      this.place();
    }
  }

  /** Let the next close really close the window (the app is quitting). */
  allowClose(): void {
    this.quitting = true;
  }

  private applyWindowPreferences(): void {
    const { alwaysOnTop, opacity, contentProtection } = this.overlay;
    this.window.setAlwaysOnTop(alwaysOnTop, alwaysOnTopLevel(this.deps.platform));
    this.window.setOpacity(opacity);
    this.window.setContentProtection(contentProtection);
  }

  /** Put the window where its mode says: docked at the edge, or its floating bounds. */
  private place(): void {
    if (this.window.isDestroyed()) return;
    const { screen } = this.deps;
    const floating = restoreBounds({
      state: this.windowState,
      displays: screen.getAllDisplays(),
      primary: screen.getPrimaryDisplay(),
      defaultSize: DEFAULT_SIZE,
      minSize: MIN_SIZE,
    });
    if (this.state.mode === 'docked') {
      const current = this.window.getBounds();
      const display = screen.getDisplayMatching(current);
      this.window.setBounds(
        dockBounds(display.workArea, this.overlay.dockSide, current.width, MIN_SIZE.width),
      );
    } else {
      this.window.setBounds(floating);
    }
  }

  private rememberFloatingBounds(): void {
    if (this.state.mode !== 'overlay' || this.window.isDestroyed()) return;
    const bounds = this.window.getBounds();
    this.windowState = rememberBounds(
      this.windowState,
      this.deps.screen.getDisplayMatching(bounds),
      bounds,
    );
    this.deps.onWindowStateChange(this.windowState);
  }

  private update(patch: Partial<OverlayState>): OverlayState {
    this.state = { ...this.state, ...patch };
    this.deps.bus.emit('overlay:state', this.state);
    return this.state;
  }
}
