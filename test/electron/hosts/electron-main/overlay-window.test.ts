import { describe, expect, it } from 'vitest';
import { EventBus } from '../../../../electron/services/core/event-bus';
import { createOverlayWindow } from '../../../../electron/hosts/electron-main/overlay-window';
import {
  emptyWindowState,
  rememberBounds,
  type WindowState,
} from '../../../../electron/hosts/electron-main/window-state';
import type { OverlayState } from '../../../../shared/schemas/overlay';
import { defaultSettings, type Settings } from '../../../../shared/schemas/settings';
import {
  createElectronMock,
  laptop,
  monitor,
  onlyWindow,
  preventableEvent,
} from '../../../electron-mock';

function setup(
  options: { settings?: Settings; windowState?: WindowState; platform?: NodeJS.Platform } = {},
) {
  const mock = createElectronMock([laptop, monitor]);
  const bus = new EventBus();
  const states: OverlayState[] = [];
  bus.subscribe((event, payload) => {
    if (event === 'overlay:state') states.push(payload as OverlayState);
  });
  const saved: WindowState[] = [];
  const controller = createOverlayWindow({
    BrowserWindow: mock.BrowserWindow,
    screen: mock.screen,
    bus,
    settings: options.settings ?? defaultSettings,
    windowState: options.windowState ?? emptyWindowState,
    onWindowStateChange: (state) => saved.push(state),
    preloadPath: '/app/out/preload/index.cjs',
    isPackaged: true,
    platform: options.platform ?? 'win32',
  });
  return { mock, bus, states, saved, controller, window: onlyWindow(mock) };
}

const withOverlay = (overlay: Partial<Settings['overlay']>): Settings => ({
  ...defaultSettings,
  overlay: { ...defaultSettings.overlay, ...overlay },
});

describe('the overlay window', () => {
  it('is frameless, always on top, resizable with a minimum size, and locked down', () => {
    const { window } = setup();
    expect(window.options).toMatchObject({
      frame: false,
      resizable: true,
      minWidth: 320,
      minHeight: 240,
      alwaysOnTop: true,
      show: false,
      webPreferences: {
        preload: '/app/out/preload/index.cjs',
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
        devTools: false,
      },
    });
    expect(window.alwaysOnTop).toEqual({ flag: true, level: 'floating' });
  });

  it('floats above full-screen apps on macOS', () => {
    const { window } = setup({ platform: 'darwin' });
    expect(window.alwaysOnTop.level).toBe('screen-saver');
    expect(window.callsOf('setVisibleOnAllWorkspaces')).toEqual([
      [true, { visibleOnFullScreen: true }],
    ]);
    expect(window.options.transparent).toBe(true);
  });

  it('appears once its page is ready', () => {
    const { window } = setup();
    expect(window.visible).toBe(false);
    window.emit('ready-to-show');
    expect(window.visible).toBe(true);
  });

  it('lets clicks through to the app below, and back, announcing each change', () => {
    const { controller, window, states } = setup();
    controller.setClickThrough(true);
    expect(window.ignoreMouseEvents).toEqual({ ignore: true, forward: true });
    expect(states.at(-1)?.clickThrough).toBe(true);

    controller.toggleClickThrough();
    expect(window.ignoreMouseEvents).toEqual({ ignore: false, forward: false });
    expect(states.at(-1)?.clickThrough).toBe(false);
  });

  it('docks as a full-height side panel on the chosen side and floats back where it was', () => {
    const { controller, window, states } = setup();
    const floating = window.getBounds();

    controller.setMode('docked');
    expect(window.getBounds()).toEqual({ x: 1040, y: 0, width: 400, height: 860 });
    expect(states.at(-1)?.mode).toBe('docked');

    controller.applySettings(withOverlay({ mode: 'docked', dockSide: 'left' }));
    expect(window.getBounds()).toEqual({ x: 0, y: 0, width: 400, height: 860 });

    controller.applySettings(withOverlay({ mode: 'overlay', dockSide: 'left' }));
    expect(window.getBounds()).toEqual(floating);
    expect(states.at(-1)?.mode).toBe('overlay');
  });

  it('opens docked when the settings say so', () => {
    const { window } = setup({ settings: withOverlay({ mode: 'docked', dockSide: 'right' }) });
    expect(window.getBounds()).toEqual({ x: 1040, y: 0, width: 400, height: 860 });
  });

  it('follows the content-protection and opacity settings (protection off by default)', () => {
    const { controller, window } = setup();
    expect(window.contentProtection).toBe(false);
    controller.applySettings(withOverlay({ contentProtection: true, opacity: 0.8 }));
    expect(window.contentProtection).toBe(true);
    expect(window.opacity).toBe(0.8);
    controller.applySettings(withOverlay({ contentProtection: false }));
    expect(window.contentProtection).toBe(false);
  });

  it('stops being always on top when the agent turns it off', () => {
    const { controller, window } = setup();
    controller.applySettings(withOverlay({ alwaysOnTop: false }));
    expect(window.alwaysOnTop.flag).toBe(false);
  });

  it('hides and shows, announcing visibility', () => {
    const { controller, window, states } = setup();
    window.emit('ready-to-show');
    controller.hide();
    expect(window.visible).toBe(false);
    expect(states.at(-1)?.visible).toBe(false);
    controller.toggleVisible();
    expect(window.visible).toBe(true);
    expect(states.at(-1)?.visible).toBe(true);
  });

  it('hides instead of closing, until the app quits', () => {
    const { controller, window } = setup();
    window.emit('ready-to-show');
    const close = preventableEvent();
    window.emit('close', close);
    expect(close.defaultPrevented).toBe(true);
    expect(window.visible).toBe(false);

    controller.allowClose();
    const finalClose = preventableEvent();
    window.emit('close', finalClose);
    expect(finalClose.defaultPrevented).toBe(false);
  });

  it('remembers where the agent moves it, per display', () => {
    const { window, saved } = setup();
    window.userMovesTo({ x: 3000, y: 200 });
    expect(saved.at(-1)).toEqual(
      rememberBounds(emptyWindowState, monitor, { x: 3000, y: 200, width: 400, height: 640 }),
    );
  });

  it('reopens on the monitor where it was left', () => {
    const state = rememberBounds(emptyWindowState, monitor, {
      x: 3000,
      y: 200,
      width: 420,
      height: 700,
    });
    const { window } = setup({ windowState: state });
    expect(window.getBounds()).toEqual({ x: 3000, y: 200, width: 420, height: 700 });
  });

  it('comes back onto the laptop when the monitor it was on is unplugged', () => {
    const { mock, window } = setup();
    window.userMovesTo({ x: 3000, y: 200 });
    mock.screen.setDisplays([laptop]);
    expect(window.getBounds()).toEqual({ x: 520, y: 110, width: 400, height: 640 });
  });
});
