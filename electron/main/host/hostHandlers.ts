import path from 'node:path';
import type { CustomerDisplayPlacement, EscposReceipt, HostConfig, IpcErrorCode, IpcResult, TemplatePrinterSettings } from '../../../shared/ipc/contract';
import { escposTestReceipt, renderEscposReceipt } from '../print/escpos';
import type { IpcHandlers } from '../ipc/ipcRouter';
import type { PrinterSettingsStore } from '../print/printerSettings';
import type { ScanFolderService } from '../files/scanFolder';
import type { KeyWrapper } from '../keys/keyWrap';
import type { LpOptions } from '../print/rawPrinter';
import { TEST_PAGE_SIZE_MM, testPageHtml } from '../print/testPage';
import type { UpdateController } from '../app/updater';

/**
 * What the main process does for each bridge channel, given the few Electron functions it needs.
 *
 * Printing never renders anything itself: the renderer has already laid the document out in its print
 * area (with @media print CSS), so the host prints or saves the SENDER's own webContents. Page sizes arrive
 * in millimetres and leave in the unit each Electron API wants: microns for `print`, inches for
 * `printToPDF`. Expected failures (no such printer, the user cancelled) are returned as data, with a
 * message in Chinese and English that tells the clerk the document is still there to reprint.
 *
 * Which printer: the request's own `printer` wins; otherwise the station's printer for the template
 * (printerSettings), printed silently when the station says so; otherwise the system default with its
 * dialog. A receipt on a station set to ESC/POS goes as raw bytes to its printer instead.
 */

/** Page height used when the request gives only a width: an A4 sheet's length. */
export const DEFAULT_PAGE_HEIGHT_MM = 297;

const MM_PER_INCH = 25.4;

/** Electron's PrinterInfo, as far as we read it. `isDefault` is gone from recent Electron releases. */
export interface PrinterInfoLike {
  readonly name: string;
  readonly displayName?: string;
  readonly isDefault?: boolean;
}

/** The subset of Electron's WebContentsPrintOptions we set; pageSize in microns. */
export interface PagePrintOptions {
  silent: boolean;
  deviceName?: string;
  printBackground: boolean;
  pageSize: { width: number; height: number };
}

/** The subset of Electron's PrintToPDFOptions we set; pageSize in inches. */
export interface PdfPrintOptions {
  printBackground: boolean;
  pageSize: { width: number; height: number };
}

export interface SaveDialogRequest {
  title: string;
  defaultPath: string;
  filters: { name: string; extensions: string[] }[];
}

export interface OpenFolderDialogRequest {
  title: string;
  defaultPath?: string;
}

export interface HostDeps<S> {
  readonly appVersion: string;
  readonly platform: string;
  readonly config: HostConfig;
  /** Where the save dialog opens. */
  readonly documentsDir: string;
  getPrinters(sender: S): Promise<readonly PrinterInfoLike[]>;
  /** `webContents.print`, with its callback turned into a promise. */
  print(sender: S, options: PagePrintOptions): Promise<{ success: boolean; failureReason: string }>;
  printToPdf(sender: S, options: PdfPrintOptions): Promise<Uint8Array>;
  showSaveDialog(sender: S, options: SaveDialogRequest): Promise<{ canceled: boolean; filePath?: string }>;
  writeFile(filePath: string, data: Uint8Array): Promise<void>;
  readonly printerSettings: PrinterSettingsStore;
  /** Send finished bytes to a printer queue (ESC/POS); resolves with the spooler's job id. */
  submitRawJob(printer: string, data: Uint8Array, options: LpOptions): Promise<string>;
  /** Print a standalone HTML page (the test page) in a hidden window. */
  printHtml(html: string, options: PagePrintOptions): Promise<{ success: boolean; failureReason: string }>;
  readonly updates: UpdateController;
  /** Opens the customer display window or brings it forward (customerDisplayWindow.ts). */
  openCustomerDisplay(): { placement: CustomerDisplayPlacement };
  readonly scanFolder: ScanFolderService;
  /** The device data key wrapped by the OS key store (keyWrap.ts). */
  readonly keyWrap: KeyWrapper;
  /** The system's folder dialog, modal to the sender's window; undefined when cancelled. */
  chooseFolder(sender: S, options: OpenFolderDialogRequest): Promise<string | undefined>;
  now(): Date;
}

/** A raw-printing failure as the handlers see it (rawPrinter.ts's RawPrintError fits). */
interface RawFailureLike {
  readonly printerMissing?: boolean;
}

function failure(code: IpcErrorCode, message: string): { ok: false; code: IpcErrorCode; message: string } {
  return { ok: false, code, message };
}

/** Millimetres to microns, the unit `webContents.print` takes for a custom page size. */
export function micronsFromMm(mm: number): number {
  return Math.round(mm * 1000);
}

/** Millimetres to inches, the unit `webContents.printToPDF` takes for a custom page size. */
export function inchesFromMm(mm: number): number {
  return mm / MM_PER_INCH;
}

