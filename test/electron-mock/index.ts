/**
 * A hand-written fake of the Electron modules the main process and preload use (not a
 * vi.mock auto-mock): each fake keeps the state a user would notice and records calls.
 * `createElectronMock()` gives a fresh, independent set per test.
 */
import type { BrowserWindowConstructorOptions } from 'electron';
import type {
  BrowserWindowConstructor,
  DisplayLike,
} from '../../electron/hosts/electron-main/electron-deps';
import { FakeBrowserWindow } from './fake-browser-window';
import { FakeIpcMain } from './fake-ipc';
import { FakeScreen } from './fake-screen';
import {
  FakeApp,
  FakeGlobalShortcut,
  FakeSession,
  FakeShell,
  FakeTray,
  fakeMenu,
  fakeNativeImage,
} from './fake-shell-parts';

export * from './fake-browser-window';
export * from './fake-emitter';
export * from './fake-ipc';
export * from './fake-screen';
export * from './fake-shell-parts';
export * from './fake-updater';

export interface ElectronMock {
  app: FakeApp;
  BrowserWindow: BrowserWindowConstructor;
  /** Every window created through `BrowserWindow`, in order. */
  windows: FakeBrowserWindow[];
  screen: FakeScreen;
  globalShortcut: FakeGlobalShortcut;
  ipcMain: FakeIpcMain;
  Tray: typeof FakeTray;
  /** Every tray created through `Tray`, in order. */
  trays: FakeTray[];
  Menu: typeof fakeMenu;
  nativeImage: typeof fakeNativeImage;
  shell: FakeShell;
  session: FakeSession;
}

export function createElectronMock(displays?: DisplayLike[]): ElectronMock {
  const windows: FakeBrowserWindow[] = [];
  const trays: FakeTray[] = [];
  class BrowserWindow extends FakeBrowserWindow {
    constructor(options: BrowserWindowConstructorOptions) {
      super(options);
      windows.push(this);
    }
  }
  class Tray extends FakeTray {
    constructor(...args: ConstructorParameters<typeof FakeTray>) {
      super(...args);
      trays.push(this);
    }
  }
  return {
    app: new FakeApp(),
    BrowserWindow,
    windows,
    screen: new FakeScreen(displays),
    globalShortcut: new FakeGlobalShortcut(),
    ipcMain: new FakeIpcMain(),
    Tray,
    trays,
    Menu: fakeMenu,
    nativeImage: fakeNativeImage,
    shell: new FakeShell(),
    session: new FakeSession(),
  };
}

/** The only window of `mock`, failing the test when there is not exactly one. */
export function onlyWindow(mock: ElectronMock): FakeBrowserWindow {
  if (mock.windows.length !== 1) throw new Error(`expected one window, got ${mock.windows.length}`);
  return mock.windows[0] as FakeBrowserWindow;
}
