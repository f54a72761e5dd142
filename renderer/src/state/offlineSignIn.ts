/**
 * Offline sign-in: a user who signed in online on this device may sign in there without the server
 * until the grant the server gave expires (7 days unless the server says otherwise), with the same
 * lock-out as online: OFFLINE_FAILURE_LIMIT failures in OFFLINE_WINDOW_MS lock the user out on this
 * device until the oldest of them is older than the window. An expired grant, or none, asks for an
 * online sign-in. A successful online sign-in renews the grant and clears the failures.
 */
import type { StoredSession } from '../db/records';
import { loadOfflineGrant, saveOfflineGrant } from '../db/offlineGrantStore';
import { PBKDF2_ITERATIONS, constantTimeEqual, derivePasswordBits, fromBase64, newSalt, toBase64 } from './passwordKey';

export const OFFLINE_FAILURE_LIMIT = 10;
export const OFFLINE_WINDOW_MS = 15 * 60 * 1000;

export type OfflineSignInResult =
  | { ok: true; session: StoredSession }
  | { ok: false; reason: 'no-grant' | 'expired' | 'locked' | 'wrong-password' | 'other-device' };

/** After an online sign-in: keep a verifier of the password and the server's offline grant. */
export async function rememberOfflineGrant(session: StoredSession, password: string, iterations = PBKDF2_ITERATIONS): Promise<void> {
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
    session,
  });
}

export async function offlineSignIn(username: string, password: string, deviceId: string, now: Date = new Date()): Promise<OfflineSignInResult> {
  const grant = await loadOfflineGrant(username);
  if (!grant) return { ok: false, reason: 'no-grant' };
  if (grant.session.device.id !== deviceId) return { ok: false, reason: 'other-device' };
  if (Date.parse(grant.expiresAt) <= now.getTime()) return { ok: false, reason: 'expired' };
  const recent = grant.failures.filter((at) => now.getTime() - Date.parse(at) < OFFLINE_WINDOW_MS);
  if (recent.length >= OFFLINE_FAILURE_LIMIT) return { ok: false, reason: 'locked' };
  const derived = await derivePasswordBits(password, fromBase64(grant.salt), grant.iterations);
  if (!constantTimeEqual(derived, fromBase64(grant.verifier))) {
    await saveOfflineGrant({ ...grant, failures: [...recent, now.toISOString()] });
    return { ok: false, reason: 'wrong-password' };
  }
  await saveOfflineGrant({ ...grant, failures: [] });
  // Offline, the session lasts as long as the grant; the server decides again at the next contact.
  return { ok: true, session: { ...grant.session, expiresAt: grant.expiresAt } };
}