/**
 * Electron reports a failed print only as a reason string. A user closing the system dialog is not an
 * error the clerk needs to see; an unknown device name means the configured printer is gone.
 */
export function classifyPrintFailure(failureReason: string): IpcErrorCode {
  if (/cancel/i.test(failureReason)) return 'cancelled';
  if (/device ?name|printer/i.test(failureReason) && /invalid|not found|unknown/i.test(failureReason)) {
    return 'printer_unavailable';
  }
  return 'print_failed';
}

// Every print failure says, in both languages, that the document is still there: the clerk reprints
// from the same screen once the printer is back, without entering anything again.
const KEPT_ZH = '文件已保留，可重印。';
const KEPT_EN = 'The document is kept for reprinting.';

export function printerMissingMessage(printer: string): string {
  return `找不到印表機「${printer}」，請檢查電源與連線，或在印表機設定中改選。${KEPT_ZH} The printer "${printer}" is not available on this computer: check that it is on and connected, or choose another in the printer settings. ${KEPT_EN}`;
}

export const NO_PRINTER_MESSAGE = `這台電腦沒有安裝印表機。${KEPT_ZH} No printer is installed on this computer. ${KEPT_EN}`;

export function printFailedMessage(reason: string): string {
  return `列印失敗：${reason}。${KEPT_ZH} Printing failed: ${reason}. ${KEPT_EN}`;
}

export const NO_RECEIPT_PRINTER_MESSAGE = `尚未設定收執聯印表機（ESC/POS）。${KEPT_ZH} No receipt printer is set for ESC/POS printing: choose one in the printer settings. ${KEPT_EN}`;

export const NO_RECEIPT_TEXT_MESSAGE = `此櫃台以 ESC/POS 列印收執聯，但未收到收執聯內容。${KEPT_ZH} This station prints receipts over ESC/POS, but the receipt text was not sent. ${KEPT_EN}`;

