/**
 * The visits table: planning, the day's plan of one field worker, and the outcome.
 *
 * Invariant: a visit's outcome is written once. `recordOutcome` locks the row, and a second report
 * either matches the first (a replay after a lost answer: nothing changes) or is refused as a
 * conflict, so a retried or duplicated send can never rewrite what the server already holds.
 */
import type { EarlierCase, PlannedVisit, RecordedOutcome, Visit, VisitOutcome, VisitPlanRequest } from '../../../shared/schemas/visit';
import { parseStored } from '../../../shared/schemas/parseStored';
import { earlierCaseSchema, smsStateSchema, visitAddressSchema, visitApplicantSchema } from '../../../shared/schemas/visit';
import type { Queryable } from '../db/database';
import { DomainError } from '../domain/domainError';

interface VisitRow {
  id: string;
  plan_date: string;
  planned_time: string;
  assignee_id: number;
  assignee: string;
  assignee_name: string;
  service_id: string;
  applicant: unknown;
  address: unknown;
  note: string | null;
  planned_by: string;
  outcome: 'done' | 'not-done' | null;
  outcome_reason: string | null;
  case_id: string | null;
  case_no: string | null;
  receipt: 'printed' | 'sms' | null;
  recorded_at: Date | null;
  reported_by: string | null;
  sms_status: string | null;
}

const selectVisits = `
  SELECT v.id, v.plan_date, v.planned_time, v.assignee_id, u.username AS assignee, u.display_name AS assignee_name,
         v.service_id, v.applicant, v.address, v.note, v.planned_by, v.outcome, v.outcome_reason, v.case_id,
         c.case_no, v.receipt, v.recorded_at, v.reported_by,
         (SELECT n.status FROM notifications n WHERE n.case_id = v.case_id AND n.kind = 'received' ORDER BY n.id LIMIT 1) AS sms_status
    FROM visits v
    JOIN users u ON u.id = v.assignee_id
    LEFT JOIN cases c ON c.id = v.case_id`;

function outcomeOf(row: VisitRow): RecordedOutcome | null {
  if (!row.outcome || !row.recorded_at) return null;
  return {
    state: row.outcome,
    reason: row.outcome_reason,
    caseId: row.case_id,
    caseNo: row.case_no,
    receipt: row.receipt,
    recordedAt: row.recorded_at.toISOString(),
    reportedBy: row.reported_by ?? '',
    sms: row.sms_status === null ? 'none' : smsStateSchema.parse(row.sms_status),
  };
}

function visitOf(row: VisitRow): Visit {
  return {
    id: row.id,
    planDate: row.plan_date,
    time: row.planned_time,
    assignee: row.assignee,
    assigneeName: row.assignee_name,
    serviceId: row.service_id,
    // Written by this module from parsed requests; parsed again so a hand-edited row cannot leak out malformed.
    applicant: parseStored(visitApplicantSchema, row.applicant),
    address: parseStored(visitAddressSchema, row.address),
    note: row.note,
    plannedBy: row.planned_by,
    outcome: outcomeOf(row),
  };
}

export async function listFieldStaff(db: Queryable): Promise<Array<{ username: string; displayName: string }>> {
  const { rows } = await db.query<{ username: string; display_name: string }>(
    "SELECT username, display_name FROM users WHERE 'field-staff' = ANY(roles) AND disabled_at IS NULL ORDER BY username",
  );
  return rows.map((row) => ({ username: row.username, displayName: row.display_name }));
}

/** Plans a visit; planning the same id again returns the visit already planned (a retried request). */
export async function planVisit(tx: Queryable, request: VisitPlanRequest, plannedBy: string, now: Date): Promise<Visit> {
  const { rows: staff } = await tx.query<{ id: number }>("SELECT id FROM users WHERE username = $1 AND 'field-staff' = ANY(roles) AND disabled_at IS NULL", [
    request.assignee.toLowerCase(),
  ]);
  const assignee = staff[0];
  if (!assignee) throw new DomainError('validation_failed', 'The visit is not valid', { issues: [{ path: 'assignee', message: 'not an active field-staff user' }] });
  await tx.query(
    `INSERT INTO visits (id, plan_date, planned_time, assignee_id, service_id, applicant, address, note, planned_by, planned_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT (id) DO NOTHING`,
    [request.id, request.planDate, request.time, assignee.id, request.serviceId, JSON.stringify(request.applicant), JSON.stringify(request.address), request.note ?? null, plannedBy, now],
  );
  const visit = await findVisit(tx, request.id);
  if (!visit) throw new Error('a visit just planned is missing');
  return visit.visit;
}

