import type { HostConfig } from '../../../shared/ipc/contract';
import type { UpdateController } from '../app/updater';
import type { OpenFolderDialogRequest } from '../files/filesHandlers';
import type { ScanFolderService } from '../files/scanFolder';
import { createKeyWrapper, type SafeStorageLike } from '../keys/keyWrap';
import type { PrinterSettingsStore } from '../print/printerSettings';
import type { SaveDialogRequest } from '../print/printHandlers';
import type { PagePrintOptions, PdfPrintOptions, PrinterInfoLike } from '../print/printJobs';
import type { LpOptions } from '../print/rawPrinter';
import type { CustomerDisplayOpener } from '../window/customerDisplayWindow';
import type { HostDeps } from './hostDeps';

/**
 * Adapts Electron's objects to the HostDeps the handlers use: the printing calls of the sender's
 * webContents (with `print`'s callback turned into a promise) and the save dialog, parented to the
 * sender's window so it is modal to the counter screen that asked for it.
 */

/** The part of Electron's WebContents the handlers act on. */
export interface PrintableContents {
  getPrintersAsync(): Promise<PrinterInfoLike[]>;
  print(options: PagePrintOptions, callback: (success: boolean, failureReason: string) => void): void;
  printToPDF(options: PdfPrintOptions): Promise<Uint8Array>;
}

type SaveDialogResult = Promise<{ canceled: boolean; filePath?: string }>;

/** Electron's OpenDialogOptions, as far as we set them: one folder, which the dialog may create. */
export interface OpenFolderDialogOptions extends OpenFolderDialogRequest {
  properties: ('openDirectory' | 'createDirectory')[];
}
type OpenDialogResult = Promise<{ canceled: boolean; filePaths: string[] }>;

export interface ElectronHostObjects<W extends PrintableContents, B> {
  readonly app: { getVersion(): string; getPath(name: 'documents'): string };
  readonly dialog: {
    showSaveDialog(window: B, options: SaveDialogRequest): SaveDialogResult;
    showSaveDialog(options: SaveDialogRequest): SaveDialogResult;
    showOpenDialog(window: B, options: OpenFolderDialogOptions): OpenDialogResult;
    showOpenDialog(options: OpenFolderDialogOptions): OpenDialogResult;
  };
  /** `BrowserWindow.fromWebContents`. */
  windowOf(contents: W): B | null;
  readonly platform: string;
  readonly config: HostConfig;
  writeFile(filePath: string, data: Uint8Array): Promise<void>;
  readonly printerSettings: PrinterSettingsStore;
  submitRawJob(printer: string, data: Uint8Array, options: LpOptions): Promise<string>;
  printHtml(html: string, options: PagePrintOptions): Promise<{ success: boolean; failureReason: string }>;
  readonly updates: UpdateController;
  readonly customerDisplay: CustomerDisplayOpener;
  readonly scanFolder: ScanFolderService;
  /** Electron's safeStorage; without it the host reports that it cannot protect the data key. */
  readonly safeStorage?: SafeStorageLike;
  /** Defaults to the clock; tests pass a fixed time. */
  now?(): Date;
}

const UNAVAILABLE_SAFE_STORAGE: SafeStorageLike = {
  isEncryptionAvailable: () => false,
  encryptString: () => {
    throw new Error('safeStorage is not available');
  },
  decryptString: () => {
    throw new Error('safeStorage is not available');
  },
};

export function electronHostDeps<W extends PrintableContents, B>(objects: ElectronHostObjects<W, B>): HostDeps<W> {
  return {
    appVersion: objects.app.getVersion(),
    platform: objects.platform,
    config: objects.config,
    documentsDir: objects.app.getPath('documents'),
    getPrinters: (sender) => sender.getPrintersAsync(),
    print: (sender, options) =>
      new Promise((resolve) => {
        sender.print(options, (success, failureReason) => resolve({ success, failureReason }));
      }),
    printToPdf: (sender, options) => sender.printToPDF(options),
    showSaveDialog: (sender, options) => {
      const owner = objects.windowOf(sender);
      return owner === null ? objects.dialog.showSaveDialog(options) : objects.dialog.showSaveDialog(owner, options);
    },
    writeFile: (filePath, data) => objects.writeFile(filePath, data),
    printerSettings: objects.printerSettings,
    submitRawJob: (printer, data, options) => objects.submitRawJob(printer, data, options),
    printHtml: (html, options) => objects.printHtml(html, options),
    updates: objects.updates,
    openCustomerDisplay: () => objects.customerDisplay.open(),
    scanFolder: objects.scanFolder,
    keyWrap: createKeyWrapper(objects.safeStorage ?? UNAVAILABLE_SAFE_STORAGE, objects.platform),
    chooseFolder: async (sender, request) => {
      const owner = objects.windowOf(sender);
      const options: OpenFolderDialogOptions = { ...request, properties: ['openDirectory', 'createDirectory'] };
      const choice = owner === null ? await objects.dialog.showOpenDialog(options) : await objects.dialog.showOpenDialog(owner, options);
      const [folder] = choice.filePaths;
      return choice.canceled || folder === undefined || folder === '' ? undefined : folder;
    },
    now: () => objects.now?.() ?? new Date(),
  };
}
