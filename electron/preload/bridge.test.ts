import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ipcChannels, type HostConfig } from '../../shared/ipc/contract';
import { createHostHandlers } from '../main/host/hostHandlers';
import type { SaveDialogRequest } from '../main/print/printHandlers';
import type { PagePrintOptions } from '../main/print/printJobs';
import { electronHostDeps, type OpenFolderDialogOptions } from '../main/host/electronHostDeps';
import { createScanFolderService, IMPORTED_DIR, STABLE_POLLS, type ScanFolderService } from '../main/files/scanFolder';
import { registerIpcHandlers } from '../main/ipc/ipcRouter';
import { createPrinterSettingsStore, PRINTER_SETTINGS_FILE } from '../main/print/printerSettings';
import { RawPrintError, type LpOptions } from '../main/print/rawPrinter';
import { createUpdateController } from '../main/app/updater';
import { FakeUpdater } from '../testing/fakeUpdater';
import { isTrustedSender } from '../main/ipc/trustedSender';
import { createFakeIpc, type FakeIpc } from '../testing/fakeIpc';
import { FakeWebContents } from '../testing/fakeWebContents';
import { createPreloadBridge } from './bridge';

// The whole host bridge in one process: the real preload bridge, the real router and the real handlers,
// with only Electron's own objects (ipcMain/ipcRenderer, webContents, dialog, app) replaced.

const config: HostConfig = { serverUrl: 'https://counterdesk.tax.keelung.gov.tw', deviceId: 'keelung-counter-03' };
const appFrame = { url: 'app://counterdesk/index.html#/intake', parent: null };

interface FakeWindow {
  readonly windowOf: number;
}

let dir: string;
let ipc: FakeIpc<FakeWebContents>;
let contents: FakeWebContents;
let otherContents: FakeWebContents;
let dialogCalls: { owner: FakeWindow | null; options: SaveDialogRequest }[];
let dialogAnswer: { canceled: boolean; filePath?: string };
let logged: string[];
let settingsDir: string;
let rawJobs: { printer: string; data: Uint8Array; options: LpOptions }[];
let rawFailure: Error | undefined;
let htmlPrints: { html: string; options: PagePrintOptions }[];
let updater: FakeUpdater;
let folderDialogCalls: { owner: FakeWindow | null; options: OpenFolderDialogOptions }[];
let folderAnswer: { canceled: boolean; filePaths: string[] };
let scanFolder: ScanFolderService;
let customerDisplayOpens: number;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'counterdesk-bridge-'));
  settingsDir = await mkdtemp(path.join(tmpdir(), 'counterdesk-station-'));
  rawJobs = [];
  rawFailure = undefined;
  htmlPrints = [];
  updater = new FakeUpdater();
  ipc = createFakeIpc<FakeWebContents>();
  contents = new FakeWebContents(1, [
    { name: 'EPSON_TM_T82', displayName: 'EPSON TM-T82 (receipts)' },
    { name: 'HP_LaserJet_M404', displayName: 'HP LaserJet M404' },
  ]);
  otherContents = new FakeWebContents(2, contents.printers);
  dialogCalls = [];
  dialogAnswer = { canceled: false, filePath: path.join(dir, 'receipt-1130001.pdf') };
  logged = [];
  folderDialogCalls = [];
  folderAnswer = { canceled: true, filePaths: [] };
  scanFolder = createScanFolderService(settingsDir, { log: () => undefined });
  customerDisplayOpens = 0;

  const deps = electronHostDeps<FakeWebContents, FakeWindow>({
    app: { getVersion: () => '0.1.0', getPath: () => dir },
    dialog: {
      async showSaveDialog(...args: [FakeWindow, SaveDialogRequest] | [SaveDialogRequest]) {
        dialogCalls.push(args.length === 2 ? { owner: args[0], options: args[1] } : { owner: null, options: args[0] });
        return dialogAnswer;
      },
      async showOpenDialog(...args: [FakeWindow, OpenFolderDialogOptions] | [OpenFolderDialogOptions]) {
        folderDialogCalls.push(args.length === 2 ? { owner: args[0], options: args[1] } : { owner: null, options: args[0] });
        return folderAnswer;
      },
    },
    windowOf: (wc: FakeWebContents): FakeWindow => ({ windowOf: wc.id }),
    platform: 'linux',
    config,
    writeFile: (filePath, data) => writeFile(filePath, data),
    printerSettings: createPrinterSettingsStore(settingsDir, () => undefined),
    async submitRawJob(printer, data, options) {
      if (rawFailure !== undefined) throw rawFailure;
      rawJobs.push({ printer, data, options });
      return `${printer}-1`;
    },
    async printHtml(html, options) {
      htmlPrints.push({ html, options });
      return { success: true, failureReason: '' };
    },
    updates: createUpdateController({
      updater: () => updater,
      isPackaged: true,
      serverUrl: config.serverUrl,
      log: () => undefined,
    }),
    customerDisplay: {
      open: () => {
        customerDisplayOpens += 1;
        return { placement: 'secondary' };
      },
      close: () => undefined,
      isOpen: () => customerDisplayOpens > 0,
    },
    scanFolder,
    now: () => new Date('2025-03-04T05:06:07Z'),
  });
  registerIpcHandlers(ipc.ipcMain, createHostHandlers(deps), isTrustedSender, { log: (message) => logged.push(message) });
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
  await rm(settingsDir, { recursive: true, force: true });
});

