import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BRIDGE_GLOBAL, type HostBridge, type KeyWrapStatus } from '../../../shared/ipc/contract';
import { CounterDeskDb } from '../db/database';
import { DeviceLockedError, deviceDataKey } from '../db/dataKeyHolder';
import { loadDraft, saveDraft } from '../db/draftStore';
import { listKeyring } from '../db/keyringStore';
import { wipeTaxpayerData } from '../db/wipe';
import { LOCK_FLUSH_TIMEOUT_MS, lockDevice, lockNow, onBeforeLock, openDataAfterSignIn, peekDataKey, sealingSettled, unlockWithPassword, useDataLock } from './dataKey';

/** A host whose "OS key store" is a map from wrapping to key, as far as these tests need one. */
function installHost(status: KeyWrapStatus): void {
  const store = new Map<string, string>();
  const host: Partial<HostBridge> = {
    'keys:status': async () => ({ ok: true, value: status }),
    'keys:wrap': async ({ key }) => {
      if (!status.protectsAtRest) return { ok: true, value: status };
      const wrapped = `w${store.size}`;
      store.set(wrapped, key);
      return { ok: true, value: { ...status, wrapped } };
    },
    'keys:unwrap': async ({ wrapped }) => {
      const key = store.get(wrapped);
      return key ? { ok: true, value: { key } } : { ok: false, code: 'internal_error', message: 'not this OS user' };
    },
  };
  Object.assign(globalThis, { window: { [BRIDGE_GLOBAL]: host } });
}

let db: CounterDeskDb;
beforeEach(() => {
  db = new CounterDeskDb(`datakey-${Date.now()}-${Math.random()}`, { encryption: deviceDataKey });
});
afterEach(async () => {
  await sealingSettled();
  lockDevice();
  await db.delete();
});

