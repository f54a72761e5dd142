/**
 * The case history (case_events): one row per status a case entered — its intake and every applied
 * transition — and one per extension. The progress page shows its dates, the deadline watcher reads
 * how long cases stay in each stage, and the reports read when a case was decided.
 *
 * Invariants:
 * - `seq` counts from 1 per case without gaps, in the order the server applied the changes. The
 *   caller holds the case row's lock (the transaction that changed the case), so two writers of one
 *   case never race for a number; if they did, the primary key refuses the second.
 * - At most one extension per case (a partial unique index): §51 allows one.
 * - `at` is the server's clock, never the device's.
 */
import { z } from 'zod';
import { caseStatusSchema } from '../../../shared/schemas/case';
import type { CaseStatus } from '../../../shared/schemas/case';
import type { Queryable } from '../db/database';

/** `desk`: a desk step that left the status as it was (take, assign, note). */
export const caseEventKindSchema = z.enum(['received', 'transition', 'extension', 'desk']);
export type CaseEventKind = z.infer<typeof caseEventKindSchema>;

export interface CaseEventInput {
  caseId: string;
  /** The server's clock when the change was applied. */
  at: Date;
  /** Defaults to 'received' when `from` is null, else 'transition'. */
  kind?: CaseEventKind;
  /** null for the intake (createCase). */
  from: CaseStatus | null;
  to: CaseStatus;
  /** The username who made the change. */
  actor: string;
  reason?: string;
  /** For an extension: the days granted (the due date itself is recomputed on the case). */
  extensionDays?: number;
  /** The desk step that made the change (shared/domain/caseDesk.ts), when one did. */
  step?: string;
}

export interface CaseEvent {
  caseId: string;
  seq: number;
  at: Date;
  kind: CaseEventKind;
  from: CaseStatus | null;
  to: CaseStatus;
  actor: string;
  reason: string | null;
  extensionDays: number | null;
  step: string | null;
}

export interface CaseEventRow {
  case_id: string;
  seq: number;
  at: Date;
  kind: string;
  status_from: string | null;
  status_to: string;
  actor: string;
  reason: string | null;
  extension_days: number | null;
  step: string | null;
}

/** The columns a `CaseEventRow` holds, in SQL. */
export const caseEventRowColumns = 'case_id, seq, at, kind, status_from, status_to, actor, reason, extension_days, step';
const columns = caseEventRowColumns;

export function caseEventFromRow(row: CaseEventRow): CaseEvent {
  return {
    caseId: row.case_id,
    seq: row.seq,
    at: row.at,
    kind: caseEventKindSchema.parse(row.kind),
    from: row.status_from === null ? null : caseStatusSchema.parse(row.status_from),
    to: caseStatusSchema.parse(row.status_to),
    actor: row.actor,
    reason: row.reason,
    extensionDays: row.extension_days,
    step: row.step,
  };
}

/** Appends one event to the case's history and returns it with its sequence number. */
export async function insertCaseEvent(tx: Queryable, event: CaseEventInput): Promise<CaseEvent> {
  const kind = event.kind ?? (event.from === null ? 'received' : 'transition');
  const { rows } = await tx.query<CaseEventRow>(
    `INSERT INTO case_events (case_id, seq, at, kind, status_from, status_to, actor, reason, extension_days, step)
     SELECT $1, COALESCE(MAX(seq), 0) + 1, $2, $3, $4, $5, $6, $7, $8, $9 FROM case_events WHERE case_id = $1
     RETURNING ${columns}`,
    [
      event.caseId,
      event.at,
      kind,
      event.from,
      event.to,
      event.actor.slice(0, 64),
      event.reason === undefined ? null : event.reason.slice(0, 500),
      event.extensionDays ?? null,
      event.step ?? null,
    ],
  );
  const row = rows[0];
  if (!row) throw new Error(`case event for ${event.caseId} was not written`);
  return caseEventFromRow(row);
}

export async function listCaseEvents(db: Queryable, caseId: string): Promise<CaseEvent[]> {
  const { rows } = await db.query<CaseEventRow>(`SELECT ${columns} FROM case_events WHERE case_id = $1 ORDER BY seq`, [caseId]);
  return rows.map(caseEventFromRow);
}

/** The histories of many cases at once, each in sequence order. */
export async function listEventsOfCases(db: Queryable, caseIds: readonly string[]): Promise<Map<string, CaseEvent[]>> {
  const byCase = new Map<string, CaseEvent[]>();
  if (caseIds.length === 0) return byCase;
  const { rows } = await db.query<CaseEventRow>(
    `SELECT ${columns} FROM case_events WHERE case_id = ANY($1::uuid[]) ORDER BY case_id, seq`,
    [caseIds],
  );
  for (const row of rows) {
    const event = caseEventFromRow(row);
    const list = byCase.get(event.caseId) ?? [];
    list.push(event);
    byCase.set(event.caseId, list);
  }
  return byCase;
}

/** The days of the case's one extension (§51), or 0 when it has none. */
export async function extensionDaysOf(db: Queryable, caseId: string): Promise<number> {
  const { rows } = await db.query<{ days: number | null }>(
    `SELECT MAX(extension_days) AS days FROM case_events WHERE case_id = $1 AND kind = 'extension'`,
    [caseId],
  );
  return rows[0]?.days ?? 0;
}
