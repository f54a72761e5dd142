import path from 'node:path';
import type { HostConfig, IpcErrorCode } from '../../shared/ipc/contract';
import type { IpcHandlers } from './ipcRouter';

/**
 * What the main process does for each bridge channel, given the few Electron functions it needs.
 *
 * Printing never renders anything itself: the renderer has already laid the document out in its print
 * area (with @media print CSS), so the host prints or saves the SENDER's own webContents. Page sizes arrive
 * in millimetres and leave in the unit each Electron API wants: microns for `print`, inches for
 * `printToPDF`. Expected failures (no such printer, the user cancelled) are returned as data.
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

function withPdfExtension(filePath: string): string {
  return /\.pdf$/i.test(filePath) ? filePath : `${filePath}.pdf`;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function createHostHandlers<S>(deps: HostDeps<S>): IpcHandlers<S> {
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
      const printerName = request.printer ?? '';
      // A silent print to a printer that is not there would fail somewhere inside the spooler with no
      // useful message; checking first lets the counter tell the clerk which printer is missing.
      if (printerName !== '' || request.silent) {
        const printers = await deps.getPrinters(sender);
        if (printerName !== '' && !printers.some((printer) => printer.name === printerName)) {
          return failure('printer_unavailable', `The printer "${printerName}" is not installed on this computer.`);
        }
        if (printers.length === 0) {
          return failure('printer_unavailable', 'No printer is installed on this computer.');
        }
      }
      const options: PagePrintOptions = {
        silent: request.silent,
        printBackground: true,
        pageSize: {
          width: micronsFromMm(request.pageWidthMm),
          height: micronsFromMm(request.pageHeightMm ?? DEFAULT_PAGE_HEIGHT_MM),
        },
      };
      if (printerName !== '') options.deviceName = printerName;

      let outcome: { success: boolean; failureReason: string };
      try {
        outcome = await deps.print(sender, options);
      } catch (error) {
        return failure('print_failed', `Printing failed: ${errorMessage(error)}`);
      }
      if (outcome.success) return { ok: true, value: { printed: true } };
      const code = classifyPrintFailure(outcome.failureReason);
      return failure(code, code === 'cancelled' ? 'Printing was cancelled.' : `Printing failed: ${outcome.failureReason}`);
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
  };
}