describe('the device data key', () => {
  it('is made at the first sign-in, locks, refuses a wrong password and unlocks with the right one, offline', async () => {
    installHost({ backend: 'browser', protectsAtRest: false });
    expect(await openDataAfterSignIn('clerk', 'correct horse', { create: true, db })).toEqual({ ok: true });
    await saveDraft('clerk', { fields: { name: '王小明' } }, db);

    lockDevice();
    expect(useDataLock.getState().unlocked).toBe(false);
    await expect(loadDraft('clerk', db)).rejects.toBeInstanceOf(DeviceLockedError);
    expect(await unlockWithPassword('clerk', 'wrong horse', db)).toEqual({ ok: false, reason: 'wrong-password' });
    expect(await unlockWithPassword('clerk', 'correct horse', db)).toEqual({ ok: true });
    expect(await loadDraft('clerk', db)).toEqual({ fields: { name: '王小明' } });
  });

  it('lets a screen write what was just typed before the lock drops the key, and locks even if that write hangs', async () => {
    installHost({ backend: 'browser', protectsAtRest: false });
    await openDataAfterSignIn('clerk', 'correct horse', { create: true, db });
    const stopDraft = onBeforeLock(() => saveDraft('clerk', { fields: { name: '王小明' } }, db));
    await lockNow();
    stopDraft();
    expect(useDataLock.getState().unlocked).toBe(false);
    expect(await unlockWithPassword('clerk', 'correct horse', db)).toEqual({ ok: true });
    expect(await loadDraft('clerk', db)).toEqual({ fields: { name: '王小明' } });

    const stopStuck = onBeforeLock(() => new Promise(() => undefined));
    const started = performance.now();
    await lockNow();
    stopStuck();
    expect(useDataLock.getState().unlocked).toBe(false);
    expect(performance.now() - started).toBeGreaterThanOrEqual(LOCK_FLUSH_TIMEOUT_MS - 20);
  });

  it('keeps no host copy where the host does not protect the disk, so another user cannot open the data', async () => {
    installHost({ backend: 'basic_text', protectsAtRest: false });
    await openDataAfterSignIn('clerk', 'pw-one', { create: true, db });
    expect((await listKeyring(db)).map((row) => row.id)).toEqual(['user:clerk']);
    expect(useDataLock.getState().host).toEqual({ backend: 'basic_text', protectsAtRest: false });
    lockDevice();
    expect(await peekDataKey('other', 'pw-two', db)).toBeUndefined();
    expect(await openDataAfterSignIn('other', 'pw-two', { create: true, db })).toEqual({ ok: false, reason: 'no-copy' });
  });

  it('with the OS key store: the device key is there for a sign-in but opens nothing by itself, a second user gets a copy, a changed password is rewrapped', async () => {
    installHost({ backend: 'dpapi', protectsAtRest: true });
    await openDataAfterSignIn('clerk', 'pw-one', { create: true, db });
    await saveDraft('clerk', { fields: { name: '王小明' } }, db);
    expect((await listKeyring(db)).map((row) => row.id).sort()).toEqual(['host', 'user:clerk']);

    lockDevice();
    // Read for the device secret before a sign-in (0034), never taken: the data stays locked.
    expect(await peekDataKey('nobody-here', 'x', db)).toHaveLength(32);
    expect(useDataLock.getState().unlocked).toBe(false);
    expect(await openDataAfterSignIn('other', 'pw-two', { create: true, db })).toEqual({ ok: true });
    expect(await loadDraft('clerk', db)).toEqual({ fields: { name: '王小明' } });

    lockDevice();
    // The clerk's password changed on the server: the old copy does not open, the host's does.
    expect(await openDataAfterSignIn('clerk', 'pw-new', { create: true, db })).toEqual({ ok: true });
    lockDevice();
    expect(await unlockWithPassword('clerk', 'pw-new', db)).toEqual({ ok: true });
  });

  it('goes with a full wipe of a revoked device, and stays with unsynced work that is kept', async () => {
    installHost({ backend: 'dpapi', protectsAtRest: true });
    await openDataAfterSignIn('clerk', 'pw-one', { create: true, db });
    await saveDraft('clerk', { fields: { name: '王小明' } }, db);
    await wipeTaxpayerData({ keepUnsynced: true }, db);
    expect((await listKeyring(db)).length).toBe(2);
    expect(await loadDraft('clerk', db)).toEqual({ fields: { name: '王小明' } });
    lockDevice();
    await wipeTaxpayerData({ keepUnsynced: false }, db);
    expect(await listKeyring(db)).toEqual([]);
  });

  it('ignores a station-tools key an older build left in the clear: not user data, gone with the first sign-in', async () => {
    installHost({ backend: 'browser', protectsAtRest: false });
    // An older build kept a key in the clear for its tools and sealed test data under it.
    const leftover = crypto.getRandomValues(new Uint8Array(32));
    await db.table('keyring').put({ id: 'station-tools', kind: 'clear', key: Buffer.from(leftover).toString('base64'), createdAt: '2026-11-27T01:00:00.000Z' });
    deviceDataKey.set(leftover);
    await saveDraft('tools', { fields: { name: '王小明' } }, db);
    await sealingSettled();
    lockDevice();
    expect(await listKeyring(db)).toEqual([]);
    // Nothing opens with it: a sign-in that may not create a key finds no copy.
    expect(await openDataAfterSignIn('clerk', 'pw-one', { db })).toEqual({ ok: false, reason: 'no-copy' });
    expect(useDataLock.getState().unlocked).toBe(false);
    // The first sign-in makes the user's key as on an empty device; the leftover row and its data go.
    expect(await openDataAfterSignIn('clerk', 'pw-one', { create: true, db })).toEqual({ ok: true });
    expect((await db.table('keyring').toArray()).map((row: { id: string }) => row.id)).toEqual(['user:clerk']);
    expect(await loadDraft('tools', db)).toBeUndefined();
    await saveDraft('clerk', { fields: { name: '陳小華' } }, db);
    expect(await loadDraft('clerk', db)).toEqual({ fields: { name: '陳小華' } });
  });

  it('replaces a lost keyring with a new key and removes what only the lost key could open', async () => {
    installHost({ backend: 'browser', protectsAtRest: false });
    await openDataAfterSignIn('clerk', 'pw-one', { create: true, db });
    await saveDraft('clerk', { fields: { name: '王小明' } }, db);
    lockDevice();
    await db.table('keyring').clear();
    expect(await openDataAfterSignIn('clerk', 'pw-one', { create: true, db })).toEqual({ ok: true });
    expect(await loadDraft('clerk', db)).toBeUndefined();
  });
});
