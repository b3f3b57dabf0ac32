/**
 * The Electron host: wires the shared services (createServices, the one composition root)
 * to the overlay window, IPC, global shortcuts and the tray. Everything Electron comes in
 * through `ElectronHostDeps`, so the whole start-up runs in tests against the fake.
 */
import { join } from 'node:path';
import type { SecretStore } from '../../services/secrets/secret-store';
import { createFoundation, type ServiceOptions, type Services } from '../../app/create-services';
import { findAppRoot } from '../../services/core/app-root';
import { resolveDataDir, resolveModelsDir } from '../../services/core/paths';
import type { Dispatch } from '../../services/core/dispatcher';
import type { Logger } from '../../services/core/log';
import { forwardEvents } from './ipc/forward-events';
import type { RefusalLog } from './ipc/register-ipc-handlers';
import { createSenderCheck, type SenderCheck } from './ipc/trusted-sender';
import { rendererLocation, trustedOrigins } from './app-urls';
import type {
  BrowserWindowConstructor,
  GlobalShortcutLike,
  MenuLike,
  NativeImageLike,
  PreventableEvent,
  ScreenLike,
  ShellLike,
  TrayConstructor,
  WebContentsLike,
} from './electron-deps';
import { wireHotkeysAndTray } from './hotkeys-and-tray';
import { createOverlayWindow } from './overlay-window';
import type { OverlayWindowController } from './overlay-window-controller';
import { hardenWebContents, installPermissionHandlers, type SessionLike } from './security';
import type { ClipboardLike } from '../../services/assist/clipboard-watch';
import {
  installDisplayMediaHandler,
  type DesktopCapturerLike,
  type DisplayMediaSessionLike,
  type DisplaySourceLike,
} from './display-media';
import { createDebouncedSaver, createWindowStateStore } from './window-state-store';
import { startAppUpdates, type AppUpdates, type UpdaterLike } from './app-updates';

export interface HostApp {
  readonly isPackaged: boolean;
  getVersion(): string;
  getPath(name: 'home'): string;
  quit(): void;
  on(event: 'activate' | 'before-quit', listener: () => void): unknown;
  on(event: 'will-quit', listener: (event: PreventableEvent) => void): unknown;
  on(
    event: 'web-contents-created',
    listener: (event: unknown, contents: WebContentsLike) => void,
  ): unknown;
}

export interface ElectronHostDeps {
  app: HostApp;
  BrowserWindow: BrowserWindowConstructor;
  screen: ScreenLike;
  globalShortcut: GlobalShortcutLike;
  /** Registers the request channels (electron/ipc; tests bind the fake ipcMain). */
  registerIpc(dispatch: Dispatch, isTrustedSender: SenderCheck, log: RefusalLog): () => void;
  Tray: TrayConstructor;
  Menu: MenuLike;
  nativeImage: NativeImageLike;
  shell: ShellLike;
  session: SessionLike;
  /** Electron's clipboard, for the opt-in clipboard watch (absent: no watch). */
  clipboard?: ClipboardLike;
  /** The default session and desktopCapturer, for system audio of a call (absent: none). */
  displayMedia?: {
    session: DisplayMediaSessionLike<DisplaySourceLike>;
    capturer: DesktopCapturerLike<DisplaySourceLike>;
    osRelease: string;
  };
  createServices(options: ServiceOptions): Promise<Services>;
  createSecretStore(): SecretStore;
  logger: Logger;
  env: Readonly<Record<string, string | undefined>>;
  platform: NodeJS.Platform;
  cwd: string;
  /** The folder of the built main bundle (out/main); preload and renderer sit beside it. */
  mainDir: string;
  /** process.resourcesPath: where a packaged app keeps `models/`. */
  resourcesPath: string;
  electronVersion: string;
  /** electron-updater's autoUpdater, loaded on the first update check (none: no updates). */
  loadUpdater?: () => Promise<UpdaterLike>;
}

export interface ElectronHost {
  readonly services: Services;
  readonly overlay: OverlayWindowController;
  readonly updates: AppUpdates;
  /** Bring the overlay forward (second launch, dock icon). */
  showOverlay(): void;
}

