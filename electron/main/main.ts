// The Electron entry: the only main-process file that imports `electron`. It wires Electron's objects into
// the modules beside it, which hold all the logic and are tested in Node without Electron.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, protocol, session, type WebContents } from 'electron';
import { APP_ORIGIN } from '../../shared/ipc/contract';
import { handleAppProtocol, registerAppScheme } from './appProtocol';
import { loadHostConfig } from './config';
import { createHostHandlers } from './handlers';
import { electronHostDeps } from './hostDeps';
import { registerIpcHandlers } from './ipcRouter';
import { contentSecurityPolicy, guardWebContents, hardenedWebPreferences, installPermissionHandlers } from './security';
import { isTrustedSender } from './trustedSender';

const WINDOW_TITLE = '櫃台通 CounterDesk';

let mainWindow: BrowserWindow | null = null;

async function start(): Promise<void> {
  const config = await loadHostConfig(app.getPath('userData'), process.env);

  handleAppProtocol(protocol, {
    rootDir: path.join(app.getAppPath(), 'out', 'renderer'),
    csp: contentSecurityPolicy(config.serverUrl),
  });
  installPermissionHandlers(session.defaultSession);
  registerIpcHandlers(
    ipcMain,
    createHostHandlers(
      electronHostDeps({
        app,
        dialog,
        windowOf: (contents: WebContents) => BrowserWindow.fromWebContents(contents),
        platform: process.platform,
        config,
        writeFile: (filePath, data) => writeFile(filePath, data),
      }),
    ),
    isTrustedSender,
  );

  mainWindow = new BrowserWindow({
    width: 1280,
    height: 800,
    title: WINDOW_TITLE,
    show: false,
    autoHideMenuBar: true,
    webPreferences: hardenedWebPreferences(path.join(__dirname, 'preload.cjs')),
  });
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  await mainWindow.loadURL(`${APP_ORIGIN}/index.html`);
}

registerAppScheme(protocol);
// Sandbox every renderer process, including any a future window forgets to configure.
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  // One counter, one window: a second launch hands over to the first (see 'second-instance').
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow === null) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  // Guard every webContents the moment it exists, including ones we did not create ourselves.
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
  app.on('window-all-closed', () => app.quit());
  app.whenReady().then(start).catch((error: unknown) => {
    dialog.showErrorBox('CounterDesk cannot start', error instanceof Error ? error.message : String(error));
    app.exit(1);
  });
}
