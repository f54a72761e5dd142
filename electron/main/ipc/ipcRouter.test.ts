import { describe, expect, it } from 'vitest';
import { ipcChannels, type IpcResult, type PrinterSettings } from '../../../shared/ipc/contract';
import { createPreloadBridge } from '../../preload/bridge';
import { createFakeIpc } from '../../testing/fakeIpc';
import { registerIpcHandlers, type IpcHandlers } from './ipcRouter';
import { isTrustedSender } from './trustedSender';

const appFrame = { url: 'app://counterdesk/index.html', parent: null };

/** Handlers that each record their calls; individual tests replace one to misbehave. */
function recordingHandlers(calls: string[]): IpcHandlers<string> {
  return {
    'host:get-info': async (_request, { sender }) => {
      calls.push(`host:get-info from ${sender}`);
      return { ok: true, value: { kind: 'electron', appVersion: '0.1.0', platform: 'win32' } };
    },
    'host:get-config': async () => ({ ok: true, value: { serverUrl: 'http://127.0.0.1:8787', deviceId: 'demo-counter-01' } }),
    'print:list-printers': async () => ({ ok: true, value: [] }),
    'print:print-document': async (request) => {
      calls.push(`print ${request.pageWidthMm}`);
      return { ok: false, code: 'printer_unavailable', message: 'No printer is installed on this computer.' };
    },
    'print:save-pdf': async () => ({ ok: true, value: { saved: true, path: '/tmp/x.pdf' } }),
    'print:get-settings': async () => ({ ok: true, value: stationPrinters }),
    'print:set-settings': async (request) => ({ ok: true, value: request }),
    'print:test-page': async () => ({ ok: true, value: { printed: true, printer: 'EPSON_TM_T82' } }),
    'app:check-for-updates': async () => ({ ok: true, value: { state: 'disabled' } }),
    'app:set-busy': async (request) => ({ ok: true, value: { busy: request.busy, update: { state: 'disabled' } } }),
    'window:open-customer-display': async () => ({ ok: true, value: { opened: true, placement: 'primary' } }),
    'files:scan-folder-status': async () => ({ ok: true, value: { available: true, ready: 0, writing: 0 } }),
    'files:choose-scan-folder': async () => ({ ok: false, code: 'cancelled', message: 'cancelled' }),
    'files:clear-scan-folder': async () => ({ ok: true, value: { available: true, ready: 0, writing: 0 } }),
    'files:take-scanned': async () => ({ ok: true, value: { refused: [], remaining: 0 } }),
    'files:release-scanned': async () => ({ ok: true, value: { released: 0 } }),
    'keys:status': async () => ({ ok: true, value: { backend: 'dpapi', protectsAtRest: true } }),
    'keys:wrap': async () => ({ ok: true, value: { backend: 'dpapi', protectsAtRest: true, wrapped: 'AAAA' } }),
    'keys:unwrap': async () => ({ ok: false, code: 'internal_error', message: 'not this OS user' }),
  };
}

const stationPrinters: PrinterSettings = {
  receipt: { printer: 'EPSON_TM_T82', silent: true, mode: 'page', escposEncoding: 'big5' },
  notice: { silent: false, mode: 'page', escposEncoding: 'big5' },
};

function setup(handlers: IpcHandlers<string>) {
  const ipc = createFakeIpc<string>();
  const logged: { message: string; detail: unknown }[] = [];
  const dispose = registerIpcHandlers(ipc.ipcMain, handlers, isTrustedSender, { log: (message, detail) => logged.push({ message, detail }) });
  return { ipc, logged, dispose, bridge: createPreloadBridge(ipc.invokeFrom(appFrame, 'window-1')) };
}

