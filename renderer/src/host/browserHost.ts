import {
  defaultPrinterSettings,
  hostConfigSchema,
  printerSettingsSchema,
  type HostBridge,
  type IpcResult,
  type PrinterSettings,
  type PrintTemplate,
} from '../../../shared/ipc/contract';
import { applyPageSize } from './pageSize';
import { CUSTOMER_HASH, CUSTOMER_WINDOW_NAME } from './customerWindow';

/**
 * The host bridge implemented with web APIs, for the renderer running in a plain browser (the
 * fallback of `npm start` where Electron is not available, and the end-to-end tests). The host's
 * configuration comes from `host-config.json` beside index.html, written by whoever serves the files.
 */

function ok<T>(value: T): IpcResult<T> {
  return { ok: true, value };
}

async function printViaDialog(template: PrintTemplate, widthMm: number, heightMm?: number): Promise<void> {
  applyPageSize(template, widthMm, heightMm);
  // The browser's own dialog both prints and saves as PDF; it returns when the dialog closes.
  window.print();
}

const NO_SCAN_FOLDER = { available: false, ready: 0, writing: 0 } as const;
const SCAN_FOLDER_UNAVAILABLE = '瀏覽器版本無法監看掃描資料夾，請拖放或選擇檔案。 The browser version cannot watch a scan folder: drop or choose the files instead.';

/** Where the browser host keeps the printer settings: it cannot choose printers, but keeps the form's values. */
export const PRINTER_SETTINGS_KEY = 'counterdesk.printers';

function readPrinterSettings(): PrinterSettings {
  try {
    const parsed = printerSettingsSchema.safeParse(JSON.parse(localStorage.getItem(PRINTER_SETTINGS_KEY) ?? 'null'));
    if (parsed.success) return parsed.data;
  } catch {
    // Unreadable storage or bad JSON: fall through to the defaults, as the Electron host does.
  }
  return defaultPrinterSettings;
}

const BROWSER_KEY_STATUS = { backend: 'browser', protectsAtRest: false };

export const browserHost: HostBridge = {
  'host:get-info': async () => ok({ kind: 'browser', appVersion: import.meta.env.VITE_APP_VERSION ?? '0.1.0', platform: navigator.platform }),
  'host:get-config': async () => {
    try {
      const response = await fetch('./host-config.json', { cache: 'no-store' });
      if (!response.ok) return { ok: false, code: 'internal_error', message: `host-config.json: HTTP ${response.status}` };
      const parsed = hostConfigSchema.safeParse(await response.json());
      if (!parsed.success) return { ok: false, code: 'invalid_request', message: `host-config.json: ${parsed.error.message}` };
      return ok(parsed.data);
    } catch (error) {
      return { ok: false, code: 'internal_error', message: `host-config.json: ${String(error)}` };
    }
  },
  'print:list-printers': async () => ok([]),
  'print:print-document': async (request) => {
    await printViaDialog(request.template, request.pageWidthMm, request.pageHeightMm);
    return ok({ printed: true });
  },
  'print:save-pdf': async (request) => {
    await printViaDialog(request.template, request.pageWidthMm, request.pageHeightMm);
    return ok({ saved: true });
  },
  'print:get-settings': async () => ok(readPrinterSettings()),
  'print:set-settings': async (request) => {
    const parsed = printerSettingsSchema.safeParse(request);
    if (!parsed.success) return { ok: false, code: 'invalid_request', message: parsed.error.message };
    localStorage.setItem(PRINTER_SETTINGS_KEY, JSON.stringify(parsed.data));
    return ok(parsed.data);
  },
  'print:test-page': async () => ({
    ok: false,
    code: 'printer_unavailable',
    message: '瀏覽器版本無法指定印表機，請使用列印對話框。 The browser version cannot choose a printer: use the print dialog.',
  }),
  // Updates belong to the installed app; the browser version is updated by whoever serves it.
  'app:check-for-updates': async () => ok({ state: 'disabled' }),
  'app:set-busy': async (request) => ok({ busy: request.busy, update: { state: 'disabled' } }),
  // The display is this app at #/customer in a named pop-up; window.open runs before any await, so the
  // clerk's click or Alt+K still counts as the user gesture pop-up blockers ask for.
  'window:open-customer-display': async () => {
    const url = new URL(window.location.href);
    url.hash = CUSTOMER_HASH;
    const opened = window.open(url.toString(), CUSTOMER_WINDOW_NAME, 'popup,width=1024,height=768');
    return ok({ opened: opened !== null, placement: 'primary' });
  },
  // A web page cannot watch a folder: the UI hides the scan folder when `available` is false.
  'files:scan-folder-status': async () => ok(NO_SCAN_FOLDER),
  'files:choose-scan-folder': async () => ({ ok: false, code: 'invalid_request', message: SCAN_FOLDER_UNAVAILABLE }),
  'files:clear-scan-folder': async () => ok(NO_SCAN_FOLDER),
  'files:take-scanned': async () => ok({ refused: [], remaining: 0 }),
  'files:release-scanned': async () => ok({ released: 0 }),
  // A browser profile has no key store of the operating system: anything that could wrap the data key
  // (even a non-extractable CryptoKey) is kept in the same profile on the same disk, so it protects
  // nothing against a copied disk. The app relies on the password-derived copy alone.
  'keys:status': async () => ok(BROWSER_KEY_STATUS),
  'keys:wrap': async () => ok(BROWSER_KEY_STATUS),
  'keys:unwrap': async () => ({ ok: false, code: 'invalid_request', message: 'the browser host keeps no wrapped key' }),
};
