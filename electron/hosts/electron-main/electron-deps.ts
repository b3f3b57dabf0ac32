/**
 * The parts of Electron the main-process shell uses, as narrow structural types. The real
 * `electron` module satisfies them (index.ts passes it in, so the compiler checks that);
 * tests pass the hand-written fake in test/electron-mock. Listener arguments are only the
 * ones we read.
 */
import type { BrowserWindowConstructorOptions, Menu, NativeImage } from 'electron';

export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface DisplayLike {
  readonly id: number;
  readonly bounds: Rectangle;
  readonly workArea: Rectangle;
}

export interface ScreenLike {
  getAllDisplays(): DisplayLike[];
  getPrimaryDisplay(): DisplayLike;
  getDisplayMatching(rect: Rectangle): DisplayLike;
  on(
    event: 'display-added' | 'display-removed' | 'display-metrics-changed',
    listener: () => void,
  ): unknown;
}

/** An event whose default action a listener may cancel. */
export interface PreventableEvent {
  preventDefault(): void;
}

/** A navigation about to happen (`will-navigate`, `will-redirect`). */
export interface NavigationEvent extends PreventableEvent {
  readonly url: string;
}

export interface WebContentsLike {
  readonly id: number;
  isDestroyed(): boolean;
  send(channel: string, ...args: unknown[]): void;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
  on(event: 'will-navigate' | 'will-redirect', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'devtools-opened', listener: () => void): unknown;
  closeDevTools(): void;
}

export type AlwaysOnTopLevel = 'floating' | 'screen-saver';

export interface OverlayWindowLike {
  readonly id: number;
  readonly webContents: WebContentsLike;
  loadURL(url: string): Promise<void>;
  show(): void;
  hide(): void;
  focus(): void;
  isVisible(): boolean;
  isMinimized(): boolean;
  restore(): void;
  isDestroyed(): boolean;
  getBounds(): Rectangle;
  setBounds(bounds: Partial<Rectangle>): void;
  setIgnoreMouseEvents(ignore: boolean, options?: { forward?: boolean }): void;
  setAlwaysOnTop(flag: boolean, level?: AlwaysOnTopLevel): void;
  setVisibleOnAllWorkspaces(visible: boolean, options?: { visibleOnFullScreen?: boolean }): void;
  setContentProtection(enable: boolean): void;
  setOpacity(opacity: number): void;
  on(event: 'close', listener: (event: PreventableEvent) => void): unknown;
  on(event: 'closed' | 'moved' | 'resized' | 'ready-to-show', listener: () => void): unknown;
}

export type BrowserWindowConstructor = new (
  options: BrowserWindowConstructorOptions,
) => OverlayWindowLike;

export interface GlobalShortcutLike {
  register(accelerator: string, callback: () => void): boolean;
  unregisterAll(): void;
}

export interface ShellLike {
  openExternal(url: string): Promise<void>;
}

/** The image nativeImage returns; we only pass it on to the tray. */
export type NativeImageHandle = NativeImage;

export interface NativeImageLike {
  createFromBuffer(
    buffer: Buffer,
    options?: { width?: number; height?: number; scaleFactor?: number },
  ): NativeImageHandle;
}

export interface MenuItemTemplate {
  label?: string;
  type?: 'normal' | 'separator' | 'checkbox';
  checked?: boolean;
  click?: () => void;
}

/** Electron's Menu; we only build one and hand it to the tray. */
export type MenuHandle = Menu;

export interface MenuLike {
  buildFromTemplate(template: MenuItemTemplate[]): MenuHandle;
}

export interface TrayLike {
  setToolTip(toolTip: string): void;
  setImage(image: NativeImageHandle): void;
  setContextMenu(menu: MenuHandle): void;
  on(event: 'click', listener: () => void): unknown;
  destroy(): void;
}

export type TrayConstructor = new (image: NativeImageHandle) => TrayLike;
