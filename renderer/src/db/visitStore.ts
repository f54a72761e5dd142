import { z } from 'zod';
import { safeParseStored } from '../../../shared/schemas/parseStored';
import { isoDateTimeSchema } from '../../../shared/schemas/primitives';
import { plannedVisitSchema, recordedOutcomeSchema, visitOutcomeSchema } from '../../../shared/schemas/visit';
import type { RecordedOutcome, VisitOutcome, VisitPlan } from '../../../shared/schemas/visit';
import { getDb, type CounterDeskDb } from './database';
import { listUploads } from './documentStore';

/**
 * The field worker's visit plan on the laptop (到府服務), worked offline for a whole day.
 *
 * Invariants:
 * - An outcome recorded here is never lost to a later download: downloading the plan again refreshes
 *   what the supervisor planned but keeps every visit's local case and outcome.
 * - An outcome waits (`outcomeSync: 'pending'`) until the server has recorded it; it is sent by visit
 *   id, and the server treats a resend as a replay, so a lost answer only costs a resend.
 * - `state` is the visit as the worker left it: `planned` until done or not done (indexed, with
 *   `planDate`, for the day's list).
 *
 * Rows are plain records: encryption at rest, where the device has it, is applied under Dexie.
 */

export const localVisitStateSchema = z.enum(['planned', 'done', 'not-done']);
export type LocalVisitState = z.infer<typeof localVisitStateSchema>;

export const outcomeSyncSchema = z.enum(['none', 'pending', 'sent', 'failed']);

export const localVisitSchema = plannedVisitSchema.extend({
  state: localVisitStateSchema,
  downloadedAt: isoDateTimeSchema,
  /** The case made at the home, once saved (before the outcome is recorded). */
  caseId: z.string().optional(),
  caseNo: z.string().optional(),
  localOutcome: visitOutcomeSchema.optional(),
  outcomeSync: outcomeSyncSchema,
  /** Why the server refused the outcome, in its words. */
  outcomeError: z.string().optional(),
  sentAt: isoDateTimeSchema.optional(),
  /** The outcome as the server recorded it. */
  outcome: recordedOutcomeSchema.nullable(),
});
export type LocalVisit = z.infer<typeof localVisitSchema>;

function visitsTable(db: CounterDeskDb) {
  return db.table<LocalVisit, string>('visits');
}

/** Rows that no longer parse (written by an older build, or damaged) are left out, never trusted. */
function parseRows(rows: readonly unknown[]): LocalVisit[] {
  return rows.flatMap((row) => {
    const parsed = safeParseStored(localVisitSchema, row);
    return parsed.success ? [parsed.data] : [];
  });
}

const byTime = (a: LocalVisit, b: LocalVisit) => a.time.localeCompare(b.time) || a.id.localeCompare(b.id);

/**
 * Stores a downloaded plan. Visits the worker has already touched keep their local case and outcome;
 * a visit no longer in the plan is dropped only when nothing was done on it.
 */
export async function saveDownloadedPlan(plan: VisitPlan, db: CounterDeskDb = getDb()): Promise<LocalVisit[]> {
  const table = visitsTable(db);
  const downloadedAt = new Date().toISOString();
  await db.transaction('rw', table, async () => {
    const existing = new Map(parseRows(await table.where('planDate').equals(plan.planDate).toArray()).map((row) => [row.id, row]));
    const planned = new Set(plan.visits.map((visit) => visit.id));
    for (const [id, row] of existing) if (!planned.has(id) && row.state === 'planned' && !row.caseId) await table.delete(id);
    for (const visit of plan.visits) {
      const before = existing.get(visit.id);
      const serverDone = visit.outcome ? visit.outcome.state : undefined;
      const row: LocalVisit = before
        ? { ...before, ...visit, outcome: visit.outcome ?? before.outcome, downloadedAt }
        : { ...visit, state: serverDone ?? 'planned', outcomeSync: serverDone ? 'sent' : 'none', downloadedAt };
      await table.put(row);
    }
  });
  return listDayVisits(plan.planDate, db);
}

export async function listDayVisits(planDate: string, db: CounterDeskDb = getDb()): Promise<LocalVisit[]> {
  return parseRows(await visitsTable(db).where('planDate').equals(planDate).toArray()).sort(byTime);
}

export async function getVisit(id: string, db: CounterDeskDb = getDb()): Promise<LocalVisit | undefined> {
  const [row] = parseRows([await visitsTable(db).get(id)].filter((value) => value !== undefined));
  return row;
}

/** Links the case just made at the home to its visit, so returning to the visit finds it. */
export async function linkVisitCase(id: string, caseId: string, caseNo: string, db: CounterDeskDb = getDb()): Promise<void> {
  await visitsTable(db).update(id, { caseId, caseNo });
}

/** Records the outcome on the laptop; it is sent after the next successful sync. */
export async function recordLocalOutcome(id: string, outcome: VisitOutcome, db: CounterDeskDb = getDb()): Promise<void> {
  const table = visitsTable(db);
  await db.transaction('rw', table, async () => {
    const row = await getVisit(id, db);
    if (!row) throw new Error(`no visit ${id} on this device`);
    // Once sent the server holds it and will not change it; the device must not pretend otherwise.
    if (row.outcomeSync === 'sent') throw new Error('this visit has been reported to the server already');
    await table.put({ ...row, state: outcome.state, localOutcome: outcome, outcomeSync: 'pending', outcomeError: undefined });
  });
}

export async function pendingOutcomes(db: CounterDeskDb = getDb()): Promise<LocalVisit[]> {
  return parseRows(await visitsTable(db).toArray()).filter((row) => row.outcomeSync === 'pending' && row.localOutcome);
}

export async function markOutcomeSent(id: string, outcome: RecordedOutcome, db: CounterDeskDb = getDb()): Promise<void> {
  await visitsTable(db).update(id, { outcomeSync: 'sent', outcome, outcomeError: undefined, sentAt: new Date().toISOString() });
}

/** `code`: the server's error code, put into words where it is shown (lib/errorText.ts). */
export async function markOutcomeFailed(id: string, code: string, db: CounterDeskDb = getDb()): Promise<void> {
  await visitsTable(db).update(id, { outcomeSync: 'failed', outcomeError: code });
}

/** The documents the server confirmed since `since` (an ISO time), and their bytes: for the summary after a sync. */
export async function documentsConfirmedSince(since: string, db: CounterDeskDb = getDb()): Promise<{ count: number; bytes: number }> {
  const rows = (await listUploads('uploaded', db)).filter((row) => row.confirmedAt !== undefined && row.confirmedAt >= since);
  return { count: rows.length, bytes: rows.reduce((sum, row) => sum + row.size, 0) };
}