const trustedBridge = () => createPreloadBridge(ipc.invokeFrom(appFrame, contents));

describe('host bridge from the app frame', () => {
  it('registers exactly the contract channels and exposes one plain method per channel', () => {
    expect(ipc.channels().sort()).toEqual([...ipcChannels].sort());
    const bridge = trustedBridge();
    expect(Object.keys(bridge).sort()).toEqual([...ipcChannels].sort());
    for (const method of Object.values(bridge)) expect(typeof method).toBe('function');
    expect(bridge).not.toHaveProperty('invoke');
    expect(bridge).not.toHaveProperty('ipcRenderer');
  });

  it('answers host:get-info and host:get-config', async () => {
    const bridge = trustedBridge();
    expect(await bridge['host:get-info']({})).toEqual({ ok: true, value: { kind: 'electron', appVersion: '0.1.0', platform: 'linux' } });
    expect(await bridge['host:get-config']({})).toEqual({ ok: true, value: config });
  });

  it('lists the printers of the machine', async () => {
    const result = await trustedBridge()['print:list-printers']({});
    expect(result).toEqual({
      ok: true,
      value: [
        { name: 'EPSON_TM_T82', displayName: 'EPSON TM-T82 (receipts)', isDefault: false },
        { name: 'HP_LaserJet_M404', displayName: 'HP LaserJet M404', isDefault: false },
      ],
    });
  });

  it('prints the sender webContents silently to the named printer with the page size in microns', async () => {
    const result = await trustedBridge()['print:print-document']({
      template: 'receipt',
      printer: 'EPSON_TM_T82',
      silent: true,
      pageWidthMm: 80,
      pageHeightMm: 200,
    });
    expect(result).toEqual({ ok: true, value: { printed: true } });
    expect(contents.printCalls).toEqual([
      { silent: true, deviceName: 'EPSON_TM_T82', printBackground: true, pageSize: { width: 80_000, height: 200_000 } },
    ]);
    expect(otherContents.printCalls).toEqual([]);
  });

  it('uses the default printer and an A4 length when neither is given', async () => {
    const result = await trustedBridge()['print:print-document']({ template: 'notice', silent: false, pageWidthMm: 210 });
    expect(result.ok).toBe(true);
    expect(contents.printCalls).toEqual([{ silent: false, printBackground: true, pageSize: { width: 210_000, height: 297_000 } }]);
  });

  it('reports a printer that is not installed as printer_unavailable without printing', async () => {
    const result = await trustedBridge()['print:print-document']({ template: 'receipt', printer: 'Gone_Printer', silent: true, pageWidthMm: 80 });
    expect(result).toMatchObject({ ok: false, code: 'printer_unavailable' });
    expect(result.ok === false && result.message).toContain('Gone_Printer');
    expect(contents.printCalls).toEqual([]);
  });

  it('reports a silent print on a machine without printers as printer_unavailable', async () => {
    contents.printers = [];
    const result = await trustedBridge()['print:print-document']({ template: 'receipt', silent: true, pageWidthMm: 80 });
    expect(result).toMatchObject({ ok: false, code: 'printer_unavailable' });
  });

  it('turns Electron print failures into print_failed, and a closed dialog into cancelled', async () => {
    contents.printOutcome = { success: false, failureReason: 'Print job failed' };
    expect(await trustedBridge()['print:print-document']({ template: 'notice', silent: false, pageWidthMm: 210 })).toEqual({
      ok: false,
      code: 'print_failed',
      message: '列印失敗：Print job failed。文件已保留，可重印。 Printing failed: Print job failed. The document is kept for reprinting.',
    });
    contents.printOutcome = { success: false, failureReason: 'cancelled' };
    expect(await trustedBridge()['print:print-document']({ template: 'notice', silent: false, pageWidthMm: 210 })).toMatchObject({
      ok: false,
      code: 'cancelled',
    });
  });

  it('saves the sender as a PDF (page size in inches) where the user chose, with a dialog owned by its window', async () => {
    const result = await trustedBridge()['print:save-pdf']({ template: 'receipt', suggestedName: '收執聯-1130001.pdf', pageWidthMm: 80, pageHeightMm: 254 });
    const target = path.join(dir, 'receipt-1130001.pdf');
    expect(result).toEqual({ ok: true, value: { saved: true, path: target } });
    expect(new Uint8Array(await readFile(target))).toEqual(contents.pdfBytes);
    expect(contents.pdfCalls).toHaveLength(1);
    expect(contents.pdfCalls[0]?.pageSize.width).toBeCloseTo(80 / 25.4, 10);
    expect(contents.pdfCalls[0]?.pageSize.height).toBeCloseTo(10, 10);
    expect(dialogCalls).toHaveLength(1);
    expect(dialogCalls[0]?.owner).toEqual({ windowOf: 1 });
    expect(dialogCalls[0]?.options.defaultPath).toBe(path.join(dir, '收執聯-1130001.pdf'));
  });

  it('adds the .pdf extension when the user typed a name without one', async () => {
    dialogAnswer = { canceled: false, filePath: path.join(dir, 'notice') };
    const result = await trustedBridge()['print:save-pdf']({ template: 'notice', suggestedName: 'notice.pdf', pageWidthMm: 210 });
    expect(result).toEqual({ ok: true, value: { saved: true, path: path.join(dir, 'notice.pdf') } });
    expect(await readdir(dir)).toEqual(['notice.pdf']);
  });

  it('writes nothing when the save dialog is cancelled', async () => {
    dialogAnswer = { canceled: true };
    const result = await trustedBridge()['print:save-pdf']({ template: 'notice', suggestedName: 'notice.pdf', pageWidthMm: 210 });
    expect(result).toMatchObject({ ok: false, code: 'cancelled' });
    expect(await readdir(dir)).toEqual([]);
  });

  it('reports a file that cannot be written as print_failed', async () => {
    dialogAnswer = { canceled: false, filePath: path.join(dir, 'no-such-folder', 'notice.pdf') };
    const result = await trustedBridge()['print:save-pdf']({ template: 'notice', suggestedName: 'notice.pdf', pageWidthMm: 210 });
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
    const bridge = trustedBridge();
    expect(await bridge['print:get-settings']({})).toEqual({
      ok: true,
      value: { receipt: { silent: false, mode: 'page', escposEncoding: 'big5' }, notice: { silent: false, mode: 'page', escposEncoding: 'big5' } },
    });
    expect(await bridge['print:set-settings'](station)).toEqual({ ok: true, value: station });
    expect(await bridge['print:get-settings']({})).toEqual({ ok: true, value: station });
    expect(JSON.parse(await readFile(path.join(settingsDir, PRINTER_SETTINGS_FILE), 'utf8'))).toEqual(station);
  });

  it('refuses ESC/POS for the A4 notice', async () => {
    const result = await trustedBridge()['print:set-settings']({ ...station, notice: { ...station.notice, mode: 'escpos' } });
    expect(result).toMatchObject({ ok: false, code: 'invalid_request' });
    expect(result.ok === false && result.message).toMatch(/^notice\.mode: /);
  });

  it('prints a template to its station printer, silently when set so, when the request names none', async () => {
    const bridge = trustedBridge();
    await bridge['print:set-settings'](station);
    expect(await bridge['print:print-document']({ template: 'receipt', silent: false, pageWidthMm: 80, pageHeightMm: 143 })).toEqual({ ok: true, value: { printed: true } });
    expect(await bridge['print:print-document']({ template: 'notice', silent: false, pageWidthMm: 210, pageHeightMm: 297 })).toEqual({ ok: true, value: { printed: true } });
    expect(contents.printCalls).toEqual([
      { silent: true, deviceName: 'EPSON_TM_T82', printBackground: true, pageSize: { width: 80_000, height: 143_000 } },
      { silent: false, deviceName: 'HP_LaserJet_M404', printBackground: true, pageSize: { width: 210_000, height: 297_000 } },
    ]);
  });

  it('names the missing station printer in Chinese and English and keeps the document', async () => {
    const bridge = trustedBridge();
    await bridge['print:set-settings']({ ...station, receipt: { ...station.receipt, printer: 'Unplugged_TM_T82' } });
    const result = await bridge['print:print-document']({ template: 'receipt', silent: false, pageWidthMm: 80 });
    expect(result).toMatchObject({ ok: false, code: 'printer_unavailable' });
    expect(result.ok === false && result.message).toMatch(/^找不到印表機「Unplugged_TM_T82」.*文件已保留.*The printer "Unplugged_TM_T82" is not available/);
    expect(contents.printCalls).toEqual([]);
  });

  it('sends a receipt as ESC/POS bytes to the station printer when set to, and never prints the page', async () => {
    const bridge = trustedBridge();
    await bridge['print:set-settings']({ ...station, receipt: { printer: 'TM_T82_RAW', silent: true, mode: 'escpos', escposEncoding: 'big5' } });
    const result = await bridge['print:print-document']({ template: 'receipt', silent: false, pageWidthMm: 80, receipt: receiptText });
    expect(result).toEqual({ ok: true, value: { printed: true } });
    expect(contents.printCalls).toEqual([]);
    expect(rawJobs).toHaveLength(1);
    expect(rawJobs[0]?.printer).toBe('TM_T82_RAW');
    expect(rawJobs[0]?.options).toEqual({ raw: true, title: 'CounterDesk receipt' });
    expect([...(rawJobs[0]?.data.slice(0, 4) ?? [])]).toEqual([0x1b, 0x40, 0x1c, 0x26]);
    expect(Buffer.from(rawJobs[0]?.data ?? []).includes(Buffer.from(receiptText.qrData, 'ascii'))).toBe(true);
  });

  it('refuses an ESC/POS receipt without its text, and reports a missing raw queue as printer_unavailable', async () => {
    const bridge = trustedBridge();
    await bridge['print:set-settings']({ ...station, receipt: { printer: 'TM_T82_RAW', silent: true, mode: 'escpos', escposEncoding: 'utf8' } });
    expect(await bridge['print:print-document']({ template: 'receipt', silent: false, pageWidthMm: 80 })).toMatchObject({ ok: false, code: 'print_failed' });
    rawFailure = new RawPrintError('lp: The printer or class does not exist.', true);
    const missing = await bridge['print:print-document']({ template: 'receipt', silent: false, pageWidthMm: 80, receipt: receiptText });
    expect(missing).toMatchObject({ ok: false, code: 'printer_unavailable' });
    rawFailure = new RawPrintError('lp: Unable to connect to the printer', false);
    const failed = await bridge['print:print-document']({ template: 'receipt', silent: false, pageWidthMm: 80, receipt: receiptText });
    expect(failed).toMatchObject({ ok: false, code: 'print_failed' });
    expect(failed.ok === false && failed.message).toContain('Unable to connect to the printer');
    expect(rawJobs).toEqual([]);
  });

  it('prints a test page in its own page size to the station printer, silently, leaving the print area alone', async () => {
    const bridge = trustedBridge();
    await bridge['print:set-settings'](station);
    expect(await bridge['print:test-page']({ template: 'receipt' })).toEqual({ ok: true, value: { printed: true, printer: 'EPSON_TM_T82' } });
    expect(contents.printCalls).toEqual([]);
    expect(htmlPrints).toHaveLength(1);
    expect(htmlPrints[0]?.options).toEqual({ silent: true, deviceName: 'EPSON_TM_T82', printBackground: true, pageSize: { width: 80_000, height: 120_000 } });
    expect(htmlPrints[0]?.html).toContain('keelung-counter-03');
    expect(htmlPrints[0]?.html).toContain('2025-03-04T05:06:07.000Z');
  });

  it('sends the ESC/POS test receipt as raw bytes, and reports a test page to a missing printer', async () => {
    const bridge = trustedBridge();
    await bridge['print:set-settings']({ ...station, receipt: { printer: 'TM_T82_RAW', silent: true, mode: 'escpos', escposEncoding: 'utf8' } });
    expect(await bridge['print:test-page']({ template: 'receipt' })).toEqual({ ok: true, value: { printed: true, printer: 'TM_T82_RAW' } });
    expect(Buffer.from(rawJobs[0]?.data ?? []).includes(Buffer.from('測試列印 Test print', 'utf8'))).toBe(true);
    await bridge['print:set-settings']({ ...station, notice: { ...station.notice, printer: 'Gone_Printer' } });
    expect(await bridge['print:test-page']({ template: 'notice' })).toMatchObject({ ok: false, code: 'printer_unavailable' });
    expect(htmlPrints).toEqual([]);
  });
});

