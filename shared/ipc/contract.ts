import { z } from 'zod';

/**
 * The host bridge: every capability the renderer may ask of its host, declared once.
 *
 * Each channel has a zod request and response schema. The Electron preload sends them over IPC and the
 * main process parses both ways (see electron/main/ipc/ipcRouter.ts); the browser host implements the same
 * interface with web APIs. Results cross the boundary as data, never as thrown errors.
 * Channel names are `domain:verb-noun`.
 */

export const ipcErrorCodes = ['invalid_request', 'untrusted_sender', 'unknown_channel', 'printer_unavailable', 'print_failed', 'cancelled', 'internal_error'] as const;
export const ipcErrorCodeSchema = z.enum(ipcErrorCodes);
export type IpcErrorCode = z.infer<typeof ipcErrorCodeSchema>;

export type IpcResult<T> = { ok: true; value: T } | { ok: false; code: IpcErrorCode; message: string };

export const printTemplateSchema = z.enum(['receipt', 'notice']);
export type PrintTemplate = z.infer<typeof printTemplateSchema>;

export const hostInfoSchema = z.object({
  kind: z.enum(['electron', 'browser']),
  appVersion: z.string(),
  platform: z.string(),
});
export type HostInfo = z.infer<typeof hostInfoSchema>;

export const hostConfigSchema = z.object({
  /** Base URL of the central server, e.g. https://counterdesk.tax.keelung.gov.tw or http://127.0.0.1:8787 */
  serverUrl: z.url(),
  /** This device's id, given at enrolment. */
  deviceId: z.string().min(1).max(64),
  /**
   * The device secret given with the id at enrolment, when the host is seeded with it (the demo
   * device, test hosts); otherwise the app enrols itself and keeps the credential in its own store.
   */
  deviceSecret: z.string().regex(/^[A-Za-z0-9_-]{32,128}$/).optional(),
  /**
   * The bureau's recovery public key (an RSA-OAEP JWK, as JSON text): a revoked device encrypts its
   * unsynced work to it before removing taxpayer data. Without it, unsynced work is kept, not wiped.
   */
  recoveryPublicKey: z.string().max(4000).optional(),
});
export type HostConfig = z.infer<typeof hostConfigSchema>;

export const printerSchema = z.object({ name: z.string(), displayName: z.string(), isDefault: z.boolean() });

/**
 * How one template prints at this station. `printer` absent = the system's default printer with its
 * dialog. `silent` prints straight to `printer` without a dialog. `mode` 'escpos' sends the receipt as raw
 * ESC/POS bytes (for thermal printers whose drivers print blank pages); `escposEncoding` is the code page
 * the printer expects for Chinese text (Big5 on most Taiwanese models, UTF-8 on newer firmware).
 */
export const templatePrinterSettingsSchema = z.object({
  printer: z.string().min(1).max(200).optional(),
  silent: z.boolean(),
  mode: z.enum(['page', 'escpos']),
  escposEncoding: z.enum(['big5', 'utf8']),
});
export type TemplatePrinterSettings = z.infer<typeof templatePrinterSettingsSchema>;

/** The printers of this station, one entry per template; kept by the host, not synced. */
export const printerSettingsSchema = z.object({
  receipt: templatePrinterSettingsSchema,
  notice: templatePrinterSettingsSchema.refine((settings) => settings.mode === 'page', {
    message: 'A4 notices print as pages; ESC/POS is for receipts only',
    path: ['mode'],
  }),
});
export type PrinterSettings = z.infer<typeof printerSettingsSchema>;

/** A station nobody has set up yet: the system default printer, with its dialog. */
export const defaultPrinterSettings: PrinterSettings = {
  receipt: { silent: false, mode: 'page', escposEncoding: 'big5' },
  notice: { silent: false, mode: 'page', escposEncoding: 'big5' },
};

/**
 * The receipt as text, for the ESC/POS path: the host lays it out in the printer's own font. Sent with
 * every receipt print; the host uses it only when the station prints receipts in ESC/POS mode.
 */
export const escposReceiptSchema = z.object({
  heading: z.array(z.string().max(64)).max(6),
  fields: z.array(z.object({ label: z.string().max(48), value: z.string().max(200) })).max(24),
  caseNo: z.string().min(1).max(40),
  /** What the QR code holds: the citizen's progress URL. */
  qrData: z.string().min(1).max(500),
  footer: z.array(z.string().max(96)).max(6),
});
export type EscposReceipt = z.infer<typeof escposReceiptSchema>;

export const updateStateSchema = z.enum(['disabled', 'up-to-date', 'downloading', 'deferred', 'installing', 'error']);
export type UpdateState = z.infer<typeof updateStateSchema>;