function withPdfExtension(filePath: string): string {
  return /\.pdf$/i.test(filePath) ? filePath : `${filePath}.pdf`;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function createHostHandlers<S>(deps: HostDeps<S>): IpcHandlers<S> {
  async function printPage(
    sender: S,
    job: {
      printer: string;
      silent: boolean;
      widthMm: number;
      heightMm: number;
      print: (options: PagePrintOptions) => Promise<{ success: boolean; failureReason: string }>;
    },
  ): Promise<IpcResult<{ printed: boolean }>> {
    // A silent print to a printer that is not there would fail somewhere inside the spooler with no
    // useful message; checking first lets the counter tell the clerk which printer is missing.
    if (job.printer !== '' || job.silent) {
      const printers = await deps.getPrinters(sender);
      if (job.printer !== '' && !printers.some((printer) => printer.name === job.printer)) {
        return failure('printer_unavailable', printerMissingMessage(job.printer));
      }
      if (printers.length === 0) return failure('printer_unavailable', NO_PRINTER_MESSAGE);
    }
    const options: PagePrintOptions = {
      silent: job.silent,
      printBackground: true,
      pageSize: { width: micronsFromMm(job.widthMm), height: micronsFromMm(job.heightMm) },
    };
    if (job.printer !== '') options.deviceName = job.printer;

    let outcome: { success: boolean; failureReason: string };
    try {
      outcome = await job.print(options);
    } catch (error) {
      return failure('print_failed', printFailedMessage(errorMessage(error)));
    }
    if (outcome.success) return { ok: true, value: { printed: true } };
    const code = classifyPrintFailure(outcome.failureReason);
    if (code === 'cancelled') return failure(code, '已取消列印。 Printing was cancelled.');
    if (code === 'printer_unavailable') return failure(code, printerMissingMessage(job.printer || outcome.failureReason));
    return failure(code, printFailedMessage(outcome.failureReason));
  }

  async function printEscpos(station: TemplatePrinterSettings, receipt: EscposReceipt): Promise<IpcResult<{ printed: boolean }>> {
    if (station.printer === undefined) return failure('printer_unavailable', NO_RECEIPT_PRINTER_MESSAGE);
    let bytes: Uint8Array;
    try {
      bytes = renderEscposReceipt(receipt, { encoding: station.escposEncoding });
    } catch (error) {
      return failure('print_failed', printFailedMessage(errorMessage(error)));
    }
    try {
      await deps.submitRawJob(station.printer, bytes, { raw: true, title: 'CounterDesk receipt' });
    } catch (error) {
      if ((error as RawFailureLike).printerMissing === true) return failure('printer_unavailable', printerMissingMessage(station.printer));
      return failure('print_failed', printFailedMessage(errorMessage(error)));
    }
    return { ok: true, value: { printed: true } };
  }

  return {
    'host:get-info': async () => ({
      ok: true,
      value: { kind: 'electron', appVersion: deps.appVersion, platform: deps.platform },
    }),

    'host:get-config': async () => ({ ok: true, value: { ...deps.config } }),

    'print:list-printers': async (_request, { sender }) => {
      const printers = await deps.getPrinters(sender);
      return {
        ok: true,
        value: printers.map((printer) => ({
          name: printer.name,
          displayName: printer.displayName ?? printer.name,
          isDefault: printer.isDefault === true,
        })),
      };
    },

    'print:print-document': async (request, { sender }) => {
      const station = (await deps.printerSettings.get())[request.template];
      const useStation = request.printer === undefined && station.printer !== undefined;
      if (request.template === 'receipt' && station.mode === 'escpos' && request.printer === undefined) {
        if (request.receipt === undefined) return failure('print_failed', NO_RECEIPT_TEXT_MESSAGE);
        return printEscpos(station, request.receipt);
      }
      return printPage(sender, {
        printer: request.printer ?? station.printer ?? '',
        silent: request.silent || (useStation && station.silent),
        widthMm: request.pageWidthMm,
        heightMm: request.pageHeightMm ?? DEFAULT_PAGE_HEIGHT_MM,
        print: (options) => deps.print(sender, options),
      });
    },

    'print:save-pdf': async (request, { sender }) => {
      let pdf: Uint8Array;
      try {
        pdf = await deps.printToPdf(sender, {
          printBackground: true,
          pageSize: {
            width: inchesFromMm(request.pageWidthMm),
            height: inchesFromMm(request.pageHeightMm ?? DEFAULT_PAGE_HEIGHT_MM),
          },
        });
      } catch (error) {
        return failure('print_failed', `Could not make the PDF: ${errorMessage(error)}`);
      }

      const choice = await deps.showSaveDialog(sender, {
        title: 'Save as PDF',
        defaultPath: path.join(deps.documentsDir, request.suggestedName),
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
      });
      if (choice.canceled || choice.filePath === undefined || choice.filePath === '') {
        return failure('cancelled', 'Saving the PDF was cancelled.');
      }

      const filePath = withPdfExtension(choice.filePath);
      try {
        await deps.writeFile(filePath, pdf);
      } catch (error) {
        return failure('print_failed', `Could not write ${filePath}: ${errorMessage(error)}`);
      }
      return { ok: true, value: { saved: true, path: filePath } };
    },

    'print:get-settings': async () => ({ ok: true, value: await deps.printerSettings.get() }),

    'print:set-settings': async (request) => ({ ok: true, value: await deps.printerSettings.set(request) }),

    'print:test-page': async (request, { sender }) => {
      const station = (await deps.printerSettings.get())[request.template];
      const printer = station.printer ?? '';
      if (station.mode === 'escpos') {
        if (station.printer === undefined) return failure('printer_unavailable', NO_RECEIPT_PRINTER_MESSAGE);
        const printed = await printEscpos(station, escposTestReceipt(station.printer, deps.config.deviceId, deps.now()));
        return printed.ok ? { ok: true, value: { printed: true, printer } } : printed;
      }
      const size = TEST_PAGE_SIZE_MM[request.template];
      const html = testPageHtml(request.template, printer, deps.config.deviceId, deps.now());
      const printed = await printPage(sender, {
        printer,
        // A configured printer is tested the way it will print: without a dialog.
        silent: printer !== '',
        widthMm: size.widthMm,
        heightMm: size.heightMm,
        print: (options) => deps.printHtml(html, options),
      });
      return printed.ok ? { ok: true, value: { printed: true, printer } } : printed;
    },

    'app:check-for-updates': async (request) => ({ ok: true, value: await deps.updates.check(request) }),

    'app:set-busy': async (request) => {
      const update = deps.updates.setBusy(request.busy);
      return { ok: true, value: { busy: deps.updates.isBusy(), update } };
    },

    'window:open-customer-display': async () => ({ ok: true, value: { opened: true, ...deps.openCustomerDisplay() } }),

    'files:scan-folder-status': async () => ({ ok: true, value: await deps.scanFolder.status() }),

    'files:choose-scan-folder': async (_request, { sender }) => {
      const current = await deps.scanFolder.status();
      const chosen = await deps.chooseFolder(sender, {
        title: '選擇掃描資料夾 Choose the scan folder',
        ...(current.folder === undefined ? {} : { defaultPath: current.folder }),
      });
      if (chosen === undefined) return failure('cancelled', '已取消選擇資料夾。 Choosing the folder was cancelled.');
      return { ok: true, value: await deps.scanFolder.setFolder(chosen) };
    },

    'files:clear-scan-folder': async () => ({ ok: true, value: await deps.scanFolder.setFolder(undefined) }),

    'files:take-scanned': async () => ({ ok: true, value: await deps.scanFolder.take() }),

    'keys:status': async () => ({ ok: true, value: deps.keyWrap.status() }),

    'keys:wrap': async (request) => deps.keyWrap.wrap(request.key),

    'keys:unwrap': async (request) => deps.keyWrap.unwrap(request.wrapped),
  };
}
