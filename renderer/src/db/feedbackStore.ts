import { getDb, type CounterDeskDb } from './database';
import { feedbackRowSchema, type FeedbackRow } from './counterRecords';

/** The citizens' satisfaction ratings (1–5), kept per case for the bureau's instant feedback report. */
export async function saveFeedback(row: Omit<FeedbackRow, 'id'>, db: CounterDeskDb = getDb()): Promise<void> {
  await db.feedback.add(feedbackRowSchema.parse(row));
}

export async function feedbackFor(caseId: string, db: CounterDeskDb = getDb()): Promise<FeedbackRow[]> {
  const rows = await db.feedback.where('caseId').equals(caseId).toArray();
  return rows.flatMap((row) => {
    const parsed = feedbackRowSchema.safeParse(row);
    return parsed.success ? [parsed.data] : [];
  });
}
