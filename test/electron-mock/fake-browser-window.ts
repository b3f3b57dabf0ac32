/**
 * A fake BrowserWindow and webContents: they keep the state a user would see (bounds,
 * visibility, click-through, always-on-top, opacity, content protection, what was loaded)
 * and record every call.
 */
import { pathToFileURL } from 'node:url';
import type { BrowserWindowConstructorOptions } from 'electron';
import type {
  AlwaysOnTopLevel,
  OverlayWindowLike,
  Rectangle,
  WebContentsLike,
} from '../../electron/hosts/electron-main/electron-deps';
import { FakeEmitter } from './fake-emitter';

let nextId = 1;

export class FakeWebContents extends FakeEmitter implements WebContentsLike {
  readonly id = nextId++;
  destroyed = false;
  /** The URL of the page shown (the main frame). */
  url = '';
  readonly sent: { channel: string; args: unknown[] }[] = [];
  windowOpenHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  devToolsClosed = 0;

  /** The frame object Electron puts in IPC events for this page's main frame. */
  get mainFrame(): { url: string; parent: null } {
    return { url: this.url, parent: null };
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.windowOpenHandler = handler;
  }
  closeDevTools(): void {
    this.devToolsClosed++;
  }
}

export class FakeBrowserWindow extends FakeEmitter implements OverlayWindowLike {
  readonly id = nextId++;
  readonly webContents = new FakeWebContents();
  readonly calls: { method: string; args: unknown[] }[] = [];
  bounds: Rectangle;
  visible = false;
  minimized = false;
  destroyed = false;
  ignoreMouseEvents: { ignore: boolean; forward: boolean } = { ignore: false, forward: false };
  alwaysOnTop: { flag: boolean; level: AlwaysOnTopLevel | undefined };
  opacity = 1;
  contentProtection = false;
  loaded: { url?: string; file?: string } | null = null;

  constructor(readonly options: BrowserWindowConstructorOptions) {
    super();
    this.bounds = {
      x: options.x ?? 0,
      y: options.y ?? 0,
      width: options.width ?? 800,
      height: options.height ?? 600,
    };
    this.alwaysOnTop = { flag: options.alwaysOnTop ?? false, level: undefined };
  }

  private record(method: string, ...args: unknown[]): void {
    this.calls.push({ method, args });
  }
  callsOf(method: string): unknown[][] {
    return this.calls.filter((c) => c.method === method).map((c) => c.args);
  }

  async loadURL(url: string): Promise<void> {
    this.record('loadURL', url);
    this.loaded = { url };
    this.webContents.url = url;
  }
  async loadFile(path: string): Promise<void> {
    this.record('loadFile', path);
    this.loaded = { file: path };
    this.webContents.url = pathToFileURL(path).href;
  }
  show(): void {
    this.record('show');
    this.visible = true;
  }
  hide(): void {
    this.record('hide');
    this.visible = false;
  }
  focus(): void {
    this.record('focus');
  }
  isVisible(): boolean {
    return this.visible;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.record('restore');
    this.minimized = false;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  getBounds(): Rectangle {
    return { ...this.bounds };
  }
  setBounds(bounds: Partial<Rectangle>): void {
    this.record('setBounds', bounds);
    this.bounds = { ...this.bounds, ...bounds };
  }
  setIgnoreMouseEvents(ignore: boolean, options?: { forward?: boolean }): void {
    this.record('setIgnoreMouseEvents', ignore, options);
    this.ignoreMouseEvents = { ignore, forward: options?.forward ?? false };
  }
  setAlwaysOnTop(flag: boolean, level?: AlwaysOnTopLevel): void {
    this.record('setAlwaysOnTop', flag, level);
    this.alwaysOnTop = { flag, level };
  }
  setVisibleOnAllWorkspaces(visible: boolean, options?: { visibleOnFullScreen?: boolean }): void {
    this.record('setVisibleOnAllWorkspaces', visible, options);
  }
  setContentProtection(enable: boolean): void {
    this.record('setContentProtection', enable);
    this.contentProtection = enable;
  }
  setOpacity(opacity: number): void {
    this.record('setOpacity', opacity);
    this.opacity = opacity;
  }

  /** What the user does: drag the window somewhere (Electron then emits `moved`). */
  userMovesTo(bounds: Partial<Rectangle>): void {
    this.bounds = { ...this.bounds, ...bounds };
    this.emit('moved');
  }
}
