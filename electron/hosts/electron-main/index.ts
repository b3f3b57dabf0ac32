/**
 * The Electron main process: one instance per user, the services wired to the overlay
 * window, IPC, shortcuts and the tray once Electron is ready. All decisions live in the
 * modules beside this file; this one only hands them the real Electron.
 */
import { release } from 'node:os';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  app,
  BrowserWindow,
  clipboard,
  desktopCapturer,
  globalShortcut,
  Menu,
  nativeImage,
  screen,
  session,
  shell,
  Tray,
} from 'electron';
import { createServices } from '../../app/create-services';
import { createLogger } from '../../services/core/log';
import { registerElectronIpcHandlers } from './ipc/electron-ipc';
import { createKeytarSecretStore } from '../../services/secrets/keytar-secret-store';
import { startElectronHost, type ElectronHost } from './electron-host';
import { claimSingleInstance } from './single-instance';

const logger = createLogger('electron');
let host: ElectronHost | undefined;

if (claimSingleInstance(app, () => host?.showOverlay())) {
  app
    .whenReady()
    .then(async () => {
      // No default menu: its reload and DevTools shortcuts are not for agents. macOS keeps
      // the app and Edit menus, without which the copy and paste shortcuts do not work.
      Menu.setApplicationMenu(
        process.platform === 'darwin'
          ? Menu.buildFromTemplate([{ role: 'appMenu' }, { role: 'editMenu' }])
          : null,
      );
      host = await startElectronHost({
        app,
        BrowserWindow,
        screen,
        globalShortcut,
        registerIpc: registerElectronIpcHandlers,
        Tray,
        Menu,
        nativeImage,
        shell,
        session: session.defaultSession,
        clipboard,
        displayMedia: {
          session: session.defaultSession,
          capturer: desktopCapturer,
          osRelease: release(),
        },
        createServices,
        createSecretStore: createKeytarSecretStore,
        logger,
        env: process.env,
        platform: process.platform,
        cwd: process.cwd(),
        mainDir: dirname(fileURLToPath(import.meta.url)),
        resourcesPath: process.resourcesPath,
        electronVersion: process.versions.electron,
        loadUpdater: async () => (await import('electron-updater')).autoUpdater,
      });
    })
    .catch((error: unknown) => {
      logger.error('Inloop could not start', error);
      app.exit(1);
    });
}
