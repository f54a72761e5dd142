/**
 * Cases in PostgreSQL. A row is the device's intake record plus what only the server knows (when it
 * synced, its change number, the review flag, the attached documents, clock pauses). Rows are written
 * with `server_seq` NULL or a stale number and stamped by the writer just before commit
 * (store/changeSequence.ts); readers only ever see committed, stamped rows.
 *
 * Lock order, to keep concurrent pushes free of deadlocks: a push locks its own `sync_clients` row,
 * then every case it touches in ascending id order (`lockCases`), and the change sequence last.
 */
import type { CaseRecord, ClockPauseRecord } from '../../../shared/schemas/case';
import { applicantSchema, caseRecordSchema, caseStatusSchema, channelSchema, checklistItemSchema, clockPauseSchema, deficiencySchema } from '../../../shared/schemas/case';
import { caseDocumentSchema, caseReviewSchema } from '../../../shared/sync/protocol';
import type { CaseDocument, CaseReview, ServerCase } from '../../../shared/sync/protocol';
import { caseDeskSchema } from '../../../shared/schemas/caseDesk';
import { caseTicketSchema } from '../../../shared/schemas/ticketQueue';
import type { CaseDesk } from '../../../shared/schemas/caseDesk';
import { parseStored } from '../../../shared/schemas/parseStored';
import type { Queryable } from '../db/database';
import { unnestRows } from '../db/unnestRows';

/** A `cases` row as `caseColumns` reads it. */
export interface CaseRow {
  id: string;
  case_no: string;
  verifier: string;
  service_id: string;
  channel: string;
  applicant: unknown;
  checklist: unknown;
  status: string;
  received_on: string;
  received_at: Date;
  due_date: string;
  station_code: string;
  created_by: string;
  server_seq: number | null;
  synced_at: Date;
  clock_pauses: unknown;
  deficiency: unknown;
  review: unknown;
  documents: unknown;
  deleted_at: Date | null;
  desk: unknown;
  intake_extra: unknown;
  ticket: unknown;
}

export const caseColumns = `id, case_no, verifier, service_id, channel, applicant, checklist, status, received_on::text AS received_on,
  received_at, due_date::text AS due_date, station_code, created_by, server_seq, synced_at, clock_pauses, deficiency, review,
  documents, deleted_at, desk, intake_extra, ticket`;

export interface StoredCase {
  record: ServerCase;
  serverSeq: number | null;
  deleted: boolean;
}

/** What the intake carries besides the applicant, kept together in `intake_extra`. */
const intakeExtraSchema = caseRecordSchema.pick({ referrer: true, relatedCase: true, versions: true });

export function fromRow(row: CaseRow): StoredCase {
  // Rows written before the text rules of decision 0032 are read with their control characters as U+FFFD.
  const extra = row.intake_extra === null ? {} : parseStored(intakeExtraSchema, row.intake_extra);
  const desk = row.desk === null ? undefined : parseStored(caseDeskSchema, row.desk);
  const review = row.review === null ? undefined : parseStored(caseReviewSchema, row.review);
  const deficiency = row.deficiency === null ? undefined : deficiencySchema.parse(row.deficiency);
  const ticket = row.ticket === null ? undefined : caseTicketSchema.parse(row.ticket);
  return {
    serverSeq: row.server_seq,
    deleted: row.deleted_at !== null,
    record: {
      clockPauses: clockPauseSchema.array().parse(row.clock_pauses),
      ...(deficiency ? { deficiency } : {}),
      ...(review ? { review } : {}),
      documents: parseStored(caseDocumentSchema.array(), row.documents),
      id: row.id,
      caseNo: row.case_no,
      verifier: row.verifier,
      serviceId: row.service_id,
      channel: channelSchema.parse(row.channel),
      applicant: parseStored(applicantSchema, row.applicant),
      checklist: parseStored(checklistItemSchema.array(), row.checklist),
      status: caseStatusSchema.parse(row.status),
      receivedOn: row.received_on,
      receivedAt: row.received_at.toISOString(),
      dueDate: row.due_date,
      stationCode: row.station_code,
      createdBy: row.created_by,
      syncedAt: row.synced_at.toISOString(),
      ...extra,
      ...(desk ? { desk } : {}),
      ...(ticket ? { ticket } : {}),
    },
  };
}

/**
 * Inserts the case unless a case with its id or its case number exists; true when it inserted. The
 * one-record `insertCasesIfAbsent`, so cases have one INSERT. Under concurrency the losing insert waits
 * for the winner's commit and then does nothing.
 */
export async function insertCaseIfAbsent(tx: Queryable, record: CaseRecord, now: Date): Promise<boolean> {
  return (await insertCasesIfAbsent(tx, [record], now)).has(record.id);
}

/**
 * Inserts many records in one statement, in the order given (the one INSERT INTO cases): returns the
 * ids it inserted. A record whose id or case number is taken (by a stored case or by an earlier record
 * of the same call) is skipped, exactly as inserting them one by one would.
 */
