import { getDb, type CounterDeskDb } from './database';
import { feedbackRowSchema, type FeedbackRow } from './counterRecords';
import { appendToOutbox } from './outbox';
import type { LocalCase } from './records';

/** The citizen's rating as the customer display gave it (lib/customerDisplay.ts). */
export interface RatingInput {
  /** Made by the display when the citizen sent it: a rating heard twice is stored once. */
  ratingId: string;
  caseId: string;
  caseNo: string;
  score: number;
  comment?: string;
  ratedAt: string;
}

/**
 * A comment as the server stores it (the one text rule, decision 0032): a control character pasted
 * into the display's box becomes a space rather than a refusal the citizen, gone by then, cannot
 * correct; at most 500 characters.
 */
export function storableComment(comment: string | undefined): string | undefined {
  const clean = comment?.replace(/\r\n?/g, '\n').replace(/(?!\n)[\p{Cc}\p{Cs}]/gu, ' ').trim().slice(0, 500);
  return clean ? clean : undefined;
}

/**
 * Keeps the citizen's rating (1–5) with its case for the case's own screen and queues the
 * `recordRating` mutation that takes it to the bureau (docs/decisions/0037-ratings-reach-the-bureau.md),
 * in ONE transaction: both or neither. The case, when this device holds it, waits for sync like any
 * case with a change queued. False when this rating was stored already (a second window heard it).
 */
export async function recordRating(input: RatingInput, db: CounterDeskDb = getDb()): Promise<boolean> {
  const comment = storableComment(input.comment);
  const row = feedbackRowSchema.parse({ ratingId: input.ratingId, caseId: input.caseId, caseNo: input.caseNo, score: input.score, at: input.ratedAt, ...(comment ? { comment } : {}) });
  return db.transaction('rw', db.feedback, db.outbox, db.meta, db.cases, async () => {
    const [earlier, local] = await Promise.all([db.feedback.where('caseId').equals(input.caseId).toArray(), db.cases.get(input.caseId)]);
    if (earlier.some((other) => other.ratingId === input.ratingId)) return false;
    const args = { ratingId: input.ratingId, caseId: input.caseId, score: input.score, ratedAt: input.ratedAt, ...(comment ? { comment } : {}) };
    const writes: Array<Promise<unknown>> = [db.feedback.add(row), appendToOutbox(db, input.caseId, [{ name: 'recordRating', args }])];
    if (local) {
      // As any case with a change queued (caseStore.updateCase): waiting, with no refusal shown meanwhile.
      const waiting: LocalCase = { ...local, syncState: 'pending' };
      delete waiting.syncMessage;
      delete waiting.syncCode;
      writes.push(db.cases.put(waiting));
    }
    await Promise.all(writes);
    return true;
  });
}

export async function feedbackFor(caseId: string, db: CounterDeskDb = getDb()): Promise<FeedbackRow[]> {
  const rows = await db.feedback.where('caseId').equals(caseId).toArray();
  return rows.flatMap((row) => {
    const parsed = feedbackRowSchema.safeParse(row);
    return parsed.success ? [parsed.data] : [];
  });
}
