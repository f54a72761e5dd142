import { build } from 'esbuild';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createPreloadBridge } from '../preload/bridge';
import { createFakeIpc, type FakeIpc } from '../testing/fakeIpc';
import { FakeWebContents } from '../testing/fakeWebContents';

// Runs the real entry file, bundled as the build bundles it, with `electron` resolved to a stand-in that
// records what main.ts does with it. This checks the wiring (the one part the module tests cannot see)
// without the Electron binary.

const here = path.dirname(fileURLToPath(import.meta.url));
const FAKE_GLOBAL = '__counterdeskFakeElectron';

let bundle: string;

beforeAll(async () => {
  const result = await build({
    entryPoints: [path.join(here, 'main.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    write: false,
    logLevel: 'silent',
    plugins: [
      {
        name: 'fake-electron',
        setup(pluginBuild) {
          pluginBuild.onResolve({ filter: /^electron$/ }, () => ({ path: 'electron', namespace: 'fake-electron' }));
          pluginBuild.onLoad({ filter: /.*/, namespace: 'fake-electron' }, () => ({ contents: `module.exports = globalThis.${FAKE_GLOBAL};`, loader: 'js' }));
        },
      },
    ],
  });
  bundle = result.outputFiles[0]?.text ?? '';
});

interface FakeWindowOptions {
  x?: number;
  y?: number;
  width: number;
  height: number;
  title: string;
  show: boolean;
  fullscreen?: boolean;
  webPreferences: Record<string, unknown>;
}

function fakeElectron(appDir: string, ipc: FakeIpc<FakeWebContents>, lock: boolean, isPackaged: boolean) {
  const record = {
    applicationMenu: 'default' as unknown,
    appListeners: new Map<string, (...args: unknown[]) => void>(),
    privileged: [] as unknown[],
    protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
    permissionHandlersInstalled: 0,
    windows: [] as { options: FakeWindowOptions; loaded: string[]; contents: FakeWebContents; focused: number }[],
    errors: [] as string[],
    sandboxEnabled: false,
    quit: 0,
    exitCode: undefined as number | undefined,
  };
  let ready!: () => void;
  const whenReady = new Promise<void>((resolve) => (ready = resolve));

  class BrowserWindow {
    readonly webContents = new FakeWebContents(record.windows.length + 1);
    readonly loaded: string[] = [];
    private readonly entry: { options: FakeWindowOptions; loaded: string[]; contents: FakeWebContents; focused: number };
    constructor(options: FakeWindowOptions) {
      this.entry = { options, loaded: this.loaded, contents: this.webContents, focused: 0 };
      record.windows.push(this.entry);
    }
    isDestroyed = () => false;
    isMinimized = () => false;
    show(): void {}
    focus(): void {
      this.entry.focused += 1;
    }
    static fromWebContents(): null {
      return null;
    }
    once(): void {}
    on(): void {}
    async loadURL(url: string): Promise<void> {
      this.loaded.push(url);
    }
  }

  const electron = {
    Menu: {
      setApplicationMenu: (menu: unknown) => (record.applicationMenu = menu),
    },
    app: {
      isPackaged,
      requestSingleInstanceLock: () => lock,
      enableSandbox: () => (record.sandboxEnabled = true),
      on: (event: string, listener: (...args: unknown[]) => void) => record.appListeners.set(event, listener),
      whenReady: () => whenReady,
      getPath: (name: string) => path.join(appDir, `path-${name}`),
      getAppPath: () => appDir,
      getVersion: () => '0.1.0',
      quit: () => (record.quit += 1),
      exit: (code: number) => (record.exitCode = code),
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => record.privileged.push(...schemes),
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) => record.protocolHandlers.set(scheme, handler),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: () => (record.permissionHandlersInstalled += 1),
        setPermissionCheckHandler: () => (record.permissionHandlersInstalled += 1),
      },
    },
    ipcMain: ipc.ipcMain,
    screen: {
      getAllDisplays: () => [
        { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 0, y: 0, width: 1920, height: 1040 } },
        { id: 2, bounds: { x: 1920, y: 0, width: 1280, height: 800 }, workArea: { x: 1920, y: 0, width: 1280, height: 770 } },
      ],
      getPrimaryDisplay: () => ({ id: 1 }),
    },
    dialog: {
      showErrorBox: (title: string, message: string) => record.errors.push(`${title}: ${message}`),
      showSaveDialog: async () => ({ canceled: true }),
    },
    BrowserWindow,
  };
  return { electron, record, ready };
}

let appDir: string;
let savedEnv: NodeJS.ProcessEnv;

beforeEach(async () => {
  appDir = await mkdtemp(path.join(tmpdir(), 'counterdesk-main-'));
  await mkdir(path.join(appDir, 'out', 'renderer'), { recursive: true });
  await writeFile(path.join(appDir, 'out', 'renderer', 'index.html'), '<!doctype html><title>櫃台通</title>');
  savedEnv = { ...process.env };
});

afterEach(async () => {
  process.env = savedEnv;
  Reflect.deleteProperty(globalThis, FAKE_GLOBAL);
  await rm(appDir, { recursive: true, force: true });
});

async function runMain(lock = true, isPackaged = false) {
  const ipc = createFakeIpc<FakeWebContents>();
  const fake = fakeElectron(appDir, ipc, lock, isPackaged);
  (globalThis as Record<string, unknown>)[FAKE_GLOBAL] = fake.electron;
  const bundleDir = path.join(appDir, 'out', 'electron');
  const module = { exports: {} };
  new Function('require', 'module', 'exports', '__dirname', '__filename', bundle)(
    createRequire(path.join(bundleDir, 'main.cjs')),
    module,
    module.exports,
    bundleDir,
    path.join(bundleDir, 'main.cjs'),
  );
  return { ipc, ...fake, bundleDir };
}

