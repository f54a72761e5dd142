import { z } from 'zod';
import {
  ipcContract,
  ipcErrorCodeSchema,
  type HostBridge,
  type IpcChannel,
  type IpcRequest,
  type IpcResponse,
  type IpcResult,
} from '../../shared/ipc/contract';

/**
 * The HostBridge over IPC, built from one `invoke` function so Node tests can drive it without Electron.
 *
 * The page gets plain async methods and plain data: never `ipcRenderer`, never an IPC event. Whatever comes
 * back from the main process is parsed against the contract before the page sees it, and a failed or
 * malformed reply becomes an `internal_error` result, so a bridge method always resolves to an IpcResult.
 * Requests are not validated here: the main process is the authority and parses every one.
 */

/** `ipcRenderer.invoke`, narrowed to the contract's channels. */
export type IpcInvoke = (channel: IpcChannel, request: unknown) => Promise<unknown>;

const failureSchema = z.object({ ok: z.literal(false), code: ipcErrorCodeSchema, message: z.string() });

function resultSchemaOf<C extends IpcChannel>(channel: C) {
  return z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), value: ipcContract[channel].response }), failureSchema]);
}

export function createPreloadBridge(invoke: IpcInvoke) {
  const resultSchemas = new Map<IpcChannel, ReturnType<typeof resultSchemaOf>>();

  async function call<C extends IpcChannel>(channel: C, request: IpcRequest<C>): Promise<IpcResult<IpcResponse<C>>> {
    let reply: unknown;
    try {
      reply = await invoke(channel, request);
    } catch (error) {
      return { ok: false, code: 'internal_error', message: `${channel}: ${error instanceof Error ? error.message : String(error)}` };
    }
    let schema = resultSchemas.get(channel);
    if (schema === undefined) {
      schema = resultSchemaOf(channel);
      resultSchemas.set(channel, schema);
    }
    const parsed = schema.safeParse(reply);
    if (!parsed.success) {
      return { ok: false, code: 'internal_error', message: `${channel}: the host replied outside the contract` };
    }
    // The schema for channel C parses exactly IpcResult<IpcResponse<C>>; the Map erases C.
    return parsed.data as IpcResult<IpcResponse<C>>;
  }

  return {
    'host:get-info': (request) => call('host:get-info', request),
    'host:get-config': (request) => call('host:get-config', request),
    'print:list-printers': (request) => call('print:list-printers', request),
    'print:print-document': (request) => call('print:print-document', request),
    'print:save-pdf': (request) => call('print:save-pdf', request),
    'print:get-settings': (request) => call('print:get-settings', request),
    'print:set-settings': (request) => call('print:set-settings', request),
    'print:test-page': (request) => call('print:test-page', request),
    'app:check-for-updates': (request) => call('app:check-for-updates', request),
    'app:set-busy': (request) => call('app:set-busy', request),
    'window:open-customer-display': (request) => call('window:open-customer-display', request),
    'files:scan-folder-status': (request) => call('files:scan-folder-status', request),
    'files:choose-scan-folder': (request) => call('files:choose-scan-folder', request),
    'files:clear-scan-folder': (request) => call('files:clear-scan-folder', request),
    'files:take-scanned': (request) => call('files:take-scanned', request),
    'files:release-scanned': (request) => call('files:release-scanned', request),
    'keys:status': (request) => call('keys:status', request),
    'keys:wrap': (request) => call('keys:wrap', request),
    'keys:unwrap': (request) => call('keys:unwrap', request),
  } satisfies HostBridge;
}
