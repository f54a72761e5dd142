import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ipcChannels } from '../../shared/ipc/contract';
import { createScanFolderService, STAGING_DIR, STABLE_POLLS } from '../main/files/scanFolder';
import { createFakeIpc } from '../testing/fakeIpc';
import { useHostBridgeHarness } from '../testing/hostBridgeHarness';
import type { FakeWebContents } from '../testing/fakeWebContents';
import { createPreloadBridge } from './bridge';

// The whole host bridge in one process: the real preload bridge, the real router and the real handlers,
// with only Electron's own objects (ipcMain/ipcRenderer, webContents, dialog, app) replaced
// (testing/hostBridgeHarness.ts). Printing has its own file beside its handlers: print/printHandlers.test.ts.

const h = useHostBridgeHarness();

describe('host bridge from the app frame', () => {
  it('registers exactly the contract channels and exposes one plain method per channel', () => {
    expect(h.ipc.channels().sort()).toEqual([...ipcChannels].sort());
    const bridge = h.trustedBridge();
    expect(Object.keys(bridge).sort()).toEqual([...ipcChannels].sort());
    for (const method of Object.values(bridge)) expect(typeof method).toBe('function');
    expect(bridge).not.toHaveProperty('invoke');
    expect(bridge).not.toHaveProperty('ipcRenderer');
  });

  it('answers host:get-info and host:get-config', async () => {
    const bridge = h.trustedBridge();
    expect(await bridge['host:get-info']({})).toEqual({ ok: true, value: { kind: 'electron', appVersion: '0.1.0', platform: 'linux' } });
    expect(await bridge['host:get-config']({})).toEqual({ ok: true, value: h.config });
  });
});

describe('updates', () => {
  const feed = { channel: 'latest', url: 'https://counterdesk.tax.keelung.gov.tw/updates/' };

  it('checks the feed the server named and defers the restart while a case is being entered', async () => {
    const bridge = h.trustedBridge();
    h.updater.available = '0.2.0';
    expect(await bridge['app:set-busy']({ busy: true })).toEqual({ ok: true, value: { busy: true, update: { state: 'up-to-date' } } });
    expect(await bridge['app:check-for-updates'](feed)).toEqual({ ok: true, value: { state: 'downloading', version: '0.2.0' } });
    expect(h.updater.feeds).toEqual([{ provider: 'generic', ...feed }]);
    h.updater.finishDownload();
    expect(h.updater.installs).toEqual([]);
    expect(await bridge['app:set-busy']({ busy: false })).toEqual({ ok: true, value: { busy: false, update: { state: 'installing', version: '0.2.0' } } });
    expect(h.updater.installs).toEqual([{ isSilent: true, isForceRunAfter: true }]);
  });

  it('refuses a feed on another origin without touching the updater', async () => {
    const result = await h.trustedBridge()['app:check-for-updates']({ channel: 'latest', url: 'https://evil.example/updates/' });
    expect(result).toEqual({ ok: true, value: { state: 'error', message: 'the update URL must be on the central server (https://counterdesk.tax.keelung.gov.tw)' } });
    expect(h.updater.feeds).toEqual([]);
  });

  it('refuses a malformed channel', async () => {
    expect(await h.trustedBridge()['app:check-for-updates']({ channel: '../beta', url: feed.url })).toMatchObject({ ok: false, code: 'invalid_request' });
  });
});