export async function findVisit(db: Queryable, id: string, lock = false): Promise<{ visit: Visit; assigneeId: number } | undefined> {
  if (lock) await db.query('SELECT 1 FROM visits WHERE id = $1 FOR UPDATE', [id]);
  const { rows } = await db.query<VisitRow>(`${selectVisits} WHERE v.id = $1`, [id]);
  const row = rows[0];
  return row ? { visit: visitOf(row), assigneeId: row.assignee_id } : undefined;
}

export async function listVisits(db: Queryable, filter: { date: string; assignee?: string | undefined; assigneeId?: number | undefined }): Promise<Visit[]> {
  const { rows } = await db.query<VisitRow>(
    `${selectVisits}
      WHERE v.plan_date = $1 AND ($2::text IS NULL OR u.username = $2) AND ($3::bigint IS NULL OR v.assignee_id = $3)
      ORDER BY v.planned_time, u.username, v.id`,
    [filter.date, filter.assignee?.toLowerCase() ?? null, filter.assigneeId ?? null],
  );
  return rows.map(visitOf);
}

const EARLIER_CASES_LIMIT = 20;

/** The applicant's earlier cases, newest first: numbers, service, status and dates only. */
export async function earlierCasesOf(db: Queryable, idNumbers: readonly string[]): Promise<Map<string, EarlierCase[]>> {
  const result = new Map<string, EarlierCase[]>();
  if (idNumbers.length === 0) return result;
  const { rows } = await db.query<{ id_number: string; case_no: string; service_id: string; status: string; received_on: string; due_date: string }>(
    `SELECT applicant->>'idNumber' AS id_number, case_no, service_id, status, received_on, due_date
       FROM cases
      WHERE applicant->>'idNumber' = ANY($1::text[]) AND deleted_at IS NULL
      ORDER BY received_at DESC, case_no`,
    [[...new Set(idNumbers)]],
  );
  for (const row of rows) {
    const list = result.get(row.id_number) ?? [];
    if (list.length >= EARLIER_CASES_LIMIT) continue;
    list.push(earlierCaseSchema.parse({ caseNo: row.case_no, serviceId: row.service_id, status: row.status, receivedOn: row.received_on, dueDate: row.due_date }));
    result.set(row.id_number, list);
  }
  return result;
}

export async function planOf(db: Queryable, assigneeId: number, date: string): Promise<PlannedVisit[]> {
  const visits = await listVisits(db, { date, assigneeId });
  const earlier = await earlierCasesOf(
    db,
    visits.map((visit) => visit.applicant.idNumber),
  );
  return visits.map((visit) => ({ ...visit, earlierCases: earlier.get(visit.applicant.idNumber) ?? [] }));
}

function sameOutcome(recorded: RecordedOutcome, outcome: VisitOutcome): boolean {
  if (recorded.state !== outcome.state) return false;
  if (outcome.state === 'not-done') return recorded.reason === outcome.reason;
  return recorded.caseId === (outcome.caseId ?? null) && recorded.receipt === (outcome.receipt ?? null) && recorded.reason === (outcome.note ?? null);
}

export interface RecordOutcomeResult {
  visit: Visit;
  replay: boolean;
}

/**
 * Records the outcome of a visit the caller holds the lock of (see `findVisit(…, true)`). A replay of
 * the recorded outcome changes nothing; a different one is refused.
 */
export async function recordOutcome(tx: Queryable, visit: Visit, outcome: VisitOutcome, reportedBy: string, now: Date): Promise<RecordOutcomeResult> {
  if (visit.outcome) {
    if (sameOutcome(visit.outcome, outcome)) return { visit, replay: true };
    throw new DomainError('conflict', `Visit ${visit.id} already has its outcome (${visit.outcome.state}); it is not changed`);
  }
  if (outcome.state === 'done' && outcome.caseId) {
    const { rowCount } = await tx.query("SELECT 1 FROM cases WHERE id = $1 AND deleted_at IS NULL AND channel = 'field-visit'", [outcome.caseId]);
    if (rowCount === 0) throw new DomainError('conflict', 'The case made at the visit has not reached the server (sync it first)');
  }
  await tx.query(
    `UPDATE visits SET outcome = $2, outcome_reason = $3, case_id = $4, receipt = $5, reported_at = $6, recorded_at = $7, reported_by = $8
      WHERE id = $1 AND outcome IS NULL`,
    [
      visit.id,
      outcome.state,
      outcome.state === 'not-done' ? outcome.reason : (outcome.note ?? null),
      outcome.state === 'done' ? (outcome.caseId ?? null) : null,
      outcome.state === 'done' ? (outcome.receipt ?? null) : null,
      new Date(outcome.reportedAt),
      now,
      reportedBy,
    ],
  );
  const updated = await findVisit(tx, visit.id);
  if (!updated) throw new Error('a visit just reported is missing');
  return { visit: updated.visit, replay: false };
}
