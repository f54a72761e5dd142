import 'fake-indexeddb/auto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BRIDGE_GLOBAL, type HostConfig } from '../../shared/ipc/contract';
import { CounterDeskDb } from '../../renderer/src/db/database';
import { deviceDataKey } from '../../renderer/src/db/dataKeyHolder';
import { loadDraft, saveDraft } from '../../renderer/src/db/draftStore';
import { listKeyring } from '../../renderer/src/db/keyringStore';
import { randomBytes } from '../../renderer/src/db/recordCipher';
import { lockDevice, openDataAfterSignIn, sealingSettled, useDataLock, type EscrowRelease } from '../../renderer/src/state/dataKey';
import { createHostHandlers } from '../main/host/hostHandlers';
import { electronHostDeps } from '../main/host/electronHostDeps';
import { registerIpcHandlers } from '../main/ipc/ipcRouter';
import type { SafeStorageLike } from '../main/keys/keyWrap';
import { createPrinterSettingsStore } from '../main/print/printerSettings';
import { createScanFolderService } from '../main/files/scanFolder';
import { isTrustedSender } from '../main/ipc/trustedSender';
import { createUpdateController } from '../main/app/updater';
import { FakeUpdater } from '../testing/fakeUpdater';
import { createFakeIpc } from '../testing/fakeIpc';
import { createFakeSafeStorage } from '../testing/fakeSafeStorage';
import { FakeWebContents } from '../testing/fakeWebContents';
import { createPreloadBridge } from './bridge';

// People taking turns on one Electron counter PC without an OS key store
// (docs/decisions/0017-shared-device-escrow.md): the real main-process handlers and key wrapper, the
// real router and preload bridge, and the renderer's data key code on top, with Electron's own objects
// replaced. Linux without libsecret/KWallet (basic_text), and safeStorage missing altogether, both
// report no protection, so there is no host copy: the second user comes in with the escrow copy.

const config: HostConfig = { serverUrl: 'https://counterdesk.tax.keelung.gov.tw', deviceId: 'keelung-counter-03' };
const appFrame = { url: 'app://counterdesk/index.html', parent: null };
const release = (key: Uint8Array): EscrowRelease => ({ key: key.slice(), deviceId: config.deviceId, clientId: '0d5f6c1e-9a8b-4c7d-8e6f-5a4b3c2d1e0f' });

let dir: string;
let db: CounterDeskDb;

async function installElectronHost(safeStorage: SafeStorageLike | undefined): Promise<void> {
  const ipc = createFakeIpc<FakeWebContents>();
  const deps = electronHostDeps<FakeWebContents, null>({
    app: { getVersion: () => '0.1.0', getPath: () => dir },
    dialog: {
      showSaveDialog: async () => ({ canceled: true }),
      showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
    },
    windowOf: () => null,
    platform: 'linux',
    config,
    writeFile: async () => undefined,
    printerSettings: createPrinterSettingsStore(dir, () => undefined),
    submitRawJob: async () => 'job-1',
    printHtml: async () => ({ success: true, failureReason: '' }),
    updates: createUpdateController({ updater: () => new FakeUpdater(), isPackaged: false, serverUrl: config.serverUrl, log: () => undefined }),
    customerDisplay: { open: () => ({ placement: 'primary' }), close: () => undefined, isOpen: () => false },
    scanFolder: createScanFolderService(dir, { log: () => undefined }),
    ...(safeStorage ? { safeStorage } : {}),
  });
  registerIpcHandlers(ipc.ipcMain, createHostHandlers(deps), isTrustedSender, { log: () => undefined });
  Object.assign(globalThis, { window: { [BRIDGE_GLOBAL]: createPreloadBridge(ipc.invokeFrom(appFrame, new FakeWebContents(1, []))) } });
}

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'counterdesk-shared-device-'));
  db = new CounterDeskDb(`shared-device-${Date.now()}-${Math.random()}`, { encryption: deviceDataKey });
});
afterEach(async () => {
  await sealingSettled();
  lockDevice();
  await db.delete();
  await rm(dir, { recursive: true, force: true });
});

describe.each([
  { host: 'Linux without a keyring (basic_text)', safeStorage: () => createFakeSafeStorage({ backend: 'basic_text' }), backend: 'basic_text' },
  { host: 'safeStorage unavailable', safeStorage: () => undefined, backend: 'unknown' },
])('an Electron counter PC with no OS key store: $host', ({ safeStorage, backend }) => {
  it('lets the supervisor in after the clerk, online and then offline, with no host copy kept', async () => {
    const fake = safeStorage();
    await installElectronHost(fake);
    const installKey = randomBytes(32);

    expect(await openDataAfterSignIn('clerk', 'clerk-pw', { create: true, escrow: release(installKey), db })).toEqual({ ok: true });
    expect(useDataLock.getState().host).toEqual({ backend, protectsAtRest: false });
    await saveDraft('clerk', { fields: { name: '王小明' } }, db);
    lockDevice();

    expect(await openDataAfterSignIn('supervisor', 'supervisor-pw', { create: true, escrow: release(installKey), db })).toEqual({ ok: true });
    expect(await loadDraft('clerk', db)).toEqual({ fields: { name: '王小明' } });
    lockDevice();
    expect(await openDataAfterSignIn('supervisor', 'supervisor-pw', { create: true, db })).toEqual({ ok: true });
    expect(await loadDraft('clerk', db)).toEqual({ fields: { name: '王小明' } });

    expect((await listKeyring(db)).map((row) => row.id).sort()).toEqual(['escrow', 'user:clerk', 'user:supervisor']);
    // Nothing was ever handed to safeStorage: a basic_text wrapping would sit next to its key.
    expect(fake?.calls ?? []).toEqual([]);
  });
});