export async function startElectronHost(deps: ElectronHostDeps): Promise<ElectronHost> {
  const { app, logger } = deps;
  const dataDir = resolveDataDir({
    env: deps.env,
    platform: deps.platform,
    home: app.getPath('home'),
    cwd: deps.cwd,
  });
  const appRoot = app.isPackaged ? deps.resourcesPath : findAppRoot(deps.mainDir);
  const renderer = {
    isPackaged: app.isPackaged,
    devServerUrl: deps.env.ELECTRON_RENDERER_URL,
    rendererDir: join(deps.mainDir, '..', 'renderer'),
  };
  const allowedOrigins = trustedOrigins(renderer);

  installPermissionHandlers(deps.session, allowedOrigins);
  if (deps.displayMedia) {
    installDisplayMediaHandler(deps.displayMedia.session, deps.displayMedia.capturer, {
      platform: deps.platform,
      osRelease: deps.displayMedia.osRelease,
      allowedOrigins,
    });
  }
  app.on('web-contents-created', (_event, contents) =>
    hardenWebContents(contents, {
      allowedOrigins,
      shell: deps.shell,
      isPackaged: app.isPackaged,
      log: logger,
    }),
  );

  const windowStore = createWindowStateStore(dataDir);
  const windowState = await windowStore.load();
  const saver = createDebouncedSaver(windowStore.save, 500, (error) =>
    logger.warn('could not save the window position', error),
  );

  // Policy is read with the settings: a packaged app ignores INLOOP_POLICY_FILE.
  const foundation = await createFoundation(dataDir, logger, {
    env: deps.env,
    packaged: app.isPackaged,
  });
  const overlay = createOverlayWindow({
    BrowserWindow: deps.BrowserWindow,
    screen: deps.screen,
    bus: foundation.bus,
    settings: foundation.settings.service.get(),
    windowState,
    onWindowStateChange: (state) => saver.schedule(state),
    preloadPath: join(deps.mainDir, '..', 'preload', 'index.cjs'),
    isPackaged: app.isPackaged,
    platform: deps.platform,
  });
  const services = await deps.createServices({
    host: 'electron',
    appVersion: app.getVersion(),
    appRoot,
    dataDir,
    modelsDir: resolveModelsDir(deps.env, appRoot, deps.cwd),
    secretStore: deps.createSecretStore(),
    logger,
    capabilities: { overlayWindow: true, globalHotkeys: true, tray: true },
    electronVersion: deps.electronVersion,
    runsApp: true,
    foundation,
    overlay,
    ...(deps.clipboard ? { clipboard: deps.clipboard } : {}),
  });
  const { bus } = services;
  const contents = overlay.window.webContents;
  // ── app updates: as the settings (under policy) say; mode none asks nothing ──
  const updates = startAppUpdates({
    loadUpdater: deps.loadUpdater ?? (() => Promise.reject(new Error('no updater in this host'))),
    settings: () => services.settings.get().updates,
    onSettingsChanged: (listener) =>
      bus.subscribe((event) => {
        if (event === 'settings:changed') listener();
      }),
    isPackaged: app.isPackaged,
    logger,
  });

  // IPC before the page loads, so its first requests find their handlers.
  const stopIpc = deps.registerIpc(
    services.dispatch,
    createSenderCheck({ allowedOrigins, isOwnWebContents: (sender) => sender.id === contents.id }),
    logger,
  );
  const stopEvents = forwardEvents(bus, () => (overlay.window.isDestroyed() ? [] : [contents]));

  const controls = wireHotkeysAndTray({
    overlay,
    capture: services.capture,
    bus,
    settings: services.settings.get(),
    globalShortcut: deps.globalShortcut,
    trayDeps: deps,
    quit: () => app.quit(),
    updates: {
      canCheck: () => updates.plan().checks !== 'never',
      check: () => void updates.checkNow(),
    },
  });

  app.on('activate', () => overlay.show());
  app.on('before-quit', () => overlay.allowClose());
  let cleanedUp = false;
  app.on('will-quit', (event) => {
    if (cleanedUp) return;
    // Hold the quit until the window position and the services are saved and closed.
    event.preventDefault();
    cleanedUp = true;
    controls.dispose();
    updates.stop();
    stopEvents();
    stopIpc();
    void Promise.allSettled([saver.flush(), services.close()]).finally(() => app.quit());
  });

  const location = rendererLocation(renderer);
  const loading =
    location.kind === 'url'
      ? overlay.window.loadURL(location.url)
      : overlay.window.loadFile(location.path);
  loading.catch((error: unknown) => logger.error('could not load the overlay page', error));
  logger.info(
    `data folder: ${dataDir}; page: ${location.kind === 'url' ? location.url : location.path}`,
  );

  return { services, overlay, updates, showOverlay: () => overlay.show() };
}
