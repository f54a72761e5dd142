/**
 * What a counter does with the ticket it called: call it again (recall), give up on it (no-show),
 * finish it (optionally with the case it became), or hand it on (transfer) to a group or one counter.
 * Only the station that called a ticket acts on it (403 for any other); a ticket no longer being
 * served is refused (409), except that finishing or giving up a ticket twice answers as the first time
 * did, so a retried request after a lost answer does no harm.
 */
import type { QueueGroupCode } from '../../../shared/domain/queueGroups';
import type { Ticket } from '../../../shared/schemas/ticketQueue';
import type { Database, Queryable } from '../db/database';
import { DomainError } from '../domain/domainError';
import { appendAudit } from '../store/auditStore';
import type { CounterActor } from './callNext';
import { counterStations } from './counterDays';
import { insertCall } from './queueCalls';
import { findTicketRow, ticketColumns, ticketOf } from './ticketRows';
import type { TicketRow } from './ticketRows';

type Action = 'recall' | 'no-show' | 'finish' | 'transfer';

/** The ticket, locked, if this station called it; else the thrown 404/403. */
async function calledHere(tx: Queryable, ticketId: string, stationCode: string): Promise<TicketRow> {
  const row = await findTicketRow(tx, ticketId, true);
  if (!row) throw new DomainError('not_found', 'No such ticket');
  if (row.called_station !== stationCode) throw new DomainError('forbidden', `Ticket ${row.number} was not called at this counter: only the counter that called it acts on it`);
  return row;
}

function stillServed(row: TicketRow): void {
  if (row.status !== 'called') throw new DomainError('conflict', `Ticket ${row.number} is no longer being served here (${row.status})`);
}

async function update(tx: Queryable, ticketId: string, set: string, params: readonly unknown[]): Promise<TicketRow> {
  const { rows } = await tx.query<TicketRow>(`UPDATE queue_tickets SET ${set} WHERE id = $1 RETURNING ${ticketColumns}`, [ticketId, ...params]);
  const row = rows[0];
  if (!row) throw new Error(`ticket ${ticketId} vanished while locked`);
  return row;
}

async function audit(tx: Queryable, actor: CounterActor, action: Action, row: TicketRow, details: Record<string, string | null> = {}): Promise<void> {
  await appendAudit(tx, {
    at: actor.now,
    userName: actor.by,
    deviceId: actor.deviceId,
    action: `queue.${action}`,
    purpose: '叫號 / calling the queue',
    caseId: row.case_id,
    details: { ticketId: row.id, number: row.number, station: actor.stationCode, ...details },
  });
}

export async function recallTicket(db: Database, ticketId: string, actor: CounterActor): Promise<Ticket> {
  return db.transaction(async (tx) => {
    const row = await calledHere(tx, ticketId, actor.stationCode);
    stillServed(row);
    const updated = await update(tx, ticketId, 'recalls = recalls + 1', []);
    await audit(tx, actor, 'recall', updated);
    // Last: the calls' lock is held from here to COMMIT (queueCalls.ts).
    await insertCall(tx, updated, { stationCode: actor.stationCode, label: updated.called_label ?? actor.stationCode }, true, actor.now);
    return ticketOf(updated);
  });
}

export async function noShowTicket(db: Database, ticketId: string, actor: CounterActor): Promise<Ticket> {
  return db.transaction(async (tx) => {
    const row = await calledHere(tx, ticketId, actor.stationCode);
    if (row.status === 'no-show') return ticketOf(row);
    stillServed(row);
    const updated = await update(tx, ticketId, "status = 'no-show', finished_at = $2", [actor.now]);
    await audit(tx, actor, 'no-show', updated);
    return ticketOf(updated);
  });
}

export async function finishTicket(db: Database, ticketId: string, caseId: string | undefined, actor: CounterActor): Promise<Ticket> {
  return db.transaction(async (tx) => {
    const row = await calledHere(tx, ticketId, actor.stationCode);
    if (row.status === 'done' && (caseId === undefined || row.case_id === caseId)) return ticketOf(row);
    if (row.status !== 'done') stillServed(row);
    // A finished ticket may still learn its case (the case was made after "finish"); never a second one.
    if (row.case_id !== null && caseId !== undefined && row.case_id !== caseId) throw new DomainError('conflict', `Ticket ${row.number} is finished with another case`);
    const updated = await update(tx, ticketId, "status = 'done', finished_at = coalesce(finished_at, $2), case_id = coalesce($3, case_id)", [actor.now, caseId ?? null]);
    await audit(tx, actor, 'finish', updated);
    return ticketOf(updated);
  });
}

const backToWaiting = "status = 'waiting', called_at = NULL, called_station = NULL, called_label = NULL, called_by = NULL, transfers = transfers + 1";

/**
 * Hands the ticket on: to a group (it waits there keeping its place in the queue) or to one counter
 * (called there before that counter's groups).
 */
export async function transferTicket(db: Database, ticketId: string, to: { group?: QueueGroupCode; stationCode?: string }, actor: CounterActor): Promise<Ticket> {
  return db.transaction(async (tx) => {
    const row = await calledHere(tx, ticketId, actor.stationCode);
    stillServed(row);
    if (to.stationCode !== undefined) {
      const stations = new Set((await counterStations(tx)).map((station) => station.stationCode));
      if (to.stationCode === actor.stationCode || !stations.has(to.stationCode)) {
        throw new DomainError('validation_failed', 'The ticket cannot go to that counter', { issues: [{ path: 'stationCode', message: to.stationCode === actor.stationCode ? 'this is the counter serving it' : 'not an enrolled counter station' }] });
      }
    }
    const updated = to.group
      ? await update(tx, ticketId, `${backToWaiting}, queue_group = $2, for_station = NULL`, [to.group])
      : await update(tx, ticketId, `${backToWaiting}, for_station = $2`, [to.stationCode]);
    await audit(tx, actor, 'transfer', updated, { toGroup: to.group ?? null, toStation: to.stationCode ?? null });
    return ticketOf(updated);
  });
}
