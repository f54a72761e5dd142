import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BRIDGE_GLOBAL, type HostBridge } from '../../../shared/ipc/contract';
import { getDb } from '../db/database';
import { deviceDataKey } from '../db/dataKeyHolder';
import { credentialFrom, loadStoredCredential, saveDeviceCredential } from '../db/deviceCredentialStore';
import { loadOfflineGrant } from '../db/offlineGrantStore';
import type { StoredSession } from '../db/records';
import { loadSession, loadSessionHint, saveSession } from '../db/sessionStore';
import { lockDevice, openDataAfterSignIn, sealingSettled } from './dataKey';
import { credentialForSignIn } from './deviceCredential';
import { deviceClock } from './deviceClock';
import { useSession } from './sessionState';

/**
 * What a copied disk holds of the session and the device credential (docs/decisions/0034), read raw
 * from IndexedDB without the app's code in the way; and that a restart comes back to the lock screen.
 */

const SECRET = 'enrolled-secret-0123456789abcdef0123456789abcdef';
const TOKEN = 'T'.repeat(43);
const PASSWORD = 'clerk-demo-2026';
const session: StoredSession = {
  token: TOKEN,
  expiresAt: new Date(Date.now() + 8 * 3600_000).toISOString(),
  user: { username: 'clerk', displayName: '王小明', roles: ['clerk'] },
  device: { id: 'kl02-counter', name: 'Counter 2', stationCode: 'KL02' },
  serverTime: new Date().toISOString(),
  offlineGrant: { expiresAt: new Date(Date.now() + 7 * 24 * 3600_000).toISOString() },
};
const config = { serverUrl: 'http://127.0.0.1:9', deviceId: 'kl02-counter' };

/** Every value of every store of the app's database, as IndexedDB holds it (read with IndexedDB itself). */
async function rawDump(): Promise<string> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open('counterdesk');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('open failed'));
  });
  try {
    const names = [...db.objectStoreNames];
    const tx = db.transaction(names, 'readonly');
    const all = await Promise.all(
      names.map(
        (name) =>
          new Promise<unknown[]>((resolve, reject) => {
            const request = tx.objectStore(name).getAll();
            request.onsuccess = () => resolve(request.result as unknown[]);
            request.onerror = () => reject(request.error ?? new Error('read failed'));
          }),
      ),
    );
    return JSON.stringify(all);
  } finally {
    db.close();
  }
}

beforeEach(async () => {
  const host: Partial<HostBridge> = {
    'keys:status': async () => ({ ok: true, value: { backend: 'browser', protectsAtRest: false } }),
    'keys:wrap': async () => ({ ok: true, value: { backend: 'browser', protectsAtRest: false } }),
    'keys:unwrap': async () => ({ ok: false, code: 'invalid_request', message: 'none' }),
  };
  Object.assign(globalThis, { window: { [BRIDGE_GLOBAL]: host, addEventListener: () => undefined, removeEventListener: () => undefined } });
  await Promise.all(getDb().tables.map((table) => table.clear()));
  useSession.setState({ session: undefined, lockedAs: undefined, credential: undefined, device: undefined, ready: false });
});
afterEach(async () => {
  await deviceClock.sawServerTime(Date.now());
  await sealingSettled();
  lockDevice();
});

