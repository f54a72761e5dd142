import { getDb, type CounterDeskDb } from './database';
import { credentialFrom, loadStoredCredential, saveDeviceCredential } from './deviceCredentialStore';
import { holderOf } from './metaSeal';
import { sealLegacyGrants } from './offlineGrantStore';
import { loadSession } from './sessionStore';

/**
 * At every unlock: what an older build (or an enrolment before the first sign-in) left in the clear in
 * `meta` — the session token, the device secret, the sessions of offline grants — is sealed under the
 * data key (docs/decisions/0034). Idempotent and cheap: a handful of rows.
 */
export async function sealSessionSecrets(db: CounterDeskDb = getDb()): Promise<void> {
  const keys = holderOf(db).require('the session secrets');
  // Reading the session seals one kept in the clear.
  await loadSession(db);
  const stored = await loadStoredCredential(db);
  if (stored?.deviceSecret !== undefined) {
    const credential = credentialFrom(stored, keys);
    if (credential) await saveDeviceCredential(credential, keys, db);
  }
  await sealLegacyGrants(keys, db);
}