describe('updates', () => {
  const feed = { channel: 'latest', url: 'https://counterdesk.tax.keelung.gov.tw/updates/' };

  it('checks the feed the server named and defers the restart while a case is being entered', async () => {
    const bridge = trustedBridge();
    updater.available = '0.2.0';
    expect(await bridge['app:set-busy']({ busy: true })).toEqual({ ok: true, value: { busy: true, update: { state: 'up-to-date' } } });
    expect(await bridge['app:check-for-updates'](feed)).toEqual({ ok: true, value: { state: 'downloading', version: '0.2.0' } });
    expect(updater.feeds).toEqual([{ provider: 'generic', ...feed }]);
    updater.finishDownload();
    expect(updater.installs).toEqual([]);
    expect(await bridge['app:set-busy']({ busy: false })).toEqual({ ok: true, value: { busy: false, update: { state: 'installing', version: '0.2.0' } } });
    expect(updater.installs).toEqual([{ isSilent: true, isForceRunAfter: true }]);
  });

  it('refuses a feed on another origin without touching the updater', async () => {
    const result = await trustedBridge()['app:check-for-updates']({ channel: 'latest', url: 'https://evil.example/updates/' });
    expect(result).toEqual({ ok: true, value: { state: 'error', message: 'the update URL must be on the central server (https://counterdesk.tax.keelung.gov.tw)' } });
    expect(updater.feeds).toEqual([]);
  });

  it('refuses a malformed channel', async () => {
    expect(await trustedBridge()['app:check-for-updates']({ channel: '../beta', url: feed.url })).toMatchObject({ ok: false, code: 'invalid_request' });
  });
});