describe('the session and the device credential at rest', () => {
  it('holds neither the token nor the device secret in IndexedDB once a user has signed in', async () => {
    // Enrolled before anyone signed in: no data key yet, so the secret waits in the clear.
    await saveDeviceCredential({ deviceId: 'kl02-counter', deviceSecret: SECRET, stationCode: 'KL02' }, undefined);
    expect(await rawDump()).toContain(SECRET);

    expect(await openDataAfterSignIn('clerk', PASSWORD, { create: true })).toEqual({ ok: true });
    await saveSession(session);
    await sealingSettled();
    const dump = await rawDump();
    expect(dump).not.toContain(TOKEN);
    expect(dump).not.toContain(SECRET);
    // The dump is real: who is signed in stays readable for the lock screen.
    expect(dump).toContain('王小明');

    lockDevice();
    expect(await loadSessionHint()).toEqual({ username: 'clerk', displayName: '王小明', deviceId: 'kl02-counter', expiresAt: session.expiresAt });
    await expect(loadSession()).rejects.toThrow(/locked/);
    const stored = await loadStoredCredential();
    expect(stored && credentialFrom(stored, undefined)).toBeUndefined();
    // The user's password opens the secret for an online sign-in; another password does not.
    expect(await credentialForSignIn('clerk', PASSWORD)).toMatchObject({ deviceSecret: SECRET });
    expect(await credentialForSignIn('clerk', 'not-it')).toBeUndefined();
    expect(deviceDataKey.unlocked).toBe(false);
  });

  it('seals what an older build kept in the clear at the next unlock', async () => {
    await openDataAfterSignIn('clerk', PASSWORD, { create: true });
    await sealingSettled();
    lockDevice();
    const db = getDb();
    await db.meta.put({ key: 'session', value: session });
    await db.meta.put({ key: 'deviceCredential', value: { deviceId: 'kl02-counter', deviceSecret: SECRET } });
    await db.meta.put({ key: 'offlineGrant:clerk', value: { username: 'clerk', salt: 'AA==', iterations: 1, verifier: 'AA==', expiresAt: session.expiresAt, failures: [], session } });
    expect(await rawDump()).toContain(TOKEN);
    // Read while locked: the old forms still parse.
    expect((await loadSessionHint())?.username).toBe('clerk');
    expect(await loadOfflineGrant('clerk')).toMatchObject({ username: 'clerk' });

    expect(await openDataAfterSignIn('clerk', PASSWORD)).toEqual({ ok: true });
    await sealingSettled();
    const dump = await rawDump();
    expect(dump).not.toContain(TOKEN);
    expect(dump).not.toContain(SECRET);
    expect(await loadSession()).toMatchObject({ token: TOKEN });
    expect(await loadOfflineGrant('clerk')).toMatchObject({ deviceId: 'kl02-counter' });
  });

  it('comes back from a restart locked, as the user who was signed in, until their password opens the session', async () => {
    await saveDeviceCredential({ deviceId: 'kl02-counter', deviceSecret: SECRET, stationCode: 'KL02' }, undefined);
    await openDataAfterSignIn('clerk', PASSWORD, { create: true });
    await saveSession(session);
    await sealingSettled();
    // The restart: nothing in memory.
    lockDevice();

    await useSession.getState().init(config);
    const restarted = useSession.getState();
    expect(restarted.session).toBeUndefined();
    expect(restarted.credential).toBeUndefined();
    expect(restarted.lockedAs).toMatchObject({ username: 'clerk', displayName: '王小明' });
    expect(deviceDataKey.unlocked).toBe(false);

    expect(await restarted.unlock('wrong')).toEqual({ ok: false, reason: 'wrong-password' });
    expect(useSession.getState().session).toBeUndefined();
    expect(await useSession.getState().unlock(PASSWORD)).toEqual({ ok: true });
    expect(useSession.getState()).toMatchObject({ session: { token: TOKEN }, lockedAs: undefined, credential: { deviceSecret: SECRET } });
  });

  it('sends an expired session to the sign-in form at unlock instead of opening the workspace', async () => {
    await saveDeviceCredential({ deviceId: 'kl02-counter', deviceSecret: SECRET }, undefined);
    await openDataAfterSignIn('clerk', PASSWORD, { create: true });
    await saveSession(session);
    await sealingSettled();
    lockDevice();
    await useSession.getState().init(config);
    expect(useSession.getState().lockedAs).toBeDefined();
    // The server's clock, seen since, says the session is over (the wall clock is not asked).
    await deviceClock.sawServerTime(Date.parse(session.expiresAt) + 60_000);
    expect(await useSession.getState().unlock(PASSWORD)).toEqual({ ok: true });
    expect(useSession.getState()).toMatchObject({ session: undefined, lockedAs: undefined });
    expect(await loadSessionHint()).toBeUndefined();
  });
});
