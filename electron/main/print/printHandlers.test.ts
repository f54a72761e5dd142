import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useHostBridgeHarness } from '../../testing/hostBridgeHarness';
import { PRINTER_SETTINGS_FILE } from './printerSettings';
import { RawPrintError } from './rawPrinter';

// The print:* channels through the whole host bridge (preload, router, handlers), with only Electron's
// own objects replaced: what was printed, on which webContents, in which unit, and what the clerk reads.

const h = useHostBridgeHarness();

describe('printing the sender', () => {
  it('lists the printers of the machine', async () => {
    const result = await h.trustedBridge()['print:list-printers']({});
    expect(result).toEqual({
      ok: true,
      value: [
        { name: 'EPSON_TM_T82', displayName: 'EPSON TM-T82 (receipts)', isDefault: false },
        { name: 'HP_LaserJet_M404', displayName: 'HP LaserJet M404', isDefault: false },
      ],
    });
  });

  it('prints the sender webContents silently to the named printer with the page size in microns', async () => {
    const result = await h.trustedBridge()['print:print-document']({
      template: 'receipt',
      printer: 'EPSON_TM_T82',
      silent: true,
      pageWidthMm: 80,
      pageHeightMm: 200,
    });
    expect(result).toEqual({ ok: true, value: { printed: true } });
    expect(h.contents.printCalls).toEqual([
      { silent: true, deviceName: 'EPSON_TM_T82', printBackground: true, pageSize: { width: 80_000, height: 200_000 } },
    ]);
    expect(h.otherContents.printCalls).toEqual([]);
  });

  it('uses the default printer and an A4 length when neither is given', async () => {
    const result = await h.trustedBridge()['print:print-document']({ template: 'notice', silent: false, pageWidthMm: 210 });
    expect(result.ok).toBe(true);
    expect(h.contents.printCalls).toEqual([{ silent: false, printBackground: true, pageSize: { width: 210_000, height: 297_000 } }]);
  });

  it('reports a printer that is not installed as printer_unavailable without printing', async () => {
    const result = await h.trustedBridge()['print:print-document']({ template: 'receipt', printer: 'Gone_Printer', silent: true, pageWidthMm: 80 });
    expect(result).toMatchObject({ ok: false, code: 'printer_unavailable' });
    expect(result.ok === false && result.message).toContain('Gone_Printer');
    expect(h.contents.printCalls).toEqual([]);
  });

  it('reports a silent print on a machine without printers as printer_unavailable', async () => {
    h.contents.printers = [];
    const result = await h.trustedBridge()['print:print-document']({ template: 'receipt', silent: true, pageWidthMm: 80 });
    expect(result).toMatchObject({ ok: false, code: 'printer_unavailable' });
  });

  it('turns Electron print failures into print_failed, and a closed dialog into cancelled', async () => {
    h.contents.printOutcome = { success: false, failureReason: 'Print job failed' };
    expect(await h.trustedBridge()['print:print-document']({ template: 'notice', silent: false, pageWidthMm: 210 })).toEqual({
      ok: false,
      code: 'print_failed',
      message: '列印失敗：Print job failed。文件已保留，可重印。 Printing failed: Print job failed. The document is kept for reprinting.',
    });
    h.contents.printOutcome = { success: false, failureReason: 'cancelled' };
    expect(await h.trustedBridge()['print:print-document']({ template: 'notice', silent: false, pageWidthMm: 210 })).toMatchObject({
      ok: false,
      code: 'cancelled',
    });
  });

  it('saves the sender as a PDF (page size in inches) where the user chose, with a dialog owned by its window', async () => {
    const result = await h.trustedBridge()['print:save-pdf']({ template: 'receipt', suggestedName: '收執聯-1130001.pdf', pageWidthMm: 80, pageHeightMm: 254 });
    const target = path.join(h.dir, 'receipt-1130001.pdf');
    expect(result).toEqual({ ok: true, value: { saved: true, path: target } });
    expect(new Uint8Array(await readFile(target))).toEqual(h.contents.pdfBytes);
    expect(h.contents.pdfCalls).toHaveLength(1);
    expect(h.contents.pdfCalls[0]?.pageSize.width).toBeCloseTo(80 / 25.4, 10);
    expect(h.contents.pdfCalls[0]?.pageSize.height).toBeCloseTo(10, 10);
    expect(h.dialogCalls).toHaveLength(1);
    expect(h.dialogCalls[0]?.owner).toEqual({ windowOf: 1 });
    expect(h.dialogCalls[0]?.options.defaultPath).toBe(path.join(h.dir, '收執聯-1130001.pdf'));
  });

  it('adds the .pdf extension when the user typed a name without one', async () => {
    h.dialogAnswer = { canceled: false, filePath: path.join(h.dir, 'notice') };
    const result = await h.trustedBridge()['print:save-pdf']({ template: 'notice', suggestedName: 'notice.pdf', pageWidthMm: 210 });
    expect(result).toEqual({ ok: true, value: { saved: true, path: path.join(h.dir, 'notice.pdf') } });
    expect(await readdir(h.dir)).toEqual(['notice.pdf']);
  });

  it('writes nothing when the save dialog is cancelled', async () => {
    h.dialogAnswer = { canceled: true };
    const result = await h.trustedBridge()['print:save-pdf']({ template: 'notice', suggestedName: 'notice.pdf', pageWidthMm: 210 });
    expect(result).toMatchObject({ ok: false, code: 'cancelled' });
    expect(await readdir(h.dir)).toEqual([]);
  });

  it('reports a file that cannot be written as print_failed', async () => {
    h.dialogAnswer = { canceled: false, filePath: path.join(h.dir, 'no-such-folder', 'notice.pdf') };
    const result = await h.trustedBridge()['print:save-pdf']({ template: 'notice', suggestedName: 'notice.pdf', pageWidthMm: 210 });
    expect(result).toMatchObject({ ok: false, code: 'print_failed' });
  });
});

