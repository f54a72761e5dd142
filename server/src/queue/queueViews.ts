/**
 * What the queue looks like from each place: a counter's panel, the lane's list of cars, the hall
 * display's snapshot, the kiosk's status. The display and the kiosk see numbers and counts only.
 */
import { queueGroupCodes, queueGroups } from '../../../shared/domain/queueGroups';
import type { QueueGroupCode } from '../../../shared/domain/queueGroups';
import { counterQueueSchema, displaySnapshotSchema, kioskStatusSchema } from '../../../shared/schemas/ticketQueue';
import type { CounterQueue, DisplaySnapshot, KioskStatus, Ticket } from '../../../shared/schemas/ticketQueue';
import type { Queryable } from '../db/database';
import { counterOfDay } from './counterDays';
import { lastCallsOfDay } from './queueCalls';
import { ticketColumns, ticketOf } from './ticketRows';
import type { TicketRow } from './ticketRows';

interface WaitingRow {
  queue_group: string;
  count: number;
  priority: number;
}

/** Waiting tickets of the day per group (general ones, and those transferred to `stationCode` if given). */
async function waitingByGroup(db: Queryable, day: string, stationCode: string | null): Promise<Map<string, WaitingRow>> {
  const { rows } = await db.query<WaitingRow>(
    `SELECT queue_group, count(*)::int AS count, count(priority)::int AS priority FROM queue_tickets
      WHERE office_day = $1 AND status = 'waiting' AND (for_station IS NULL OR for_station = $2)
      GROUP BY queue_group`,
    [day, stationCode],
  );
  return new Map(rows.map((row) => [row.queue_group, row]));
}

export async function counterQueueOf(db: Queryable, day: string, stationCode: string): Promise<CounterQueue> {
  const counter = await counterOfDay(db, day, stationCode);
  const { rows } = await db.query<TicketRow>(
    `SELECT ${ticketColumns} FROM queue_tickets WHERE called_station = $1 AND status = 'called' ORDER BY called_at DESC LIMIT 1`,
    [stationCode],
  );
  const waiting = await waitingByGroup(db, day, stationCode);
  const { rows: transferred } = await db.query<{ queue_group: string }>(
    "SELECT DISTINCT queue_group FROM queue_tickets WHERE office_day = $1 AND status = 'waiting' AND for_station = $2",
    [day, stationCode],
  );
  const groups = queueGroupCodes.filter((code) => counter.groups.includes(code) || transferred.some((row) => row.queue_group === code));
  return counterQueueSchema.parse({
    day,
    counter,
    current: rows[0] ? ticketOf(rows[0]) : null,
    waiting: groups.map((group) => ({ group, count: waiting.get(group)?.count ?? 0, priority: waiting.get(group)?.priority ?? 0 })),
  });
}

/** The lane's cars of the day still waiting or being served, in calling order, with their plates. */
export async function laneCarsOf(db: Queryable, day: string): Promise<Ticket[]> {
  const { rows } = await db.query<TicketRow>(
    `SELECT ${ticketColumns} FROM queue_tickets WHERE office_day = $1 AND queue_group = 'L' AND status IN ('waiting', 'called')
      ORDER BY (status = 'waiting'), (priority IS NULL), queued_at, number`,
    [day],
  );
  return rows.map(ticketOf);
}

const displayedCalls = 20;

export async function displaySnapshotOf(db: Queryable, day: string): Promise<DisplaySnapshot> {
  const { rows } = await db.query<{ called_label: string; number: string; queue_group: string }>(
    "SELECT called_label, number, queue_group FROM queue_tickets WHERE office_day = $1 AND status = 'called' AND called_label IS NOT NULL ORDER BY called_label, called_at",
    [day],
  );
  const waiting = await waitingByGroup(db, day, null);
  return displaySnapshotSchema.parse({
    serving: rows.map((row) => ({ counter: row.called_label, number: row.number, group: row.queue_group })),
    lastCalls: (await lastCallsOfDay(db, day, 0, displayedCalls)).reverse(),
    waiting: queueGroupCodes.map((group) => ({ group, count: waiting.get(group)?.count ?? 0 })),
  });
}

export async function kioskStatusOf(db: Queryable, now: Date, day: string, kioskNo: number): Promise<KioskStatus> {
  const waiting = await waitingByGroup(db, day, null);
  const atKiosk: QueueGroupCode[] = queueGroups.filter((group) => group.atKiosk).map((group) => group.code);
  return kioskStatusSchema.parse({
    officeDay: day,
    kioskNo,
    serverTime: now.toISOString(),
    groups: atKiosk.map((group) => ({ group, waiting: waiting.get(group)?.count ?? 0 })),
  });
}
