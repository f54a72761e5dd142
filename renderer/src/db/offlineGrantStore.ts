import { z } from 'zod';
import { storedSessionSchema } from './records';
import { getDb, type CounterDeskDb } from './database';

/**
 * Offline sign-in grants, one per user who signed in online on this device: a PBKDF2 verifier of
 * the password (never the password), until when the server allows offline sign-in, the failed
 * offline attempts for the lock-out, and the last online session to resume as.
 */
export const offlineGrantSchema = z.object({
  username: z.string(),
  salt: z.string(),
  iterations: z.number().int().positive(),
  verifier: z.string(),
  expiresAt: z.string(),
  failures: z.array(z.string()),
  session: storedSessionSchema,
});
export type OfflineGrant = z.infer<typeof offlineGrantSchema>;

const keyOf = (username: string) => `offlineGrant:${username.trim().toLowerCase()}`;

export async function loadOfflineGrant(username: string, db: CounterDeskDb = getDb()): Promise<OfflineGrant | undefined> {
  const parsed = offlineGrantSchema.safeParse((await db.meta.get(keyOf(username)))?.value);
  return parsed.success ? parsed.data : undefined;
}

export async function saveOfflineGrant(grant: OfflineGrant, db: CounterDeskDb = getDb()): Promise<void> {
  await db.meta.put({ key: keyOf(grant.username), value: offlineGrantSchema.parse(grant) });
}

/** Removes every grant (sign-out everywhere, a revoked device). */
export async function clearOfflineGrants(db: CounterDeskDb = getDb()): Promise<void> {
  await db.meta.where('key').startsWith('offlineGrant:').delete();
}
