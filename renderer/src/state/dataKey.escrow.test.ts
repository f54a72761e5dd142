import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BRIDGE_GLOBAL, type HostBridge } from '../../../shared/ipc/contract';
import { CounterDeskDb } from '../db/database';
import { deviceDataKey } from '../db/dataKeyHolder';
import { loadDraft, saveDraft } from '../db/draftStore';
import { listKeyring } from '../db/keyringStore';
import { randomBytes } from '../db/recordCipher';
import { lockDevice, openDataAfterSignIn, sealingSettled, unlockWithPassword, useDataLock, type EscrowRelease } from './dataKey';

/** The browser host, and Linux/Electron without a keyring: no OS key store, so no host copy. */
function installHostWithoutKeyStore(): void {
  const status = { backend: 'basic_text', protectsAtRest: false };
  const host: Partial<HostBridge> = {
    'keys:status': async () => ({ ok: true, value: status }),
    'keys:wrap': async () => ({ ok: true, value: status }),
    'keys:unwrap': async () => ({ ok: false, code: 'invalid_request', message: 'no key store' }),
  };
  Object.assign(globalThis, { window: { [BRIDGE_GLOBAL]: host } });
}

/** What the server releases at each online sign-in on this install (a fresh copy each time, as over HTTP). */
const installKey = randomBytes(32);
const online = (): EscrowRelease => ({ key: installKey.slice(), deviceId: 'demo-counter-01', clientId: '7c1f6a52-4e0b-4a51-9d3e-2b3f1c0d9e11' });

let db: CounterDeskDb;
beforeEach(() => {
  installHostWithoutKeyStore();
  db = new CounterDeskDb(`escrow-${Date.now()}-${Math.random()}`, { encryption: deviceDataKey });
});
afterEach(async () => {
  await sealingSettled();
  lockDevice();
  await db.delete();
});

const ids = async () => (await listKeyring(db)).map((row) => row.id).sort();

describe('people taking turns on one computer without an OS key store', () => {
  it('lets a supervisor read what the clerk saved, online and then offline; a newcomer offline is told the server is needed', async () => {
    expect(await openDataAfterSignIn('clerk', 'clerk-pw', { create: true, escrow: online(), db })).toEqual({ ok: true });
    await saveDraft('clerk', { fields: { name: '王小明' } }, db);
    // Sign-out: the key leaves memory, the keyring stays.
    lockDevice();
    expect(await ids()).toEqual(['escrow', 'user:clerk']);

    expect(await openDataAfterSignIn('supervisor', 'supervisor-pw', { create: true, escrow: online(), db })).toEqual({ ok: true });
    expect(await loadDraft('clerk', db)).toEqual({ fields: { name: '王小明' } });
    expect(await ids()).toEqual(['escrow', 'user:clerk', 'user:supervisor']);
    lockDevice();

    // Offline: no escrow key is released; the supervisor's own copy opens.
    expect(await openDataAfterSignIn('supervisor', 'supervisor-pw', { create: true, db })).toEqual({ ok: true });
    expect(await loadDraft('clerk', db)).toEqual({ fields: { name: '王小明' } });
    lockDevice();
    expect(await unlockWithPassword('supervisor', 'supervisor-pw', db)).toEqual({ ok: true });
    lockDevice();

    expect(await openDataAfterSignIn('fieldstaff', 'field-pw', { create: true, db })).toEqual({ ok: false, reason: 'needs-server' });
    expect(useDataLock.getState()).toMatchObject({ unlocked: false, failure: 'needs-server' });
    expect(await ids()).toEqual(['escrow', 'user:clerk', 'user:supervisor']);
  });

  it('keeps the escrow key out of the keyring: only the data key sealed under it', async () => {
    const release = online();
    await openDataAfterSignIn('clerk', 'clerk-pw', { create: true, escrow: release, db });
    const stored = JSON.stringify(await db.table('keyring').toArray());
    expect(stored).not.toContain(Buffer.from(installKey).toString('base64'));
    // The release is the caller's to wipe; the escrow row is only a sealed copy.
    expect((await listKeyring(db)).find((row) => row.kind === 'escrow')).toMatchObject({ deviceId: 'demo-counter-01', wrapped: expect.any(String) });
  });

  it("does not open with another install's key, or a wrong one, and writes nothing then", async () => {
    await openDataAfterSignIn('clerk', 'clerk-pw', { create: true, escrow: online(), db });
    await saveDraft('clerk', { fields: { name: '王小明' } }, db);
    lockDevice();
    const before = JSON.stringify(await db.table('keyring').toArray());
    const otherInstall = { ...online(), clientId: '00000000-0000-4000-8000-000000000000' };
    expect(await openDataAfterSignIn('supervisor', 'supervisor-pw', { create: true, escrow: otherInstall, db })).toEqual({ ok: false, reason: 'no-copy' });
    expect(await openDataAfterSignIn('supervisor', 'supervisor-pw', { create: true, escrow: { ...online(), key: randomBytes(32) }, db })).toEqual({ ok: false, reason: 'no-copy' });
    expect(JSON.stringify(await db.table('keyring').toArray())).toBe(before);
  });

  it('gives an upgraded device its escrow copy at the next online sign-in of a user who can open it', async () => {
    // Made before escrow copies existed: only the clerk's password copy.
    await openDataAfterSignIn('clerk', 'clerk-pw', { create: true, db });
    await saveDraft('clerk', { fields: { name: '王小明' } }, db);
    lockDevice();
    expect(await ids()).toEqual(['user:clerk']);
    expect(await openDataAfterSignIn('supervisor', 'supervisor-pw', { create: true, escrow: online(), db })).toEqual({ ok: false, reason: 'no-copy' });

    expect(await openDataAfterSignIn('clerk', 'clerk-pw', { create: true, escrow: online(), db })).toEqual({ ok: true });
    expect(await ids()).toEqual(['escrow', 'user:clerk']);
    lockDevice();
    expect(await openDataAfterSignIn('supervisor', 'supervisor-pw', { create: true, escrow: online(), db })).toEqual({ ok: true });
    expect(await loadDraft('clerk', db)).toEqual({ fields: { name: '王小明' } });
  });

  it("rewraps a user's copy from the escrow copy after the password changed on the server", async () => {
    await openDataAfterSignIn('clerk', 'old-pw', { create: true, escrow: online(), db });
    await saveDraft('clerk', { fields: { name: '王小明' } }, db);
    lockDevice();
    expect(await openDataAfterSignIn('clerk', 'new-pw', { create: true, escrow: online(), db })).toEqual({ ok: true });
    lockDevice();
    expect(await unlockWithPassword('clerk', 'new-pw', db)).toEqual({ ok: true });
    expect(await loadDraft('clerk', db)).toEqual({ fields: { name: '王小明' } });
  });
});
