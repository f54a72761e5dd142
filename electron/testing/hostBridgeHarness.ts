import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import type { HostBridge, HostConfig } from '../../shared/ipc/contract';
import { createUpdateController } from '../main/app/updater';
import { createScanFolderService, type ScanFolderService } from '../main/files/scanFolder';
import { electronHostDeps, type OpenFolderDialogOptions } from '../main/host/electronHostDeps';
import { createHostHandlers } from '../main/host/hostHandlers';
import { registerIpcHandlers } from '../main/ipc/ipcRouter';
import { isTrustedSender, type SenderFrameLike } from '../main/ipc/trustedSender';
import { createPrinterSettingsStore } from '../main/print/printerSettings';
import type { SaveDialogRequest } from '../main/print/printHandlers';
import type { PagePrintOptions } from '../main/print/printJobs';
import type { LpOptions } from '../main/print/rawPrinter';
import { createPreloadBridge } from '../preload/bridge';
import { createFakeIpc, type FakeIpc } from './fakeIpc';
import { FakeUpdater } from './fakeUpdater';
import { FakeWebContents } from './fakeWebContents';

/**
 * The whole host bridge in one process, for tests only: the real preload bridge, the real router and the
 * real handlers, with only Electron's own objects (ipcMain/ipcRenderer, webContents, dialog, app)
 * replaced. The fields record what the host did; a test sets the answers (dialogs, raw-printing
 * failures) before it calls.
 */

export interface FakeWindow {
  readonly windowOf: number;
}

export interface HostBridgeHarness {
  readonly config: HostConfig;
  /** The app's own top frame: the only sender the router trusts. */
  readonly appFrame: SenderFrameLike;
  /** Documents folder, where the save dialog points. */
  readonly dir: string;
  /** userData: printer settings and the scan folder's state. */
  readonly settingsDir: string;
  readonly ipc: FakeIpc<FakeWebContents>;
  /** The counter window's webContents, which sends every trusted call. */
  readonly contents: FakeWebContents;
  /** Another window's webContents, which must never be printed by a call from `contents`. */
  readonly otherContents: FakeWebContents;
  readonly dialogCalls: { owner: FakeWindow | null; options: SaveDialogRequest }[];
  dialogAnswer: { canceled: boolean; filePath?: string };
  readonly folderDialogCalls: { owner: FakeWindow | null; options: OpenFolderDialogOptions }[];
  folderAnswer: { canceled: boolean; filePaths: string[] };
  /** What the router logged. */
  readonly logged: string[];
  readonly rawJobs: { printer: string; data: Uint8Array; options: LpOptions }[];
  /** When set, the next raw print job fails with it. */
  rawFailure: Error | undefined;
  readonly htmlPrints: { html: string; options: PagePrintOptions }[];
  readonly updater: FakeUpdater;
  readonly scanFolder: ScanFolderService;
  customerDisplayOpens: number;
  /** The bridge as the counter screen's preload exposes it. */
  trustedBridge(): HostBridge;
  dispose(): Promise<void>;
}

/**
 * A harness made afresh before each test of the calling file and cleaned up after it. The same object
 * is refilled each time, so a file holds it in one const.
 */
export function useHostBridgeHarness(): HostBridgeHarness {
  const h = {} as HostBridgeHarness;
  beforeEach(async () => {
    await fillHarness(h);
  });
  afterEach(async () => {
    await h.dispose();
  });
  return h;
}

/** Makes `into` a fresh harness: new folders, fakes and handlers, every fake answering through `into`. */
async function fillHarness(into: HostBridgeHarness): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'counterdesk-bridge-'));
  const settingsDir = await mkdtemp(path.join(tmpdir(), 'counterdesk-station-'));
  const contents = new FakeWebContents(1, [
    { name: 'EPSON_TM_T82', displayName: 'EPSON TM-T82 (receipts)' },
    { name: 'HP_LaserJet_M404', displayName: 'HP LaserJet M404' },
  ]);
  const h: HostBridgeHarness = Object.assign(into, {
    config: { serverUrl: 'https://counterdesk.tax.keelung.gov.tw', deviceId: 'keelung-counter-03' },
    appFrame: { url: 'app://counterdesk/index.html#/intake', parent: null },
    dir,
    settingsDir,
    ipc: createFakeIpc<FakeWebContents>(),
    contents,
    otherContents: new FakeWebContents(2, contents.printers),
    dialogCalls: [],
    dialogAnswer: { canceled: false, filePath: path.join(dir, 'receipt-1130001.pdf') },
    folderDialogCalls: [],
    folderAnswer: { canceled: true, filePaths: [] },
    logged: [],
    rawJobs: [],
    rawFailure: undefined,
    htmlPrints: [],
    updater: new FakeUpdater(),
    scanFolder: createScanFolderService(settingsDir, { log: () => undefined }),
    customerDisplayOpens: 0,
    trustedBridge: () => createPreloadBridge(h.ipc.invokeFrom(h.appFrame, h.contents)),
    dispose: async () => {
      await rm(dir, { recursive: true, force: true });
      await rm(settingsDir, { recursive: true, force: true });
    },
  } satisfies HostBridgeHarness);

  const deps = electronHostDeps<FakeWebContents, FakeWindow>({
    app: { getVersion: () => '0.1.0', getPath: () => dir },
    dialog: {
      async showSaveDialog(...args: [FakeWindow, SaveDialogRequest] | [SaveDialogRequest]) {
        h.dialogCalls.push(args.length === 2 ? { owner: args[0], options: args[1] } : { owner: null, options: args[0] });
        return h.dialogAnswer;
      },
      async showOpenDialog(...args: [FakeWindow, OpenFolderDialogOptions] | [OpenFolderDialogOptions]) {
        h.folderDialogCalls.push(args.length === 2 ? { owner: args[0], options: args[1] } : { owner: null, options: args[0] });
        return h.folderAnswer;
      },
    },
    windowOf: (wc: FakeWebContents): FakeWindow => ({ windowOf: wc.id }),
    platform: 'linux',
    config: h.config,
    writeFile: (filePath, data) => writeFile(filePath, data),
    printerSettings: createPrinterSettingsStore(settingsDir, () => undefined),
    async submitRawJob(printer, data, options) {
      if (h.rawFailure !== undefined) throw h.rawFailure;
      h.rawJobs.push({ printer, data, options });
      return `${printer}-1`;
    },
    async printHtml(html, options) {
      h.htmlPrints.push({ html, options });
      return { success: true, failureReason: '' };
    },
    updates: createUpdateController({
      updater: () => h.updater,
      isPackaged: true,
      serverUrl: h.config.serverUrl,
      log: () => undefined,
    }),
    customerDisplay: {
      open: () => {
        h.customerDisplayOpens += 1;
        return { placement: 'secondary' };
      },
      close: () => undefined,
      isOpen: () => h.customerDisplayOpens > 0,
    },
    scanFolder: h.scanFolder,
    now: () => new Date('2025-03-04T05:06:07Z'),
  });
  registerIpcHandlers(h.ipc.ipcMain, createHostHandlers(deps), isTrustedSender, { log: (message) => h.logged.push(message) });
}
