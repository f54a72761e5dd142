import path from 'node:path';
import type { HostConfig } from '../../../shared/ipc/contract';
import { ipcFailure } from '../ipc/ipcFailure';
import type { IpcHandlerGroup } from '../ipc/ipcRouter';
import { escposTestReceipt } from './escpos';
import type { PrinterSettingsStore } from './printerSettings';
import {
  DEFAULT_PAGE_HEIGHT_MM,
  errorMessage,
  inchesFromMm,
  NO_RECEIPT_PRINTER_MESSAGE,
  NO_RECEIPT_TEXT_MESSAGE,
  printEscpos,
  printPage,
  type PagePrintOptions,
  type PdfPrintOptions,
  type PrinterListDeps,
  type RawPrintDeps,
} from './printJobs';
import { TEST_PAGE_SIZE_MM, testPageHtml } from './testPage';

/**
 * The print:* channels.
 *
 * Printing never renders anything itself: the renderer has already laid the document out in its print
 * area (with @media print CSS), so the host prints or saves the SENDER's own webContents.
 *
 * Which printer: the request's own `printer` wins; otherwise the station's printer for the template
 * (printerSettings), printed silently when the station says so; otherwise the system default with its
 * dialog. A receipt on a station set to ESC/POS goes as raw bytes to its printer instead.
 */

export interface SaveDialogRequest {
  title: string;
  defaultPath: string;
  filters: { name: string; extensions: string[] }[];
}

/** What the print channels need from Electron (host/electronHostDeps.ts provides it). */
export interface PrintDeps<S> extends PrinterListDeps<S>, RawPrintDeps {
  /** The test page names the device. */
  readonly config: HostConfig;
  /** Where the save dialog opens. */
  readonly documentsDir: string;
  /** `webContents.print`, with its callback turned into a promise. */
  print(sender: S, options: PagePrintOptions): Promise<{ success: boolean; failureReason: string }>;
  printToPdf(sender: S, options: PdfPrintOptions): Promise<Uint8Array>;
  showSaveDialog(sender: S, options: SaveDialogRequest): Promise<{ canceled: boolean; filePath?: string }>;
  writeFile(filePath: string, data: Uint8Array): Promise<void>;
  readonly printerSettings: PrinterSettingsStore;
  /** Print a standalone HTML page (the test page) in a hidden window. */
  printHtml(html: string, options: PagePrintOptions): Promise<{ success: boolean; failureReason: string }>;
  now(): Date;
}

function withPdfExtension(filePath: string): string {
  return /\.pdf$/i.test(filePath) ? filePath : `${filePath}.pdf`;
}

export function createPrintHandlers<S>(deps: PrintDeps<S>): IpcHandlerGroup<S, 'print'> {
  return {
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
        if (request.receipt === undefined) return ipcFailure('print_failed', NO_RECEIPT_TEXT_MESSAGE);
        return printEscpos(deps, station, request.receipt);
      }
      return printPage(deps, sender, {
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
        return ipcFailure('print_failed', `Could not make the PDF: ${errorMessage(error)}`);
      }

      const choice = await deps.showSaveDialog(sender, {
        title: 'Save as PDF',
        defaultPath: path.join(deps.documentsDir, request.suggestedName),
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
      });
      if (choice.canceled || choice.filePath === undefined || choice.filePath === '') {
        return ipcFailure('cancelled', 'Saving the PDF was cancelled.');
      }

      const filePath = withPdfExtension(choice.filePath);
      try {
        await deps.writeFile(filePath, pdf);
      } catch (error) {
        return ipcFailure('print_failed', `Could not write ${filePath}: ${errorMessage(error)}`);
      }
      return { ok: true, value: { saved: true, path: filePath } };
    },

    'print:get-settings': async () => ({ ok: true, value: await deps.printerSettings.get() }),

    'print:set-settings': async (request) => ({ ok: true, value: await deps.printerSettings.set(request) }),

    'print:test-page': async (request, { sender }) => {
      const station = (await deps.printerSettings.get())[request.template];
      const printer = station.printer ?? '';
      if (station.mode === 'escpos') {
        if (station.printer === undefined) return ipcFailure('printer_unavailable', NO_RECEIPT_PRINTER_MESSAGE);
        const printed = await printEscpos(deps, station, escposTestReceipt(station.printer, deps.config.deviceId, deps.now()));
        return printed.ok ? { ok: true, value: { printed: true, printer } } : printed;
      }
      const size = TEST_PAGE_SIZE_MM[request.template];
      const html = testPageHtml(request.template, printer, deps.config.deviceId, deps.now());
      const printed = await printPage(deps, sender, {
        printer,
        // A configured printer is tested the way it will print: without a dialog.
        silent: printer !== '',
        widthMm: size.widthMm,
        heightMm: size.heightMm,
        print: (options) => deps.printHtml(html, options),
      });
      return printed.ok ? { ok: true, value: { printed: true, printer } } : printed;
    },
  };
}
