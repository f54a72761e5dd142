import { randomUUID } from 'node:crypto';
import type { Database } from '../../../server/src/db/database';
import type { CaseRecord } from '../../../shared/schemas/case';

const upsert = `INSERT INTO cases (id, case_no, verifier, service_id, channel, applicant, checklist, status, received_on, received_at, due_date, station_code, created_by, synced_at, updated_at)
  SELECT r.id, r.case_no, r.verifier, r.service_id, r.channel, r.applicant, r.checklist, r.status, r.received_on, r.received_at, r.due_date, r.station_code, r.created_by, now(), now()
    FROM jsonb_to_recordset($1::jsonb) AS r (id uuid, case_no text, verifier text, service_id text, channel text, applicant jsonb, checklist jsonb, status text, received_on date, received_at timestamptz, due_date date, station_code text, created_by text)
  ON CONFLICT (id) DO UPDATE SET updated_at = excluded.updated_at`;

const asRows = (batch: readonly CaseRecord[]) =>
  JSON.stringify(batch.map((r) => ({ id: r.id, case_no: r.caseNo, verifier: r.verifier, service_id: r.serviceId, channel: r.channel, applicant: r.applicant, checklist: r.checklist, status: r.status, received_on: r.receivedOn, received_at: r.receivedAt, due_date: r.dueDate, station_code: r.stationCode, created_by: r.createdBy })));

/**
 * The baseline of the push bench: copies of the pushed cases (new ids and numbers) upserted in the
 * same batches straight through the server's own pool, `concurrency` batches at a time; the seconds it takes.
 */
export async function rawUpsertSeconds(db: Database, batches: readonly (readonly CaseRecord[])[], concurrency: number): Promise<number> {
  const queue = batches.map((batch) => batch.map((record) => ({ ...record, id: randomUUID(), caseNo: `${record.caseNo}R` })));
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let batch = queue.shift(); batch; batch = queue.shift()) await db.query(upsert, [asRows(batch)]);
    }),
  );
  return (performance.now() - started) / 1000;
}
