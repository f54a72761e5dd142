import { z } from 'zod';

/**
 * The host bridge: every capability the renderer may ask of its host, declared once.
 *
 * Each channel has a zod request and response schema. The Electron preload sends them over IPC and the
 * main process parses both ways (see electron/main/ipcRouter.ts); the browser host implements the same
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
});
export type HostConfig = z.infer<typeof hostConfigSchema>;

export const printerSchema = z.object({ name: z.string(), displayName: z.string(), isDefault: z.boolean() });

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