describe('customer display', () => {
  it('asks the host to open the citizen’s screen', async () => {
    expect(await trustedBridge()['window:open-customer-display']({})).toEqual({ ok: true, value: { opened: true, placement: 'secondary' } });
    expect(customerDisplayOpens).toBe(1);
  });
});

describe('scan folder', () => {
  let scans: string;
  beforeEach(async () => {
    scans = await mkdtemp(path.join(tmpdir(), 'counterdesk-scans-'));
  });
  afterEach(async () => {
    await rm(scans, { recursive: true, force: true });
  });

  it('takes the folder only from the dialog, owned by the counter window, and keeps it', async () => {
    const bridge = trustedBridge();
    expect(await bridge['files:scan-folder-status']({})).toEqual({ ok: true, value: { available: true, ready: 0, writing: 0 } });
    expect(await bridge['files:choose-scan-folder']({})).toMatchObject({ ok: false, code: 'cancelled' });
    folderAnswer = { canceled: false, filePaths: [scans] };
    expect(await bridge['files:choose-scan-folder']({})).toEqual({ ok: true, value: { available: true, folder: scans, ready: 0, writing: 0 } });
    expect(folderDialogCalls[1]).toEqual({ owner: { windowOf: 1 }, options: { title: '選擇掃描資料夾 Choose the scan folder', properties: ['openDirectory', 'createDirectory'] } });
    // A path in the request is not how a folder is chosen: the contract takes none.
    expect(await ipc.invokeRaw(appFrame, contents, 'files:choose-scan-folder', { folder: '/etc' })).toEqual({ ok: true, value: { available: true, folder: scans, ready: 0, writing: 0 } });
    expect(await createScanFolderService(settingsDir).status()).toMatchObject({ folder: scans });
    expect(await bridge['files:clear-scan-folder']({})).toEqual({ ok: true, value: { available: true, ready: 0, writing: 0 } });
  });

  it('hands a finished scan to the renderer as bytes, once', async () => {
    const bridge = trustedBridge();
    folderAnswer = { canceled: false, filePaths: [scans] };
    await bridge['files:choose-scan-folder']({});
    const scan = new TextEncoder().encode('%PDF-1.7\n1 0 obj\n%%EOF\n');
    await writeFile(path.join(scans, 'scan0001.pdf'), scan);
    for (let i = 0; i <= STABLE_POLLS; i += 1) await scanFolder.poll();
    expect(await bridge['files:scan-folder-status']({})).toMatchObject({ ok: true, value: { ready: 1, writing: 0 } });

    const taken = await bridge['files:take-scanned']({});
    if (!taken.ok || taken.value.file === undefined) throw new Error(`nothing taken: ${JSON.stringify(taken)}`);
    expect(taken.value.file.name).toBe('scan0001.pdf');
    expect(taken.value.file.bytes).toBeInstanceOf(Uint8Array);
    expect([...taken.value.file.bytes]).toEqual([...scan]);
    expect(taken.value.remaining).toBe(0);
    expect(await bridge['files:take-scanned']({})).toEqual({ ok: true, value: { refused: [], remaining: 0 } });
    expect(await readdir(path.join(scans, IMPORTED_DIR))).toEqual(['scan0001.pdf']);
  });
});