export const updateStatusSchema = z.object({
  state: updateStateSchema,
  /** The version being downloaded or waiting to install. */
  version: z.string().optional(),
  message: z.string().optional(),
});
export type UpdateStatus = z.infer<typeof updateStatusSchema>;

/** Where the customer display opened: full screen on a second display, or a window on the only one. */
export const customerDisplayPlacementSchema = z.enum(['secondary', 'primary']);
export type CustomerDisplayPlacement = z.infer<typeof customerDisplayPlacementSchema>;

/** The largest scanned file handed over at once: the documents feature's own limit (validateDocument). */
export const MAX_SCANNED_FILE_BYTES = 50 * 1024 * 1024;

/** A file name as it sits in the scan folder: no path, no control characters. */
const scannedFileNameSchema = z
  .string()
  .min(1)
  .max(255)
  .refine((name) => !/[/\\]/.test(name) && [...name].every((char) => char.charCodeAt(0) >= 0x20), 'a bare file name');

/**
 * The station's scan folder as the host sees it. `available` false: this host cannot watch folders (the
 * browser), and the UI hides the feature. `ready` files are finished and waiting; `writing` ones are
 * still changing. `problem` says, in Chinese and English, why the folder cannot be read.
 */
export const scanFolderStatusSchema = z.object({
  available: z.boolean(),
  folder: z.string().min(1).max(1000).optional(),
  ready: z.number().int().min(0),
  writing: z.number().int().min(0),
  problem: z.object({ zh: z.string().max(300), en: z.string().max(300) }).optional(),
});
export type ScanFolderStatus = z.infer<typeof scanFolderStatusSchema>;

/**
 * One finished scan, whole; it waits in the folder's hidden `.importing/` subfolder under `staged` until
 * the renderer has stored it encrypted and releases it (`files:release-scanned`).
 */
export const scannedFileSchema = z.object({
  name: scannedFileNameSchema,
  staged: scannedFileNameSchema,
  /** The file's modification time, ISO 8601. */
  modifiedAt: z.iso.datetime(),
  bytes: z.instanceof(Uint8Array).refine((bytes) => bytes.byteLength > 0 && bytes.byteLength <= MAX_SCANNED_FILE_BYTES, {
    message: `a scanned file is 1 byte to ${MAX_SCANNED_FILE_BYTES} bytes`,
  }),
});
export type ScannedFile = z.infer<typeof scannedFileSchema>;

/** Electron's safeStorage backend (dpapi, keychain, gnome_libsecret, kwallet…, basic_text) or `browser`. */
export const keyWrapStatusSchema = z.object({
  backend: z.string().min(1).max(64),
  protectsAtRest: z.boolean(),
});
export type KeyWrapStatus = z.infer<typeof keyWrapStatusSchema>;

/** A device data key crossing the bridge: base64 of exactly 32 bytes. */
export const dataKeyBase64Schema = z.string().regex(/^[A-Za-z0-9+/]{43}=$/, 'base64 of 32 bytes');

