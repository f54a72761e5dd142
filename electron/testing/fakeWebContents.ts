import type { PagePrintOptions, PdfPrintOptions, PrinterInfoLike } from '../main/print/printJobs';
import type { PrintableContents } from '../main/host/electronHostDeps';

/**
 * A stand-in for the printing side of Electron's WebContents, for tests only. It records every call so a
 * test can check which webContents was printed and with which options, and fails the way Electron does
 * (through the print callback's reason string) when told to.
 */
export class FakeWebContents implements PrintableContents {
  readonly printCalls: PagePrintOptions[] = [];
  readonly pdfCalls: PdfPrintOptions[] = [];
  printOutcome: { success: boolean; failureReason: string } = { success: true, failureReason: '' };
  pdfBytes: Uint8Array = new TextEncoder().encode('%PDF-1.7\n% CounterDesk test\n%%EOF\n');

  constructor(
    readonly id: number,
    public printers: PrinterInfoLike[] = [],
  ) {}

  async getPrintersAsync(): Promise<PrinterInfoLike[]> {
    return this.printers.map((printer) => ({ ...printer }));
  }

  print(options: PagePrintOptions, callback: (success: boolean, failureReason: string) => void): void {
    this.printCalls.push(structuredClone(options));
    const { success, failureReason } = this.printOutcome;
    // Electron answers asynchronously, after the job is spooled or the dialog closed.
    setTimeout(() => callback(success, failureReason), 0);
  }

  async printToPDF(options: PdfPrintOptions): Promise<Uint8Array> {
    this.pdfCalls.push(structuredClone(options));
    return this.pdfBytes;
  }
}