describe('customer display', () => {
  it('asks the host to open the citizen’s screen', async () => {
    expect(await h.trustedBridge()['window:open-customer-display']({})).toEqual({ ok: true, value: { opened: true, placement: 'secondary' } });
    expect(h.customerDisplayOpens).toBe(1);
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
    const bridge = h.trustedBridge();
    expect(await bridge['files:scan-folder-status']({})).toEqual({ ok: true, value: { available: true, ready: 0, writing: 0 } });
    expect(await bridge['files:choose-scan-folder']({})).toMatchObject({ ok: false, code: 'cancelled' });
    h.folderAnswer = { canceled: false, filePaths: [scans] };
    expect(await bridge['files:choose-scan-folder']({})).toEqual({ ok: true, value: { available: true, folder: scans, ready: 0, writing: 0 } });
    expect(h.folderDialogCalls[1]).toEqual({ owner: { windowOf: 1 }, options: { title: '選擇掃描資料夾 Choose the scan folder', properties: ['openDirectory', 'createDirectory'] } });
    // A path in the request is not how a folder is chosen: the contract takes none.
    expect(await h.ipc.invokeRaw(h.appFrame, h.contents, 'files:choose-scan-folder', { folder: '/etc' })).toEqual({ ok: true, value: { available: true, folder: scans, ready: 0, writing: 0 } });
    expect(await createScanFolderService(h.settingsDir).status()).toMatchObject({ folder: scans });
    expect(await bridge['files:clear-scan-folder']({})).toEqual({ ok: true, value: { available: true, ready: 0, writing: 0 } });
  });

  it('hands a finished scan to the renderer as bytes, once', async () => {
    const bridge = h.trustedBridge();
    h.folderAnswer = { canceled: false, filePaths: [scans] };
    await bridge['files:choose-scan-folder']({});
    const scan = new TextEncoder().encode('%PDF-1.7\n1 0 obj\n%%EOF\n');
    await writeFile(path.join(scans, 'scan0001.pdf'), scan);
    for (let i = 0; i <= STABLE_POLLS; i += 1) await h.scanFolder.poll();
    expect(await bridge['files:scan-folder-status']({})).toMatchObject({ ok: true, value: { ready: 1, writing: 0 } });

    const taken = await bridge['files:take-scanned']({});
    if (!taken.ok || taken.value.file === undefined) throw new Error(`nothing taken: ${JSON.stringify(taken)}`);
    expect(taken.value.file.name).toBe('scan0001.pdf');
    expect(taken.value.file.bytes).toBeInstanceOf(Uint8Array);
    expect([...taken.value.file.bytes]).toEqual([...scan]);
    expect(taken.value.remaining).toBe(0);
    expect(await bridge['files:take-scanned']({})).toEqual({ ok: true, value: { refused: [], remaining: 0 } });
    expect(await readdir(path.join(scans, STAGING_DIR))).toEqual(['scan0001.pdf']);
    // Stored encrypted by the renderer: released, it leaves the disk.
    expect(await bridge['files:release-scanned']({ staged: [taken.value.file.staged] })).toEqual({ ok: true, value: { released: 1 } });
    expect(await readdir(path.join(scans, STAGING_DIR))).toEqual([]);
    expect(await h.ipc.invokeRaw(h.appFrame, h.contents, 'files:release-scanned', { staged: ['../x/y.pdf'] })).toMatchObject({ ok: false });
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
      const bridge = createPreloadBridge(h.ipc.invokeFrom(frame, h.contents));
      const results = [
        await bridge['host:get-info']({}),
        await bridge['host:get-config']({}),
        await bridge['print:list-printers']({}),
        await bridge['print:print-document']({ template: 'receipt', printer: 'EPSON_TM_T82', silent: true, pageWidthMm: 80 }),
        await bridge['print:save-pdf']({ template: 'receipt', suggestedName: 'r.pdf', pageWidthMm: 80 }),
      ];
      for (const result of results) expect(result).toMatchObject({ ok: false, code: 'untrusted_sender' });
      expect(h.contents.printCalls).toEqual([]);
      expect(h.contents.pdfCalls).toEqual([]);
      expect(h.dialogCalls).toEqual([]);
      expect(h.logged.filter((line) => line.includes('untrusted sender'))).toHaveLength(5);
    });
  }
});

describe('malformed payloads', () => {
  it('refuses a request that breaks the contract with invalid_request naming the fields', async () => {
    const bridge = h.trustedBridge();
    const result = await bridge['print:print-document']({ template: 'receipt', silent: 'yes', pageWidthMm: 5 } as never);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe('invalid_request');
    expect(result.message).toMatch(/silent: /);
    expect(result.message).toMatch(/pageWidthMm: /);
    expect(h.contents.printCalls).toEqual([]);
  });

  it('refuses a PDF name that could leave the chosen folder', async () => {
    const result = await h.trustedBridge()['print:save-pdf']({ template: 'notice', suggestedName: '../../etc/cron.d/x.pdf', pageWidthMm: 210 });
    expect(result).toMatchObject({ ok: false, code: 'invalid_request' });
    expect(result.ok === false && result.message).toMatch(/^suggestedName: /);
    expect(h.contents.pdfCalls).toEqual([]);
  });

  it('refuses a missing request and extra arguments', async () => {
    expect(await h.ipc.invokeRaw(h.appFrame, h.contents, 'host:get-info')).toMatchObject({ ok: false, code: 'invalid_request' });
    expect(await h.ipc.invokeRaw(h.appFrame, h.contents, 'host:get-info', {}, {})).toMatchObject({ ok: false, code: 'invalid_request' });
    expect(await h.ipc.invokeRaw(h.appFrame, h.contents, 'print:list-printers', 'all')).toMatchObject({ ok: false, code: 'invalid_request' });
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
    const bridge = createPreloadBridge(empty.invokeFrom(h.appFrame, h.contents));
    const result = await bridge['host:get-config']({});
    expect(result).toEqual({ ok: false, code: 'internal_error', message: "host:get-config: No handler registered for 'host:get-config'" });
  });
});
