// The Electron entry: the only main-process file that imports `electron`. It wires Electron's objects into
// the modules beside it, which hold all the logic and are tested in Node without Electron.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, screen, session, type WebContents } from 'electron';
import { autoUpdater } from 'electron-updater';
import { APP_ORIGIN } from '../../shared/ipc/contract';
import { handleAppProtocol, registerAppScheme } from './window/appProtocol';
import { loadHostConfig, readHostConfigFile, resolveScanArchiveFolder } from './app/config';
import { createCustomerDisplayOpener, CUSTOMER_DISPLAY_URL, customerDisplayWindowOptions, type CustomerDisplayOpener, type CustomerDisplayPlan } from './window/customerDisplayWindow';
import { createHostHandlers } from './host/hostHandlers';
import { electronHostDeps } from './host/electronHostDeps';
import { registerIpcHandlers } from './ipc/ipcRouter';
import { createPrinterSettingsStore } from './print/printerSettings';
import { submitRawJob } from './print/rawPrinter';
import { createScanFolderService } from './files/scanFolder';
import { contentSecurityPolicy, guardWebContents, hardenedWebPreferences, installPermissionHandlers } from './window/security';
import { printHtml } from './print/testPage';
import { isTrustedSender } from './ipc/trustedSender';
import { blockHostShortcuts } from './window/hostShortcuts';
import { createUpdateController } from './app/updater';

const WINDOW_TITLE = '櫃台通 CounterDesk';

let mainWindow: BrowserWindow | null = null;

/** The citizen's screen; made in start() because `screen` may only be used once the app is ready. */
let customerDisplay: CustomerDisplayOpener | undefined;

function customerDisplayWindow(plan: CustomerDisplayPlan): BrowserWindow {
  const window = new BrowserWindow(customerDisplayWindowOptions(plan));
  window.once('ready-to-show', () => window.show());
  void window.loadURL(CUSTOMER_DISPLAY_URL);
  return window;
}

/** The hidden window a test page prints from: no preload, no script, sandboxed like every other. */
function testPageWindow(): BrowserWindow {
  return new BrowserWindow({
    show: false,
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      javascript: false,
      webSecurity: true,
      disableBlinkFeatures: 'Auxclick',
    },
  });
}

async function start(): Promise<void> {
  const config = await loadHostConfig(app.getPath('userData'), process.env);
  // No menu: Electron's default one offers Reload and Toggle Developer Tools to anyone at the counter.
  Menu.setApplicationMenu(null);

  handleAppProtocol(protocol, {
    rootDir: path.join(app.getAppPath(), 'out', 'renderer'),
    csp: contentSecurityPolicy(config.serverUrl),
  });
  installPermissionHandlers(session.defaultSession);
  const archiveFolder = resolveScanArchiveFolder(await readHostConfigFile(app.getPath('userData')), process.env);
  const scanFolder = createScanFolderService(app.getPath('userData'), archiveFolder === undefined ? {} : { archiveFolder });
  scanFolder.start();
  customerDisplay = createCustomerDisplayOpener({ screen, createWindow: customerDisplayWindow });
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
        printerSettings: createPrinterSettingsStore(app.getPath('userData')),
        submitRawJob: (printer, data, options) => submitRawJob(printer, data, options, { platform: process.platform }),
        printHtml: (html, options) => printHtml(testPageWindow, html, options),
        // `autoUpdater` is a lazy getter that loads Electron's app object: touched only on the first check.
        updates: createUpdateController({ updater: () => autoUpdater, isPackaged: app.isPackaged, serverUrl: config.serverUrl }),
        customerDisplay,
        scanFolder,
        safeStorage,
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
    webPreferences: hardenedWebPreferences(path.join(__dirname, 'preload.cjs'), !app.isPackaged),
  });
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => {
    mainWindow = null;
    // Without the counter window the citizen's screen has nothing to show; closing it lets the app quit.
    customerDisplay?.close();
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
  app.on('web-contents-created', (_event, contents) => {
    guardWebContents(contents);
    if (app.isPackaged) blockHostShortcuts(contents);
  });
  app.on('window-all-closed', () => app.quit());
  app.whenReady().then(start).catch((error: unknown) => {
    dialog.showErrorBox('CounterDesk cannot start', error instanceof Error ? error.message : String(error));
    app.exit(1);
  });
}
