/**
 * Fakes of the smaller Electron modules: globalShortcut (with shortcuts other apps hold),
 * Tray, Menu, nativeImage, shell, session and app.
 */
import type { Menu, NativeImage } from 'electron';
import type {
  GlobalShortcutLike,
  MenuItemTemplate,
  MenuLike,
  NativeImageLike,
  ShellLike,
  TrayLike,
} from '../../electron/hosts/electron-main/electron-deps';
import type {
  PermissionRequestFacts,
  SessionLike,
} from '../../electron/hosts/electron-main/security';
import { FakeEmitter, preventableEvent } from './fake-emitter';

export class FakeGlobalShortcut implements GlobalShortcutLike {
  /** Accelerators another application holds: register returns false. */
  readonly taken = new Set<string>();
  /** Accelerators the OS cannot parse: register throws. */
  readonly invalid = new Set<string>();
  readonly registered = new Map<string, () => void>();
  unregisterAllCalls = 0;

  register(accelerator: string, callback: () => void): boolean {
    if (this.invalid.has(accelerator))
      throw new Error(`Failed to parse accelerator ${accelerator}`);
    if (this.taken.has(accelerator) || this.registered.has(accelerator)) return false;
    this.registered.set(accelerator, callback);
    return true;
  }
  unregisterAll(): void {
    this.unregisterAllCalls++;
    this.registered.clear();
  }
  /** The agent presses the shortcut. */
  press(accelerator: string): void {
    const callback = this.registered.get(accelerator);
    if (!callback) throw new Error(`${accelerator} is not registered`);
    callback();
  }
}

/** What Menu.buildFromTemplate returns in the fake: the template itself. */
export interface FakeMenu {
  items: MenuItemTemplate[];
}

export const fakeMenu: MenuLike & { setApplicationMenu(menu: unknown): void } = {
  buildFromTemplate: (template) => ({ items: template }) as unknown as Menu,
  setApplicationMenu: () => {},
};

/** A decoded-enough image: the PNG bytes and the options it was created with. */
export interface FakeImage {
  png: Buffer;
  scaleFactor: number | undefined;
}

export const fakeNativeImage: NativeImageLike = {
  createFromBuffer: (buffer, options) =>
    ({ png: buffer, scaleFactor: options?.scaleFactor }) as FakeImage as unknown as NativeImage,
};

export class FakeTray extends FakeEmitter implements TrayLike {
  image: FakeImage;
  toolTip = '';
  menu: FakeMenu | null = null;
  destroyed = false;

  constructor(image: NativeImage) {
    super();
    this.image = image as unknown as FakeImage;
  }
  setToolTip(toolTip: string): void {
    this.toolTip = toolTip;
  }
  setImage(image: NativeImage): void {
    this.image = image as unknown as FakeImage;
  }
  setContextMenu(menu: Menu): void {
    this.menu = menu as unknown as FakeMenu;
  }
  destroy(): void {
    this.destroyed = true;
  }
  /** The agent clicks the menu item labelled `label`. */
  clickItem(label: string): void {
    const item = this.menu?.items.find((i) => i.label === label);
    if (!item?.click) throw new Error(`no tray menu item "${label}"`);
    item.click();
  }
  labels(): string[] {
    return (this.menu?.items ?? []).flatMap((i) => (i.label ? [i.label] : []));
  }
}

export class FakeShell implements ShellLike {
  readonly opened: string[] = [];
  async openExternal(url: string): Promise<void> {
    this.opened.push(url);
  }
}

type RequestHandler = Parameters<SessionLike['setPermissionRequestHandler']>[0];
type CheckHandler = Parameters<SessionLike['setPermissionCheckHandler']>[0];

export class FakeSession implements SessionLike {
  requestHandler: RequestHandler | null = null;
  checkHandler: CheckHandler | null = null;
  setPermissionRequestHandler(handler: RequestHandler): void {
    this.requestHandler = handler;
  }
  setPermissionCheckHandler(handler: CheckHandler): void {
    this.checkHandler = handler;
  }
  /** A page asks for a permission; resolves with the answer. */
  request(permission: string, facts: PermissionRequestFacts): Promise<boolean> {
    return new Promise((resolve) => {
      if (!this.requestHandler) throw new Error('no permission request handler installed');
      this.requestHandler({}, permission, resolve, facts);
    });
  }
}

/** A fake `app`; `quit()` runs the before-quit / will-quit sequence like Electron. */
export class FakeApp extends FakeEmitter {
  isPackaged = false;
  hasLock = true;
  quitCalls = 0;
  /** True once a quit was not held back by a will-quit listener. */
  exited = false;
  getVersion(): string {
    return '0.1.0-test';
  }
  constructor(private readonly home: string = '/home/agent') {
    super();
  }
  getPath(_name: 'home'): string {
    return this.home;
  }
  requestSingleInstanceLock(): boolean {
    return this.hasLock;
  }
  quit(): void {
    this.quitCalls++;
    this.emit('before-quit');
    const event = preventableEvent();
    this.emit('will-quit', event);
    if (!event.defaultPrevented) this.exited = true;
  }
}

type SchemeHandler = (request: Request) => Promise<Response>;

/** A fake `protocol`: records privileged schemes, and `fetch` runs a registered handler. */
export class FakeProtocol {
  readonly privileged: Array<{ scheme: string; privileges: Record<string, boolean> }> = [];
  readonly handlers = new Map<string, SchemeHandler>();
  registerSchemesAsPrivileged(
    schemes: Array<{ scheme: string; privileges: Record<string, boolean> }>,
  ): void {
    this.privileged.push(...schemes);
  }
  handle(scheme: string, handler: SchemeHandler): void {
    if (this.handlers.has(scheme)) throw new Error(`scheme ${scheme} is already handled`);
    this.handlers.set(scheme, handler);
  }
  /** What a page loading `url` gets (Electron would answer 404 for a scheme nobody handles). */
  async fetch(url: string, init?: RequestInit): Promise<Response> {
    const handler = this.handlers.get(new URL(url).protocol.replace(/:$/, ''));
    if (!handler) return new Response(null, { status: 404 });
    return handler(new Request(url, init));
  }
}
