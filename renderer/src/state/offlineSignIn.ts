/**
 * Offline sign-in: a user who signed in online on this device may sign in there without the server
 * until the grant the server gave expires (7 days unless the server says otherwise), with the same
 * lock-out as online: OFFLINE_FAILURE_LIMIT failures in OFFLINE_WINDOW_MS lock the user out on this
 * device until the oldest of them is older than the window. An expired grant, or none, asks for an
 * online sign-in. A successful online sign-in renews the grant and clears the failures.
 *
 * Time is the device clock's (deviceClock.ts), not the wall clock: the grant's expiry is judged against
 * the latest time the device can vouch for (turning the clock back does not extend it), the lock-out's
 * wait against the earliest (turning it forward, or restarting, does not shorten it).
 */
import type { StoredSession } from '../db/records';
import type { DerivedKeys } from '../db/recordCipher';
import { grantDeviceId, loadOfflineGrant, openGrantSession, saveOfflineGrant, sealGrantSession, type StoredGrant } from '../db/offlineGrantStore';
import { deviceClock } from './deviceClock';
import { PBKDF2_ITERATIONS, constantTimeEqual, derivePasswordBits, newSalt } from './passwordKey';
import { fromBase64, toBase64 } from '../db/base64';

export const OFFLINE_FAILURE_LIMIT = 10;
export const OFFLINE_WINDOW_MS = 15 * 60 * 1000;

export type OfflineSignInResult =
  | { ok: true; grant: StoredGrant }
  | { ok: false; reason: 'no-grant' | 'expired' | 'locked' | 'wrong-password' | 'other-device' };

/** The two readings of the device clock offline sign-in needs (deviceClock.ts). */
export interface OfflineClock {
  latest(): Promise<number>;
  earliest(): Promise<number>;
}

/** After an online sign-in that opened the data: keep a verifier of the password and the server's grant, its session sealed. */
export async function rememberOfflineGrant(session: StoredSession, password: string, keys: DerivedKeys, iterations = PBKDF2_ITERATIONS): Promise<void> {
  if (!session.offlineGrant) return;
  const salt = newSalt();
  const verifier = await derivePasswordBits(password, salt, iterations);
  await saveOfflineGrant({
    username: session.user.username,
    salt: toBase64(salt),
    iterations,
    verifier: toBase64(verifier),
    expiresAt: session.offlineGrant.expiresAt,
    failures: [],
    deviceId: session.device.id,
    sealedSession: sealGrantSession(session.user.username, session, keys),
  });
}

/** Checks the password against the grant; the grant's session opens only once the password has opened the data. */
export async function offlineSignIn(username: string, password: string, deviceId: string, clock: OfflineClock = deviceClock): Promise<OfflineSignInResult> {
  const grant = await loadOfflineGrant(username);
  if (!grant) return { ok: false, reason: 'no-grant' };
  if (grantDeviceId(grant) !== deviceId) return { ok: false, reason: 'other-device' };
  if (Date.parse(grant.expiresAt) <= (await clock.latest())) return { ok: false, reason: 'expired' };
  const earliest = await clock.earliest();
  const recent = grant.failures.filter((at) => earliest - Date.parse(at) < OFFLINE_WINDOW_MS);
  if (recent.length >= OFFLINE_FAILURE_LIMIT) return { ok: false, reason: 'locked' };
  const derived = await derivePasswordBits(password, fromBase64(grant.salt), grant.iterations);
  if (!constantTimeEqual(derived, fromBase64(grant.verifier))) {
    await saveOfflineGrant({ ...grant, failures: [...recent, new Date(earliest).toISOString()] });
    return { ok: false, reason: 'wrong-password' };
  }
  await saveOfflineGrant({ ...grant, failures: [] });
  return { ok: true, grant };
}

/** The session an offline sign-in resumes as: it lasts as long as the grant; the server decides again at the next contact. */
export function grantSession(grant: StoredGrant, keys: DerivedKeys): StoredSession | undefined {
  const session = openGrantSession(grant, keys);
  return session && { ...session, expiresAt: grant.expiresAt };
}
