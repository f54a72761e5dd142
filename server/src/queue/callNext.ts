/**
 * Calling tickets to a counter. The order (docs/decisions/0036-front-office-queue.md): first the
 * tickets transferred to this counter, then, over the counter's groups of the day, priority tickets
 * by their place in the queue, then the others by theirs. Counters calling at the same moment never
 * get the same ticket: each locks the row it takes and skips rows another has locked. A counter
 * serves one ticket at a time, so calling the next finishes the one it was still serving.
 */
import type { QueueGroupCode } from '../../../shared/domain/queueGroups';
import type { CounterDay, Ticket } from '../../../shared/schemas/ticketQueue';
import type { Database, Queryable } from '../db/database';
import { appendAudit } from '../store/auditStore';
import { counterOfDay } from './counterDays';
import { insertCall } from './queueCalls';
import { ticketColumns, ticketOf } from './ticketRows';
import type { TicketRow } from './ticketRows';

/** Who acts at a counter: the session's user on the station's device. */
export interface CounterActor {
  stationCode: string;
  by: string;
  deviceId: string;
  now: Date;
}

/** One counter's actions at a time: a double press must not leave the counter serving two tickets. */
export async function lockStation(tx: Queryable, stationCode: string): Promise<void> {
  await tx.query("SELECT pg_advisory_xact_lock(hashtext('queue-station:' || $1))", [stationCode]);
}

/** Finishes (done) whatever the station is still serving. */
export async function finishServing(tx: Queryable, stationCode: string, now: Date): Promise<void> {
  await tx.query("UPDATE queue_tickets SET status = 'done', finished_at = $2 WHERE called_station = $1 AND status = 'called'", [stationCode, now]);
}

/**
 * Calls a locked waiting ticket to `counter`, with its audit entry and then its call row for the
 * display, the transaction's last statement (queueCalls.ts says why that order).
 */
export async function callTicket(tx: Queryable, ticketId: string, counter: CounterDay, actor: CounterActor): Promise<Ticket> {
  const { rows } = await tx.query<TicketRow>(
    `UPDATE queue_tickets SET status = 'called', called_at = $2, called_station = $3, called_label = $4, called_by = $5, for_station = NULL
      WHERE id = $1 RETURNING ${ticketColumns}`,
    [ticketId, actor.now, counter.stationCode, counter.label, actor.by],
  );
  const row = rows[0];
  if (!row) throw new Error(`ticket ${ticketId} vanished while locked`);
  await appendAudit(tx, {
    at: actor.now,
    userName: actor.by,
    deviceId: actor.deviceId,
    action: 'queue.call',
    purpose: '叫號 / calling the queue',
    details: { ticketId, number: row.number, station: counter.stationCode },
  });
  await insertCall(tx, row, counter, false, actor.now);
  return ticketOf(row);
}

/** The next ticket for the station (see above), locked, or undefined when nobody waits for it. */
async function nextWaiting(tx: Queryable, day: string, stationCode: string, groups: readonly QueueGroupCode[]): Promise<string | undefined> {
  const { rows } = await tx.query<{ id: string }>(
    `SELECT id FROM queue_tickets
      WHERE office_day = $1 AND status = 'waiting'
        AND (for_station = $2 OR (for_station IS NULL AND queue_group = ANY($3::text[])))
      ORDER BY (for_station IS NULL), (priority IS NULL), queued_at, number
      LIMIT 1
      FOR UPDATE SKIP LOCKED`,
    [day, stationCode, groups],
  );
  return rows[0]?.id;
}

/** Finishes the station's current ticket and calls the next; null when nobody is waiting. */
export async function callNext(db: Database, actor: CounterActor & { day: string; group?: QueueGroupCode }): Promise<Ticket | null> {
  return db.transaction(async (tx) => {
    await lockStation(tx, actor.stationCode);
    const counter = await counterOfDay(tx, actor.day, actor.stationCode);
    await finishServing(tx, actor.stationCode, actor.now);
    const next = await nextWaiting(tx, actor.day, actor.stationCode, actor.group ? [actor.group] : counter.groups);
    return next === undefined ? null : callTicket(tx, next, counter, actor);
  });
}