describe('registerIpcHandlers', () => {
  it('hands the parsed request and the sender to the handler', async () => {
    const calls: string[] = [];
    const { bridge } = setup(recordingHandlers(calls));
    expect((await bridge['host:get-info']({})).ok).toBe(true);
    expect(calls).toEqual(['host:get-info from window-1']);
  });

  it('passes a handler’s typed failure through unchanged', async () => {
    const calls: string[] = [];
    const { bridge } = setup(recordingHandlers(calls));
    const result = await bridge['print:print-document']({ template: 'receipt', silent: true, pageWidthMm: 80 });
    expect(result).toEqual({ ok: false, code: 'printer_unavailable', message: 'No printer is installed on this computer.' });
    expect(calls).toEqual(['print 80']);
  });

  it('turns a response outside the contract into internal_error and logs it', async () => {
    const handlers = recordingHandlers([]);
    // A handler bug the type system cannot see: data from elsewhere that does not fit the contract.
    handlers['host:get-info'] = async () => JSON.parse('{"ok":true,"value":{"kind":"electron","appVersion":7}}') as IpcResult<never>;
    const { bridge, logged } = setup(handlers);
    const result = await bridge['host:get-info']({});
    expect(result).toEqual({ ok: false, code: 'internal_error', message: 'The host failed to complete host:get-info.' });
    expect(logged).toHaveLength(1);
    expect(logged[0]?.message).toContain('outside the contract');
    expect(String(logged[0]?.detail)).toContain('appVersion');
  });

  it('turns a throwing handler into internal_error without leaking its message', async () => {
    const handlers = recordingHandlers([]);
    handlers['print:save-pdf'] = async () => {
      throw new Error('EACCES: /home/clerk/secret');
    };
    const { bridge, logged } = setup(handlers);
    const result = await bridge['print:save-pdf']({ template: 'notice', suggestedName: 'n.pdf', pageWidthMm: 210 });
    expect(result).toEqual({ ok: false, code: 'internal_error', message: 'The host failed to complete print:save-pdf.' });
    expect(logged.map((entry) => entry.message)).toEqual(['ipc: handler for print:save-pdf threw']);
    expect(logged[0]?.detail).toBeInstanceOf(Error);
  });

  it('strips extra fields a handler adds to its response', async () => {
    const handlers = recordingHandlers([]);
    handlers['print:save-pdf'] = async () =>
      ({ ok: true, value: { saved: true, path: '/tmp/x.pdf', debug: 'internal' } }) as IpcResult<{ saved: boolean }>;
    const { bridge } = setup(handlers);
    expect(await bridge['print:save-pdf']({ template: 'notice', suggestedName: 'n.pdf', pageWidthMm: 210 })).toEqual({
      ok: true,
      value: { saved: true, path: '/tmp/x.pdf' },
    });
  });

  it('checks the sender before parsing the request', async () => {
    const calls: string[] = [];
    const { ipc } = setup(recordingHandlers(calls));
    const reply = await ipc.invokeRaw({ url: 'https://evil.example/', parent: null }, 'evil', 'print:print-document', 'garbage');
    expect(reply).toMatchObject({ ok: false, code: 'untrusted_sender' });
    expect(calls).toEqual([]);
  });

  it('removes its handlers when disposed', () => {
    const { ipc, dispose } = setup(recordingHandlers([]));
    expect(ipc.channels().sort()).toEqual([...ipcChannels].sort());
    dispose();
    expect(ipc.channels()).toEqual([]);
  });
});

describe('isTrustedSender', () => {
  it('trusts only the top frame of app://counterdesk', () => {
    expect(isTrustedSender({ url: 'app://counterdesk/index.html', parent: null })).toBe(true);
    expect(isTrustedSender({ url: 'APP://COUNTERDESK/index.html' })).toBe(true);
    expect(isTrustedSender({ url: 'app://counterdesk.evil.example/index.html', parent: null })).toBe(false);
    expect(isTrustedSender({ url: 'app://counterdesk:8080/index.html', parent: null })).toBe(false);
    expect(isTrustedSender({ url: 'http://counterdesk/index.html', parent: null })).toBe(false);
    expect(isTrustedSender({ url: 'app://counterdesk/index.html', parent: { url: 'app://counterdesk/' } })).toBe(false);
    expect(isTrustedSender({ url: 'not a url', parent: null })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });
});
