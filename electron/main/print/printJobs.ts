import type { EscposReceipt, IpcErrorCode, IpcResult, TemplatePrinterSettings } from '../../../shared/ipc/contract';
import { ipcFailure } from '../ipc/ipcFailure';
import { renderEscposReceipt } from './escpos';
import type { LpOptions } from './rawPrinter';

/**
 * Sending one job to a printer: a page the renderer has laid out (printed from a webContents) or a
 * receipt as ESC/POS bytes. Page sizes arrive in millimetres and leave in the unit each Electron API
 * wants: microns for `print`, inches for `printToPDF`. Expected failures (no such printer, the user
 * cancelled) are returned as data, with a message in Chinese and English that tells the clerk the
 * document is still there to reprint.
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

/** What printPage needs from the host: the printers the sender's webContents can see. */
export interface PrinterListDeps<S> {
  getPrinters(sender: S): Promise<readonly PrinterInfoLike[]>;
}

/** What printEscpos needs from the host. */
export interface RawPrintDeps {
  /** Send finished bytes to a printer queue (ESC/POS); resolves with the spooler's job id. */
  submitRawJob(printer: string, data: Uint8Array, options: LpOptions): Promise<string>;
}

/** One page to print: where, how, and the call that prints it (the sender's page or a hidden window). */
export interface PageJob {
  printer: string;
  silent: boolean;
  widthMm: number;
  heightMm: number;
  print: (options: PagePrintOptions) => Promise<{ success: boolean; failureReason: string }>;
}

/** A raw-printing failure as the handlers see it (rawPrinter.ts's RawPrintError fits). */
interface RawFailureLike {
  readonly printerMissing?: boolean;
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

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export async function printPage<S>(deps: PrinterListDeps<S>, sender: S, job: PageJob): Promise<IpcResult<{ printed: boolean }>> {
  // A silent print to a printer that is not there would fail somewhere inside the spooler with no
  // useful message; checking first lets the counter tell the clerk which printer is missing.
  if (job.printer !== '' || job.silent) {
    const printers = await deps.getPrinters(sender);
    if (job.printer !== '' && !printers.some((printer) => printer.name === job.printer)) {
      return ipcFailure('printer_unavailable', printerMissingMessage(job.printer));
    }
    if (printers.length === 0) return ipcFailure('printer_unavailable', NO_PRINTER_MESSAGE);
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
    return ipcFailure('print_failed', printFailedMessage(errorMessage(error)));
  }
  if (outcome.success) return { ok: true, value: { printed: true } };
  const code = classifyPrintFailure(outcome.failureReason);
  if (code === 'cancelled') return ipcFailure(code, '已取消列印。 Printing was cancelled.');
  if (code === 'printer_unavailable') return ipcFailure(code, printerMissingMessage(job.printer || outcome.failureReason));
  return ipcFailure(code, printFailedMessage(outcome.failureReason));
}

export async function printEscpos(
  deps: RawPrintDeps,
  station: TemplatePrinterSettings,
  receipt: EscposReceipt,
): Promise<IpcResult<{ printed: boolean }>> {
  if (station.printer === undefined) return ipcFailure('printer_unavailable', NO_RECEIPT_PRINTER_MESSAGE);
  let bytes: Uint8Array;
  try {
    bytes = renderEscposReceipt(receipt, { encoding: station.escposEncoding });
  } catch (error) {
    return ipcFailure('print_failed', printFailedMessage(errorMessage(error)));
  }
  try {
    await deps.submitRawJob(station.printer, bytes, { raw: true, title: 'CounterDesk receipt' });
  } catch (error) {
    if ((error as RawFailureLike).printerMissing === true) return ipcFailure('printer_unavailable', printerMissingMessage(station.printer));
    return ipcFailure('print_failed', printFailedMessage(errorMessage(error)));
  }
  return { ok: true, value: { printed: true } };
}
