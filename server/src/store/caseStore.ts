/**
 * Cases in PostgreSQL. A row is the device's intake record plus what only the server knows (when it
 * synced, its change number). Rows are written with `server_seq` NULL and stamped by the writer just
 * before commit (store/changeSequence.ts); readers only ever see stamped rows.
 */
import type { CaseRecord } from '../../../shared/schemas/case';
import { applicantSchema, caseStatusSchema, channelSchema, checklistItemSchema } from '../../../shared/schemas/case';
import type { ServerCase } from '../../../shared/sync/protocol';
import type { Queryable } from '../db/database';

interface CaseRow {
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
}

const caseColumns = `id, case_no, verifier, service_id, channel, applicant, checklist, status, received_on::text AS received_on,
  received_at, due_date::text AS due_date, station_code, created_by, server_seq, synced_at`;

export interface StoredCase {
  record: ServerCase;
  serverSeq: number | null;
}

function fromRow(row: CaseRow): StoredCase {
  return {
    serverSeq: row.server_seq,
    record: {
      id: row.id,
      caseNo: row.case_no,
      verifier: row.verifier,
      serviceId: row.service_id,
      channel: channelSchema.parse(row.channel),
      applicant: applicantSchema.parse(row.applicant),
      checklist: checklistItemSchema.array().parse(row.checklist),
      status: caseStatusSchema.parse(row.status),
      receivedOn: row.received_on,
      receivedAt: row.received_at.toISOString(),
      dueDate: row.due_date,
      stationCode: row.station_code,
      createdBy: row.created_by,
      syncedAt: row.synced_at.toISOString(),
    },
  };
}

/**
 * Inserts the case unless a case with its id or its case number exists; true when it inserted.
 * Under concurrency the losing insert waits for the winner's commit and then does nothing.
 */
export async function insertCaseIfAbsent(tx: Queryable, record: CaseRecord, now: Date): Promise<boolean> {
  const { rowCount } = await tx.query(
    `INSERT INTO cases (id, case_no, verifier, service_id, channel, applicant, checklist, status, received_on, received_at,
                        due_date, station_code, created_by, server_seq, synced_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8, $9::date, $10::timestamptz, $11::date, $12, $13, NULL, $14, $14)
     ON CONFLICT DO NOTHING`,
    [
      record.id,
      record.caseNo,
      record.verifier,
      record.serviceId,
      record.channel,
      JSON.stringify(record.applicant),
      JSON.stringify(record.checklist),
      record.status,
      record.receivedOn,
      record.receivedAt,
      record.dueDate,
      record.stationCode,
      record.createdBy,
      now,
    ],
  );
  return rowCount === 1;
}

/** Cases holding this id or this case number (at most two: one for each). */
export async function findCasesByIdOrCaseNo(db: Queryable, id: string, caseNo: string): Promise<StoredCase[]> {
  const { rows } = await db.query<CaseRow>(`SELECT ${caseColumns} FROM cases WHERE id = $1 OR case_no = $2`, [id, caseNo]);
  return rows.map(fromRow);
}

export async function findCaseByCaseNo(db: Queryable, caseNo: string): Promise<StoredCase | undefined> {
  const { rows } = await db.query<CaseRow>(`SELECT ${caseColumns} FROM cases WHERE case_no = $1 AND server_seq IS NOT NULL`, [caseNo]);
  const row = rows[0];
  return row ? fromRow(row) : undefined;
}

/** Up to `limit` cases whose change number is above `cursor`, in change order. */
export async function listCasesChangedAfter(db: Queryable, cursor: number, limit: number): Promise<Array<StoredCase & { serverSeq: number }>> {
  const { rows } = await db.query<CaseRow>(
    `SELECT ${caseColumns} FROM cases WHERE server_seq > $1 ORDER BY server_seq LIMIT $2`,
    [cursor, limit],
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
