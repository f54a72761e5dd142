/**
 * A new case finishes the queue ticket it was taken in from (docs/decisions/0036-front-office-queue.md):
 * the ticket row gets the case's id, status `done` and, as its end of service, the case's received
 * time — the moment the clerk saved it, which the device knew even when the push came later.
 *
 * Only a ticket the same station called is finished: a device cannot close another counter's ticket
 * (nor one still waiting, transferred away or marked no-show) by naming it in a case. Such a case is
 * still stored with the ticket it names; the ticket row is left as it is.
 */
import type { Queryable } from '../db/database';
import { unnestRows } from '../db/unnestRows';

export interface CaseTicketLink {
  ticketId: string;
  caseId: string;
  /** The station of the device that pushed the case (the session's, which createCase checked the case names). */
  stationCode: string;
  /** The case's `receivedAt`. */
  finishedAt: string;
}

/**
 * Finishes each ticket with its case, in one statement; returns the ids of the tickets it finished.
 * A ticket already `done` by the counter's next call (or its "finish") without a case gets the case too;
 * one already holding another case keeps it.
 */
export async function finishTicketsWithCases(tx: Queryable, links: readonly CaseTicketLink[]): Promise<Set<string>> {
  // Two cases naming one ticket: the first one saved takes it, as one by one would.
  const first = [...new Map([...links].reverse().map((link) => [link.ticketId, link])).values()];
  if (first.length === 0) return new Set();
  const rows = unnestRows('l', { ticket_id: 'uuid', case_id: 'uuid', station_code: 'text', finished_at: 'timestamptz' }, first.map((link) => ({
    ticket_id: link.ticketId,
    case_id: link.caseId,
    station_code: link.stationCode,
    finished_at: link.finishedAt,
  })));
  const { rows: finished } = await tx.query<{ id: string }>(
    `UPDATE queue_tickets AS t
        SET status = 'done', case_id = l.case_id, finished_at = l.finished_at
       FROM ${rows.from}
      WHERE t.id = l.ticket_id
        AND t.called_station = l.station_code
        AND t.status IN ('called', 'done')
        AND (t.case_id IS NULL OR t.case_id = l.case_id)
     RETURNING t.id::text AS id`,
    rows.parameters,
  );
  return new Set(finished.map((row) => row.id));
}