describe('host bridge from anything else', () => {
  const untrusted = {
    'a remote page': { url: 'https://evil.example/', parent: null },
    'a local file': { url: 'file:///home/clerk/Downloads/invoice.html', parent: null },
    'another app:// host': { url: 'app://evil/index.html', parent: null },
    'a frame inside the app': { url: 'app://counterdesk/embedded.html', parent: { url: 'app://counterdesk/index.html' } },
    'app:// with credentials': { url: 'app://user:pw@counterdesk/index.html', parent: null },
    'an empty URL': { url: '', parent: null },
    'a destroyed frame (null)': null,
  };

  for (const [name, frame] of Object.entries(untrusted)) {
    it(`refuses every channel from ${name} with untrusted_sender, running no handler`, async () => {
      const bridge = createPreloadBridge(ipc.invokeFrom(frame, contents));
      const results = [
        await bridge['host:get-info']({}),
        await bridge['host:get-config']({}),
        await bridge['print:list-printers']({}),
        await bridge['print:print-document']({ template: 'receipt', printer: 'EPSON_TM_T82', silent: true, pageWidthMm: 80 }),
        await bridge['print:save-pdf']({ template: 'receipt', suggestedName: 'r.pdf', pageWidthMm: 80 }),
      ];
      for (const result of results) expect(result).toMatchObject({ ok: false, code: 'untrusted_sender' });
      expect(contents.printCalls).toEqual([]);
      expect(contents.pdfCalls).toEqual([]);
      expect(dialogCalls).toEqual([]);
      expect(logged.filter((line) => line.includes('untrusted sender'))).toHaveLength(5);
    });
  }
});

