import { getDb, type CounterDeskDb } from './database';
import { draftRowSchema } from './counterRecords';

/**
 * Autosaved intake drafts, one per clerk. A draft is written on every field change (debounced by the
 * caller) and deleted only after the case it became has committed, so a crash or a closed window
 * loses at most the keystrokes of the field being typed.
 */

export async function saveDraft(key: string, data: unknown, db: CounterDeskDb = getDb()): Promise<void> {
  await db.drafts.put({ key, savedAt: new Date().toISOString(), data });
}

export async function loadDraft(key: string, db: CounterDeskDb = getDb()): Promise<unknown> {
  const row = await db.drafts.get(key);
  const parsed = draftRowSchema.safeParse(row);
  return parsed.success ? parsed.data.data : undefined;
}

export async function clearDraft(key: string, db: CounterDeskDb = getDb()): Promise<void> {
  await db.drafts.delete(key);
}