export async function insertCasesIfAbsent(tx: Queryable, records: readonly CaseRecord[], now: Date): Promise<Set<string>> {
  if (records.length === 0) return new Set();
  const rows = records.map((record) => ({
    id: record.id,
    case_no: record.caseNo,
    verifier: record.verifier,
    service_id: record.serviceId,
    channel: record.channel,
    applicant: record.applicant,
    checklist: record.checklist,
    status: record.status,
    received_on: record.receivedOn,
    received_at: record.receivedAt,
    due_date: record.dueDate,
    station_code: record.stationCode,
    created_by: record.createdBy,
    clock_pauses: record.clockPauses ?? [],
    deficiency: record.deficiency ?? null,
    desk: record.desk ?? null,
    intake_extra: intakeExtraOf(record),
    ticket: record.ticket ?? null,
  }));
  const { rows: inserted } = await tx.query<{ id: string }>(
    `INSERT INTO cases (id, case_no, verifier, service_id, channel, applicant, checklist, status, received_on, received_at,
                        due_date, station_code, created_by, server_seq, synced_at, updated_at, clock_pauses, deficiency, desk, intake_extra, ticket)
     SELECT r.id, r.case_no, r.verifier, r.service_id, r.channel, r.applicant, r.checklist, r.status, r.received_on, r.received_at,
            r.due_date, r.station_code, r.created_by, NULL, $2, $2, r.clock_pauses, r.deficiency, r.desk, r.intake_extra, r.ticket
       FROM ROWS FROM (jsonb_to_recordset($1::jsonb) AS (id uuid, case_no text, verifier text, service_id text, channel text,
            applicant jsonb, checklist jsonb, status text, received_on date, received_at timestamptz, due_date date, station_code text,
            created_by text, clock_pauses jsonb, deficiency jsonb, desk jsonb, intake_extra jsonb, ticket jsonb))
            WITH ORDINALITY AS r (id, case_no, verifier, service_id, channel, applicant, checklist, status, received_on, received_at,
            due_date, station_code, created_by, clock_pauses, deficiency, desk, intake_extra, ticket, ordinal)
      ORDER BY r.ordinal
     ON CONFLICT DO NOTHING
     RETURNING id`,
    [JSON.stringify(rows), now],
  );
  return new Set(inserted.map((row) => row.id));
}

function intakeExtraOf(record: CaseRecord): Record<string, unknown> | null {
  const extra = intakeExtraSchema.parse(record);
  return Object.keys(extra).length > 0 ? extra : null;
}

/** Cases holding this id or this case number (at most two: one for each). */
export async function findCasesByIdOrCaseNo(db: Queryable, id: string, caseNo: string): Promise<StoredCase[]> {
  const { rows } = await db.query<CaseRow>(`SELECT ${caseColumns} FROM cases WHERE id = $1 OR case_no = $2`, [id, caseNo]);
  return rows.map(fromRow);
}

export async function findCaseByCaseNo(db: Queryable, caseNo: string): Promise<StoredCase | undefined> {
  const { rows } = await db.query<CaseRow>(`SELECT ${caseColumns} FROM cases WHERE case_no = $1 AND server_seq IS NOT NULL AND deleted_at IS NULL`, [caseNo]);
  const row = rows[0];
  return row ? fromRow(row) : undefined;
}

/**
 * Up to `limit` cases whose change number is in (cursor, watermark], in change order; deleted cases
 * come back with `deleted` set, as tombstones.
 */
export async function listCasesChangedAfter(
  db: Queryable,
  cursor: number,
  limit: number,
  watermark: number = Number.MAX_SAFE_INTEGER,
): Promise<Array<StoredCase & { serverSeq: number }>> {
  const { rows } = await db.query<CaseRow>(
    `SELECT ${caseColumns} FROM cases WHERE server_seq > $1 AND server_seq <= $3 ORDER BY server_seq LIMIT $2`,
    [cursor, limit, watermark],
  );
  return rows.flatMap((row) => {
    const stored = fromRow(row);
    return stored.serverSeq === null ? [] : [{ ...stored, serverSeq: stored.serverSeq }];
  });
}

/**
 * True when two intake records describe the same case. Status is left out on purpose: it is
 * server-owned once synced, so a replay of the original intake must still match after the server
 * has moved the case on. Instants compare as instants (the device may send +08:00, we store UTC).
 */
export function sameIntake(a: CaseRecord, b: CaseRecord): boolean {
  const normalize = (record: CaseRecord) => ({
    id: record.id,
    caseNo: record.caseNo,
    verifier: record.verifier,
    serviceId: record.serviceId,
    channel: record.channel,
    applicant: { kind: record.applicant.kind, idNumber: record.applicant.idNumber, name: record.applicant.name, phone: record.applicant.phone },
    checklist: record.checklist.map((item) => ({ document: item.document, state: item.state })),
    receivedOn: record.receivedOn,
    receivedAt: Date.parse(record.receivedAt),
    dueDate: record.dueDate,
    stationCode: record.stationCode,
    createdBy: record.createdBy,
  });
  return JSON.stringify(normalize(a)) === JSON.stringify(normalize(b));
}