export const ipcContract = {
  'host:get-info': { request: z.object({}), response: hostInfoSchema },
  'host:get-config': { request: z.object({}), response: hostConfigSchema },
  'print:list-printers': { request: z.object({}), response: z.array(printerSchema) },
  /**
   * Print what the renderer currently shows in its print area. `printer` empty = the default printer;
   * `silent` false shows the system dialog. Widths in millimetres (80 for receipts, 210 for A4).
   */
  'print:print-document': {
    request: z.object({
      template: printTemplateSchema,
      printer: z.string().max(200).optional(),
      silent: z.boolean(),
      pageWidthMm: z.number().min(40).max(300),
      pageHeightMm: z.number().min(40).max(3000).optional(),
      /** The receipt as text, used when this station prints receipts over ESC/POS. */
      receipt: escposReceiptSchema.optional(),
    }),
    response: z.object({ printed: z.boolean() }),
  },
  /** Save what the print area shows as a PDF file the user picks. */
  'print:save-pdf': {
    request: z.object({
      template: printTemplateSchema,
      suggestedName: z.string().regex(/^[\w.\-\u4e00-\u9fff]{1,120}\.pdf$/),
      pageWidthMm: z.number().min(40).max(300),
      pageHeightMm: z.number().min(40).max(3000).optional(),
    }),
    response: z.object({ saved: z.boolean(), path: z.string().optional() }),
  },
  /** This station's printer per template. */
  'print:get-settings': { request: z.object({}), response: printerSettingsSchema },
  /** Replace this station's printer settings; answers what was stored. */
  'print:set-settings': { request: printerSettingsSchema, response: printerSettingsSchema },
  /** Print a test page (or a test receipt over ESC/POS) on the template's configured printer. */
  'print:test-page': {
    request: z.object({ template: printTemplateSchema }),
    response: z.object({ printed: z.boolean(), printer: z.string() }),
  },
  /**
   * Look for an update on the feed the central server names (same origin as the server). A downloaded
   * update installs only while the app is idle (see app:set-busy), else when the app next quits.
   */
  'app:check-for-updates': {
    request: z.object({
      channel: z.string().regex(/^[a-z][a-z0-9-]{0,31}$/),
      url: z.url().max(500),
    }),
    response: updateStatusSchema,
  },
  /** The renderer says a case is being entered (busy) or not; an update never restarts the app while busy. */
  'app:set-busy': {
    request: z.object({ busy: z.boolean() }),
    response: z.object({ busy: z.boolean(), update: updateStatusSchema }),
  },
  /**
   * Open the customer-facing display (this app at #/customer), or bring it forward when it is open:
   * full screen on the first display that is not the primary one, else a window on the primary display.
   * `opened` false: the host could not open it (the browser blocked the pop-up).
   */
  'window:open-customer-display': {
    request: z.object({}),
    response: z.object({ opened: z.boolean(), placement: customerDisplayPlacementSchema }),
  },
  /** The station's scan folder and how many finished scans wait in it. */
  'files:scan-folder-status': { request: z.object({}), response: scanFolderStatusSchema },
  /**
   * Let the clerk pick the scan folder in the system's folder dialog; the host stores it for this station.
   * The renderer never names a path itself, so it cannot make the host read a folder nobody chose.
   */
  'files:choose-scan-folder': { request: z.object({}), response: scanFolderStatusSchema },
  /** Stop watching a scan folder at this station. */
  'files:clear-scan-folder': { request: z.object({}), response: scanFolderStatusSchema },
  /**
   * Take the oldest finished scan (at most one per call, so a reply stays bounded) and move it into the
   * folder's hidden `.importing/` subfolder, so it is never taken twice. `refused` names files too large to take
   * (moved aside the same way); `remaining` says how many finished scans still wait.
   */
  'files:take-scanned': {
    request: z.object({}),
    response: z.object({
      file: scannedFileSchema.optional(),
      refused: z.array(z.object({ name: scannedFileNameSchema, size: z.number().int().min(0), reason: z.enum(['too_large']) })).max(50),
      remaining: z.number().int().min(0),
    }),
  },
  /**
   * These taken scans (their `staged` names) are stored encrypted: the host deletes them, or moves them
   * into the folder the bureau configured. Names not waiting (any more) are skipped.
   */
  'files:release-scanned': {
    request: z.object({ staged: z.array(scannedFileNameSchema).min(1).max(100) }),
    response: z.object({ released: z.number().int().min(0) }),
  },
  /**
   * How this host can keep the device data key (docs/decisions/0011-encryption-at-rest.md).
   * `protectsAtRest` false: the host has no key store of the operating system (Linux `basic_text`, the
   * browser), so a copy wrapped by it would lie beside its key on the disk; the app then relies on the
   * password-derived copy alone and says so.
   */
  'keys:status': { request: z.object({}), response: keyWrapStatusSchema },
  /** Wrap the data key (base64 of 32 bytes) with the operating system's key store; `wrapped` absent when it has none. */
  'keys:wrap': {
    request: z.object({ key: dataKeyBase64Schema }),
    response: keyWrapStatusSchema.extend({ wrapped: z.string().min(1).max(4096).optional() }),
  },
  /** Unwrap what `keys:wrap` gave (on this machine, for this OS user). */
  'keys:unwrap': {
    request: z.object({ wrapped: z.string().min(1).max(4096) }),
    response: z.object({ key: dataKeyBase64Schema }),
  },
} as const;

export type IpcContract = typeof ipcContract;
export type IpcChannel = keyof IpcContract;
export const ipcChannels = Object.keys(ipcContract) as IpcChannel[];
export type IpcRequest<C extends IpcChannel> = z.input<IpcContract[C]['request']>;
export type IpcResponse<C extends IpcChannel> = z.infer<IpcContract[C]['response']>;

/** What the renderer sees: one async method per channel. */
export type HostBridge = {
  [C in IpcChannel]: (request: IpcRequest<C>) => Promise<IpcResult<IpcResponse<C>>>;
};

/** The global name under which the preload exposes the bridge. */
export const BRIDGE_GLOBAL = 'counterdesk';

/** The fixed origin the Electron UI is served from. */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = 'app://counterdesk';
