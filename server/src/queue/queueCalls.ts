/**
 * The `queue_calls` table: every call and recall in order, the hall display's feed. Displays follow it
 * by id (callPoller.ts), so the ids must become visible in the order they were handed out: a call with
 * a lower id committing after a higher one would be skipped by a reader already past it. Each insert
 * therefore takes one transaction-long lock first, in the same statement, which makes calls commit one
 * after another, in id order.
 *
 * The lock is held from the insert to COMMIT, and every other call waits for it, so the insert is the
 * last statement of a call's transaction: after its audit entry, never before it. Holding the calls'
 * lock while waiting for the audit chain's head (which every finish and no-show also takes) made each
 * call wait for the audit writes of others on top of its own, and taking the two in either order in
 * different places could deadlock. The order is always: the audit head, then the calls' lock.
 */
import { displayCallSchema } from '../../../shared/schemas/ticketQueue';
import type { DisplayCall } from '../../../shared/schemas/ticketQueue';
import type { Queryable } from '../db/database';
import type { TicketRow } from './ticketRows';

interface CallRow {
  id: number;
  number: string;
  queue_group: string;
  counter_label: string;
  called_at: Date;
  recall: boolean;
  priority: boolean;
}

const callColumns = 'id, number, queue_group, counter_label, called_at, recall, priority';

export function displayCallOf(row: CallRow): DisplayCall {
  return displayCallSchema.parse({
    seq: row.id,
    number: row.number,
    group: row.queue_group,
    counter: row.counter_label,
    at: row.called_at.toISOString(),
    recall: row.recall,
    priority: row.priority,
  });
}

/** The call's row; run it last in the transaction, after the audit entry (see above). */
export async function insertCall(tx: Queryable, ticket: TicketRow, counter: { stationCode: string; label: string }, recall: boolean, now: Date): Promise<void> {
  // The lock is taken by the materialised CTE before the row (and so its id) is made.
  await tx.query(
    `WITH commit_order AS MATERIALIZED (SELECT pg_advisory_xact_lock(hashtext('queue_calls')))
     INSERT INTO queue_calls (ticket_id, office_day, number, queue_group, counter_label, station_code, recall, priority, called_at)
     SELECT $1::uuid, $2::date, $3::text, $4::text, $5::text, $6::text, $7::boolean, $8::boolean, $9::timestamptz FROM commit_order`,
    [ticket.id, ticket.office_day, ticket.number, ticket.queue_group, counter.label, counter.stationCode, recall, ticket.priority !== null, now],
  );
}

/** The calls after `afterId`, oldest first, at most `limit` (the poller's read; any day). */
export async function callsAfter(db: Queryable, afterId: number, limit: number): Promise<DisplayCall[]> {
  const { rows } = await db.query<CallRow>(`SELECT ${callColumns} FROM queue_calls WHERE id > $1 ORDER BY id LIMIT $2`, [afterId, limit]);
  return rows.map(displayCallOf);
}

/** The last `limit` calls of `day` after `afterId`, oldest first (a display catching up, a snapshot). */
export async function lastCallsOfDay(db: Queryable, day: string, afterId: number, limit: number): Promise<DisplayCall[]> {
  const { rows } = await db.query<CallRow>(`SELECT ${callColumns} FROM queue_calls WHERE office_day = $1 AND id > $2 ORDER BY id DESC LIMIT $3`, [day, afterId, limit]);
  return rows.map(displayCallOf).reverse();
}

/** The newest call's id (0 before any): where a reader starts that wants only what comes next. */
export async function lastCallId(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ id: number | null }>('SELECT max(id) AS id FROM queue_calls');
  return rows[0]?.id ?? 0;
}
