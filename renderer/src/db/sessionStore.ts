import { getDb, type CounterDeskDb } from './database';
import { storedSessionSchema, type StoredSession } from './records';

/** The signed-in session survives a reload so that a clerk can keep working while the server is away. */
const SESSION = 'session';

export async function loadSession(db: CounterDeskDb = getDb()): Promise<StoredSession | undefined> {
  const row = await db.meta.get(SESSION);
  if (!row) return undefined;
  const parsed = storedSessionSchema.safeParse(row.value);
  return parsed.success ? parsed.data : undefined;
}

export async function saveSession(session: StoredSession, db: CounterDeskDb = getDb()): Promise<void> {
  await db.meta.put({ key: SESSION, value: session });
}

export async function clearSession(db: CounterDeskDb = getDb()): Promise<void> {
  await db.meta.delete(SESSION);
}
