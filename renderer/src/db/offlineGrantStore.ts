import { z } from 'zod';
import type { DerivedKeys } from './recordCipher';
import { storedSessionSchema, type StoredSession } from './records';
import { getDb, type CounterDeskDb } from './database';
import { openMeta, sealMeta } from './metaSeal';

/**
 * Offline sign-in grants, one per user who signed in online on this device: a PBKDF2 verifier of
 * the password (never the password), until when the server allows offline sign-in, the failed
 * offline attempts for the lock-out, and the last online session to resume as — sealed under the
 * data key (docs/decisions/0034): it holds the session token, and is needed only once the password
 * has opened the data. The device it was granted on stays readable, for the check before that.
 * A grant an older build stored with its session in the clear is read as it is and sealed at the next unlock.
 */
const grantFields = {
  username: z.string(),
  salt: z.string(),
  iterations: z.number().int().positive(),
  verifier: z.string(),
  expiresAt: z.string(),
  failures: z.array(z.string()),
};

export const offlineGrantSchema = z.object({ ...grantFields, deviceId: z.string().min(1), sealedSession: z.string().min(1) });
export type OfflineGrant = z.infer<typeof offlineGrantSchema>;

const legacyGrantSchema = z.object({ ...grantFields, session: storedSessionSchema });
type LegacyGrant = z.infer<typeof legacyGrantSchema>;

/** A grant as read: the current form, or an older build's with the session in the clear. */
export type StoredGrant = OfflineGrant | LegacyGrant;

const PREFIX = 'offlineGrant:';
const keyOf = (username: string) => `${PREFIX}${username.trim().toLowerCase()}`;

export function grantDeviceId(grant: StoredGrant): string {
  return 'session' in grant ? grant.session.device.id : grant.deviceId;
}

/** The session a grant resumes as, opened with the data key; undefined when it does not open. */
export function openGrantSession(grant: StoredGrant, keys: DerivedKeys): StoredSession | undefined {
  if ('session' in grant) return grant.session;
  const parsed = storedSessionSchema.safeParse(openMeta(keys, keyOf(grant.username), grant.sealedSession));
  return parsed.success ? parsed.data : undefined;
}

export function sealGrantSession(username: string, session: StoredSession, keys: DerivedKeys): string {
  return sealMeta(keys, keyOf(username), storedSessionSchema.parse(session));
}

export async function loadOfflineGrant(username: string, db: CounterDeskDb = getDb()): Promise<StoredGrant | undefined> {
  const value = (await db.meta.get(keyOf(username)))?.value;
  const current = offlineGrantSchema.safeParse(value);
  if (current.success) return current.data;
  const legacy = legacyGrantSchema.safeParse(value);
  return legacy.success ? legacy.data : undefined;
}

/** Writes the grant; an older build's form keeps its form (only the failures change) until it is sealed. */
export async function saveOfflineGrant(grant: StoredGrant, db: CounterDeskDb = getDb()): Promise<void> {
  const value = 'session' in grant ? legacyGrantSchema.parse(grant) : offlineGrantSchema.parse(grant);
  await db.meta.put({ key: keyOf(grant.username), value });
}

/** Seals the session of every grant an older build kept in the clear (at an unlock). */
export async function sealLegacyGrants(keys: DerivedKeys, db: CounterDeskDb = getDb()): Promise<number> {
  let sealed = 0;
  for (const row of await db.meta.where('key').startsWith(PREFIX).toArray()) {
    const legacy = legacyGrantSchema.safeParse(row.value);
    if (!legacy.success) continue;
    const { session, ...rest } = legacy.data;
    await saveOfflineGrant({ ...rest, deviceId: session.device.id, sealedSession: sealGrantSession(rest.username, session, keys) }, db);
    sealed += 1;
  }
  return sealed;
}

/** Removes every grant (sign-out everywhere, a revoked device). */
export async function clearOfflineGrants(db: CounterDeskDb = getDb()): Promise<void> {
  await db.meta.where('key').startsWith(PREFIX).delete();
}