/** Let the start-up promise chain run to its end. */
async function settle(record: { windows: unknown[]; exitCode: number | undefined; quit: number }): Promise<void> {
  // Start-up ends in a window, an exit or a quit; wait for one of them (bounded), then a little longer so
  // that anything it would wrongly do next is seen too.
  const deadline = Date.now() + 5_000;
  while (record.windows.length === 0 && record.exitCode === undefined && record.quit === 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  await new Promise((resolve) => setTimeout(resolve, 50));
}

describe('main.ts', () => {
  it('registers the scheme before ready, then serves the app, wires IPC and opens one hardened window', async () => {
    process.env.COUNTERDESK_SERVER_URL = 'https://counterdesk.tax.keelung.gov.tw';
    process.env.COUNTERDESK_DEVICE_ID = 'keelung-counter-07';
    const { ipc, record, ready, bundleDir } = await runMain();

    expect(record.privileged).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    expect(record.sandboxEnabled).toBe(true);
    expect(record.windows).toEqual([]);
    expect([...record.appListeners.keys()].sort()).toEqual(['second-instance', 'web-contents-created', 'window-all-closed']);

    ready();
    await settle(record);
    expect(record.errors).toEqual([]);
    expect(record.permissionHandlersInstalled).toBe(2);

    const serve = record.protocolHandlers.get('app');
    if (serve === undefined) throw new Error('app:// was not handled');
    const page = await serve(new Request('app://counterdesk/index.html'));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('櫃台通');
    expect(page.headers.get('content-security-policy')).toContain("connect-src 'self' https://counterdesk.tax.keelung.gov.tw;");

    expect(record.windows).toHaveLength(1);
    const window = record.windows[0];
    expect(window?.options).toMatchObject({ width: 1280, height: 800, title: '櫃台通 CounterDesk', show: false });
    expect(window?.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      preload: path.join(bundleDir, 'preload.cjs'),
    });
    expect(window?.loaded).toEqual(['app://counterdesk/index.html']);

    const contents = window?.contents ?? new FakeWebContents(0);
    const bridge = createPreloadBridge(ipc.invokeFrom({ url: 'app://counterdesk/index.html', parent: null }, contents));
    expect(await bridge['host:get-config']({})).toEqual({
      ok: true,
      value: { serverUrl: 'https://counterdesk.tax.keelung.gov.tw', deviceId: 'keelung-counter-07' },
    });
    expect(await bridge['host:get-info']({})).toEqual({ ok: true, value: { kind: 'electron', appVersion: '0.1.0', platform: process.platform } });
  });

  it('opens the customer display full screen on the second screen, once, without the bridge', async () => {
    const { ipc, record, ready } = await runMain();
    ready();
    await settle(record);
    const counter = record.windows[0];
    if (counter === undefined) throw new Error('no counter window');
    const bridge = createPreloadBridge(ipc.invokeFrom({ url: 'app://counterdesk/index.html', parent: null }, counter.contents));

    expect(await bridge['window:open-customer-display']({})).toEqual({ ok: true, value: { opened: true, placement: 'secondary' } });
    expect(await bridge['window:open-customer-display']({})).toEqual({ ok: true, value: { opened: true, placement: 'secondary' } });
    expect(record.windows).toHaveLength(2);
    const display = record.windows[1];
    expect(display?.options).toMatchObject({ x: 1920, y: 0, width: 1280, height: 800, fullscreen: true, show: false });
    expect(display?.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(display?.options.webPreferences).not.toHaveProperty('preload');
    expect(display?.loaded).toEqual(['app://counterdesk/index.html#/customer']);
    expect(display?.focused).toBe(1);
  });

  it('removes the default menu, and a packaged build opens no developer tools and takes no reload keys', async () => {
    const { record, ready } = await runMain(true, true);
    ready();
    await settle(record);
    expect(record.applicationMenu).toBeNull();
    expect(record.windows[0]?.options.webPreferences).toMatchObject({ devTools: false });

    const created = record.appListeners.get('web-contents-created');
    const listeners = new Map<string, ((...args: unknown[]) => void)[]>();
    const contents = {
      on: (event: string, listener: (...args: unknown[]) => void) => listeners.set(event, [...(listeners.get(event) ?? []), listener]),
      setWindowOpenHandler: () => undefined,
      closeDevTools: () => undefined,
    };
    created?.({}, contents);
    let prevented = false;
    for (const listener of listeners.get('before-input-event') ?? []) {
      listener({ preventDefault: () => (prevented = true) }, { type: 'keyDown', key: 'F12', control: false, meta: false, shift: false, alt: false });
    }
    expect(prevented).toBe(true);
  });

  it('keeps developer tools for a development run', async () => {
    const { record, ready } = await runMain(true, false);
    ready();
    await settle(record);
    expect(record.applicationMenu).toBeNull();
    expect(record.windows[0]?.options.webPreferences).toMatchObject({ devTools: true });
  });

  it('quits at once when another instance holds the lock', async () => {
    const { record, ready } = await runMain(false);
    ready();
    await settle(record);
    expect(record.quit).toBe(1);
    expect(record.windows).toEqual([]);
    expect(record.appListeners.size).toBe(0);
  });

  it('refuses to start with a configuration that would send taxpayer data over plain http', async () => {
    process.env.COUNTERDESK_SERVER_URL = 'http://counterdesk.tax.keelung.gov.tw';
    const { record, ready } = await runMain();
    ready();
    await settle(record);
    expect(record.windows).toEqual([]);
    expect(record.exitCode).toBe(1);
    expect(record.errors).toHaveLength(1);
    expect(record.errors[0]).toMatch(/^CounterDesk cannot start: .*plain http/);
  });
});