const receiptText = {
  heading: ['基隆市稅務局', '收執聯 Receipt'],
  fields: [{ label: '案件編號 Case no.', value: '1140304-0007' }],
  caseNo: '1140304-0007',
  qrData: 'https://counterdesk.tax.keelung.gov.tw/q/1140304-0007?v=abc',
  footer: ['掃描 QR Code 查詢案件進度'],
};

describe('station printer settings', () => {
  const station = {
    receipt: { printer: 'EPSON_TM_T82', silent: true, mode: 'page', escposEncoding: 'big5' },
    notice: { printer: 'HP_LaserJet_M404', silent: false, mode: 'page', escposEncoding: 'big5' },
  } as const;

  it('starts with the system default and its dialog, then keeps what was set in userData', async () => {
    const bridge = h.trustedBridge();
    expect(await bridge['print:get-settings']({})).toEqual({
      ok: true,
      value: { receipt: { silent: false, mode: 'page', escposEncoding: 'big5' }, notice: { silent: false, mode: 'page', escposEncoding: 'big5' } },
    });
    expect(await bridge['print:set-settings'](station)).toEqual({ ok: true, value: station });
    expect(await bridge['print:get-settings']({})).toEqual({ ok: true, value: station });
    expect(JSON.parse(await readFile(path.join(h.settingsDir, PRINTER_SETTINGS_FILE), 'utf8'))).toEqual(station);
  });

  it('refuses ESC/POS for the A4 notice', async () => {
    const result = await h.trustedBridge()['print:set-settings']({ ...station, notice: { ...station.notice, mode: 'escpos' } });
    expect(result).toMatchObject({ ok: false, code: 'invalid_request' });
    expect(result.ok === false && result.message).toMatch(/^notice\.mode: /);
  });

  it('prints a template to its station printer, silently when set so, when the request names none', async () => {
    const bridge = h.trustedBridge();
    await bridge['print:set-settings'](station);
    expect(await bridge['print:print-document']({ template: 'receipt', silent: false, pageWidthMm: 80, pageHeightMm: 143 })).toEqual({ ok: true, value: { printed: true } });
    expect(await bridge['print:print-document']({ template: 'notice', silent: false, pageWidthMm: 210, pageHeightMm: 297 })).toEqual({ ok: true, value: { printed: true } });
    expect(h.contents.printCalls).toEqual([
      { silent: true, deviceName: 'EPSON_TM_T82', printBackground: true, pageSize: { width: 80_000, height: 143_000 } },
      { silent: false, deviceName: 'HP_LaserJet_M404', printBackground: true, pageSize: { width: 210_000, height: 297_000 } },
    ]);
  });

  it('names the missing station printer in Chinese and English and keeps the document', async () => {
    const bridge = h.trustedBridge();
    await bridge['print:set-settings']({ ...station, receipt: { ...station.receipt, printer: 'Unplugged_TM_T82' } });
    const result = await bridge['print:print-document']({ template: 'receipt', silent: false, pageWidthMm: 80 });
    expect(result).toMatchObject({ ok: false, code: 'printer_unavailable' });
    expect(result.ok === false && result.message).toMatch(/^找不到印表機「Unplugged_TM_T82」.*文件已保留.*The printer "Unplugged_TM_T82" is not available/);
    expect(h.contents.printCalls).toEqual([]);
  });

  it('sends a receipt as ESC/POS bytes to the station printer when set to, and never prints the page', async () => {
    const bridge = h.trustedBridge();
    await bridge['print:set-settings']({ ...station, receipt: { printer: 'TM_T82_RAW', silent: true, mode: 'escpos', escposEncoding: 'big5' } });
    const result = await bridge['print:print-document']({ template: 'receipt', silent: false, pageWidthMm: 80, receipt: receiptText });
    expect(result).toEqual({ ok: true, value: { printed: true } });
    expect(h.contents.printCalls).toEqual([]);
    expect(h.rawJobs).toHaveLength(1);
    expect(h.rawJobs[0]?.printer).toBe('TM_T82_RAW');
    expect(h.rawJobs[0]?.options).toEqual({ raw: true, title: 'CounterDesk receipt' });
    expect([...(h.rawJobs[0]?.data.slice(0, 4) ?? [])]).toEqual([0x1b, 0x40, 0x1c, 0x26]);
    expect(Buffer.from(h.rawJobs[0]?.data ?? []).includes(Buffer.from(receiptText.qrData, 'ascii'))).toBe(true);
  });

  it('refuses an ESC/POS receipt without its text, and reports a missing raw queue as printer_unavailable', async () => {
    const bridge = h.trustedBridge();
    await bridge['print:set-settings']({ ...station, receipt: { printer: 'TM_T82_RAW', silent: true, mode: 'escpos', escposEncoding: 'utf8' } });
    expect(await bridge['print:print-document']({ template: 'receipt', silent: false, pageWidthMm: 80 })).toMatchObject({ ok: false, code: 'print_failed' });
    h.rawFailure = new RawPrintError('lp: The printer or class does not exist.', true);
    const missing = await bridge['print:print-document']({ template: 'receipt', silent: false, pageWidthMm: 80, receipt: receiptText });
    expect(missing).toMatchObject({ ok: false, code: 'printer_unavailable' });
    h.rawFailure = new RawPrintError('lp: Unable to connect to the printer', false);
    const failed = await bridge['print:print-document']({ template: 'receipt', silent: false, pageWidthMm: 80, receipt: receiptText });
    expect(failed).toMatchObject({ ok: false, code: 'print_failed' });
    expect(failed.ok === false && failed.message).toContain('Unable to connect to the printer');
    expect(h.rawJobs).toEqual([]);
  });

  it('prints a test page in its own page size to the station printer, silently, leaving the print area alone', async () => {
    const bridge = h.trustedBridge();
    await bridge['print:set-settings'](station);
    expect(await bridge['print:test-page']({ template: 'receipt' })).toEqual({ ok: true, value: { printed: true, printer: 'EPSON_TM_T82' } });
    expect(h.contents.printCalls).toEqual([]);
    expect(h.htmlPrints).toHaveLength(1);
    expect(h.htmlPrints[0]?.options).toEqual({ silent: true, deviceName: 'EPSON_TM_T82', printBackground: true, pageSize: { width: 80_000, height: 120_000 } });
    expect(h.htmlPrints[0]?.html).toContain('keelung-counter-03');
    expect(h.htmlPrints[0]?.html).toContain('2025-03-04T05:06:07.000Z');
  });

  it('sends the ESC/POS test receipt as raw bytes, and reports a test page to a missing printer', async () => {
    const bridge = h.trustedBridge();
    await bridge['print:set-settings']({ ...station, receipt: { printer: 'TM_T82_RAW', silent: true, mode: 'escpos', escposEncoding: 'utf8' } });
    expect(await bridge['print:test-page']({ template: 'receipt' })).toEqual({ ok: true, value: { printed: true, printer: 'TM_T82_RAW' } });
    expect(Buffer.from(h.rawJobs[0]?.data ?? []).includes(Buffer.from('測試列印 Test print', 'utf8'))).toBe(true);
    await bridge['print:set-settings']({ ...station, notice: { ...station.notice, printer: 'Gone_Printer' } });
    expect(await bridge['print:test-page']({ template: 'notice' })).toMatchObject({ ok: false, code: 'printer_unavailable' });
    expect(h.htmlPrints).toEqual([]);
  });
});
