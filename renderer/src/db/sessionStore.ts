import { z } from 'zod';
import { getDb, type CounterDeskDb } from './database';
import { holderOf, openMeta, sealMeta } from './metaSeal';
import { storedSessionSchema, type StoredSession } from './records';

/**
 * The signed-in session, kept so that a restart comes back to the same user's lock screen (never past
 * it, docs/decisions/0034). The token and everything the server answered are sealed under the data key;
 * only who is signed in, on which device and until when stay readable while locked: the lock screen
 * names the user and the app knows whether the session has expired before anyone unlocks.
 * A session an older build stored in the clear is read as such and sealed at the next unlock.
 */
const SESSION = 'session';

export const sessionHintSchema = z.object({
  username: z.string().min(1),
  displayName: z.string(),
  deviceId: z.string().min(1),
  expiresAt: z.string(),
});
export type SessionHint = z.infer<typeof sessionHintSchema>;

const sealedSessionRowSchema = sessionHintSchema.extend({ sealed: z.string().min(1) });

function hintOf(session: StoredSession): SessionHint {
  return { username: session.user.username, displayName: session.user.displayName, deviceId: session.device.id, expiresAt: session.expiresAt };
}

/** Who is signed in here, readable while locked; undefined when nobody is. */
export async function loadSessionHint(db: CounterDeskDb = getDb()): Promise<SessionHint | undefined> {
  const value = (await db.meta.get(SESSION))?.value;
  const sealed = sealedSessionRowSchema.safeParse(value);
  if (sealed.success) return sessionHintSchema.parse(sealed.data);
  const legacy = storedSessionSchema.safeParse(value);
  return legacy.success ? hintOf(legacy.data) : undefined;
}

/** The whole session; needs the device unlocked (DeviceLockedError otherwise). A clear one is sealed now. */
export async function loadSession(db: CounterDeskDb = getDb()): Promise<StoredSession | undefined> {
  const value = (await db.meta.get(SESSION))?.value;
  const keys = holderOf(db).require('the session');
  const sealed = sealedSessionRowSchema.safeParse(value);
  if (sealed.success) {
    const opened = storedSessionSchema.safeParse(openMeta(keys, SESSION, sealed.data.sealed));
    return opened.success ? opened.data : undefined;
  }
  const legacy = storedSessionSchema.safeParse(value);
  if (!legacy.success) return undefined;
  await saveSession(legacy.data, db);
  return legacy.data;
}

/** Seals and keeps the session; needs the device unlocked. */
export async function saveSession(session: StoredSession, db: CounterDeskDb = getDb()): Promise<void> {
  const keys = holderOf(db).require('the session');
  await db.meta.put({ key: SESSION, value: { ...hintOf(session), sealed: sealMeta(keys, SESSION, storedSessionSchema.parse(session)) } });
}

export async function clearSession(db: CounterDeskDb = getDb()): Promise<void> {
  await db.meta.delete(SESSION);
}