describe('malformed payloads', () => {
  it('refuses a request that breaks the contract with invalid_request naming the fields', async () => {
    const bridge = trustedBridge();
    const result = await bridge['print:print-document']({ template: 'receipt', silent: 'yes', pageWidthMm: 5 } as never);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe('invalid_request');
    expect(result.message).toMatch(/silent: /);
    expect(result.message).toMatch(/pageWidthMm: /);
    expect(contents.printCalls).toEqual([]);
  });

  it('refuses a PDF name that could leave the chosen folder', async () => {
    const result = await trustedBridge()['print:save-pdf']({ template: 'notice', suggestedName: '../../etc/cron.d/x.pdf', pageWidthMm: 210 });
    expect(result).toMatchObject({ ok: false, code: 'invalid_request' });
    expect(result.ok === false && result.message).toMatch(/^suggestedName: /);
    expect(contents.pdfCalls).toEqual([]);
  });

  it('refuses a missing request and extra arguments', async () => {
    expect(await ipc.invokeRaw(appFrame, contents, 'host:get-info')).toMatchObject({ ok: false, code: 'invalid_request' });
    expect(await ipc.invokeRaw(appFrame, contents, 'host:get-info', {}, {})).toMatchObject({ ok: false, code: 'invalid_request' });
    expect(await ipc.invokeRaw(appFrame, contents, 'print:list-printers', 'all')).toMatchObject({ ok: false, code: 'invalid_request' });
  });
});

describe('replies the preload does not trust', () => {
  it('turns a reply outside the contract into internal_error', async () => {
    const bridge = createPreloadBridge(async () => ({ ok: true, value: { kind: 'martian', appVersion: 1 } }));
    expect(await bridge['host:get-info']({})).toMatchObject({ ok: false, code: 'internal_error' });
    const unknownCode = createPreloadBridge(async () => ({ ok: false, code: 'exploded', message: 'x' }));
    expect(await unknownCode['host:get-info']({})).toMatchObject({ ok: false, code: 'internal_error' });
  });

  it('turns a rejected invoke (no handler registered) into internal_error', async () => {
    const empty = createFakeIpc<FakeWebContents>();
    const bridge = createPreloadBridge(empty.invokeFrom(appFrame, contents));
    const result = await bridge['host:get-config']({});
    expect(result).toEqual({ ok: false, code: 'internal_error', message: "host:get-config: No handler registered for 'host:get-config'" });
  });
});