/**
 * Locks the given cases (those that exist) in ascending id order, the one order every writer uses, so
 * two pushes touching the same cases wait for each other instead of deadlocking.
 */
export async function lockCases(tx: Queryable, ids: readonly string[]): Promise<void> {
  const unique = [...new Set(ids)].sort();
  if (unique.length === 0) return;
  await tx.query('SELECT id FROM cases WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE', [unique]);
}

/** The case (deleted or not) by id; call `lockCases` first when it is going to be written. */
export async function findCaseById(db: Queryable, id: string): Promise<StoredCase | undefined> {
  const { rows } = await db.query<CaseRow>(`SELECT ${caseColumns} FROM cases WHERE id = $1`, [id]);
  const row = rows[0];
  return row ? fromRow(row) : undefined;
}

/** The cases (deleted or not) with these ids, by id; call `lockCases` first when they are going to be written. */
export async function findCasesByIds(db: Queryable, ids: readonly string[]): Promise<Map<string, StoredCase>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const { rows } = await db.query<CaseRow>(`SELECT ${caseColumns} FROM cases WHERE id = ANY($1::uuid[])`, [unique]);
  return new Map(rows.map((row) => [row.id, fromRow(row)]));
}

/** Sets the documents of several cases in one statement (a run of attachDocument mutations). */
export async function updateCaseDocuments(tx: Queryable, documents: ReadonlyMap<string, CaseDocument[]>, now: Date): Promise<void> {
  if (documents.size === 0) return;
  const updates = unnestRows('u', { id: 'uuid', documents: 'text' }, [...documents].map(([id, list]) => ({ id, documents: JSON.stringify(list) })), { firstParameter: 2 });
  await tx.query(
    `UPDATE cases AS c SET documents = u.documents::jsonb, updated_at = $1
       FROM ${updates.from}
      WHERE c.id = u.id`,
    [now, ...updates.parameters],
  );
}

/** What a mutation may change on a stored case: the fields it names, nothing else. */
export interface CasePatch {
  applicant?: CaseRecord['applicant'];
  checklist?: CaseRecord['checklist'];
  status?: CaseRecord['status'];
  dueDate?: string;
  clockPauses?: ClockPauseRecord[];
  review?: CaseReview | null;
  documents?: CaseDocument[];
  desk?: CaseDesk;
  deficiency?: CaseRecord['deficiency'];
}

/** Writes a patch; the caller stamps the case's change number before committing. */
export async function updateCase(tx: Queryable, id: string, patch: CasePatch, now: Date): Promise<void> {
  const sets: string[] = [];
  const params: unknown[] = [id, now];
  const add = (column: string, value: unknown, cast = '') => {
    params.push(value);
    sets.push(`${column} = $${params.length}${cast}`);
  };
  if (patch.applicant) add('applicant', JSON.stringify(patch.applicant), '::jsonb');
  if (patch.checklist) add('checklist', JSON.stringify(patch.checklist), '::jsonb');
  if (patch.status) add('status', patch.status);
  if (patch.dueDate) add('due_date', patch.dueDate, '::date');
  if (patch.clockPauses) add('clock_pauses', JSON.stringify(patch.clockPauses), '::jsonb');
  if (patch.review !== undefined) add('review', patch.review === null ? null : JSON.stringify(patch.review), '::jsonb');
  if (patch.documents) add('documents', JSON.stringify(patch.documents), '::jsonb');
  if (patch.desk) add('desk', JSON.stringify(patch.desk), '::jsonb');
  if (patch.deficiency) add('deficiency', JSON.stringify(patch.deficiency), '::jsonb');
  if (sets.length === 0) return;
  await tx.query(`UPDATE cases SET ${sets.join(', ')}, updated_at = $2 WHERE id = $1`, params);
}

/** Deletes a case as a tombstone (retention purge, a case entered in error); pull carries it to devices. */
export async function markCaseDeleted(tx: Queryable, id: string, now: Date): Promise<boolean> {
  const { rowCount } = await tx.query('UPDATE cases SET deleted_at = $2, updated_at = $2 WHERE id = $1 AND deleted_at IS NULL', [id, now]);
  return rowCount === 1;
}

/**
 * The id and receipt verifier of the synced, live case numbered `caseNo`: all the public lookup reads
 * before the verifier matches, so an existing case costs it no more than an unknown one.
 */
export async function findCaseVerifier(db: Queryable, caseNo: string): Promise<{ id: string; verifier: string } | undefined> {
  const { rows } = await db.query<{ id: string; verifier: string }>(
    'SELECT id::text AS id, verifier FROM cases WHERE case_no = $1 AND server_seq IS NOT NULL AND deleted_at IS NULL',
    [caseNo],
  );
  return rows[0];
}
