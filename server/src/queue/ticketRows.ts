/**
 * The `queue_tickets` rows (migration 014) as the wire's `Ticket`: one column list, one mapping, read
 * back through the shared schema so a row that breaks it fails loudly here rather than on a screen.
 */
import { ticketSchema } from '../../../shared/schemas/ticketQueue';
import type { Ticket } from '../../../shared/schemas/ticketQueue';
import type { Queryable } from '../db/database';

export interface TicketRow {
  id: string;
  verifier: string;
  office_day: string;
  number: string;
  queue_group: string;
  priority: string | null;
  source: string;
  status: string;
  issued_at: Date;
  queued_at: Date;
  for_station: string | null;
  called_at: Date | null;
  called_station: string | null;
  called_label: string | null;
  recalls: number;
  finished_at: Date | null;
  plate: string | null;
  case_id: string | null;
}

export const ticketColumns = `id, verifier, office_day, number, queue_group, priority, source, status, issued_at, queued_at, for_station,
  called_at, called_station, called_label, recalls, finished_at, plate, case_id`;

export function ticketOf(row: TicketRow): Ticket {
  return ticketSchema.parse({
    id: row.id,
    officeDay: row.office_day,
    number: row.number,
    group: row.queue_group,
    priority: row.priority,
    source: row.source,
    status: row.status,
    issuedAt: row.issued_at.toISOString(),
    calledAt: row.called_at?.toISOString() ?? null,
    finishedAt: row.finished_at?.toISOString() ?? null,
    counter: row.called_label,
    recalls: row.recalls,
    plate: row.plate,
    caseId: row.case_id,
  });
}

/** The ticket row, locked for the rest of the transaction when `forUpdate`. */
export async function findTicketRow(db: Queryable, id: string, forUpdate = false): Promise<TicketRow | undefined> {
  const { rows } = await db.query<TicketRow>(`SELECT ${ticketColumns} FROM queue_tickets WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id]);
  return rows[0];
}

/**
 * How many tickets are called before this one: in its group (or, transferred to one counter, among
 * that counter's transfers), priority tickets before the others, each kind by its place in the queue.
 * Tickets queued in the same instant go by number (of one day, numbers are unique). Nothing is
 * ahead of a ticket no longer waiting.
 */
export async function aheadOf(db: Queryable, row: TicketRow): Promise<number> {
  if (row.status !== 'waiting') return 0;
  const { rows } = await db.query<{ ahead: number }>(
    `SELECT count(*)::int AS ahead FROM queue_tickets t
      WHERE t.office_day = $1 AND t.status = 'waiting' AND t.id <> $2
        AND (CASE WHEN $3::text IS NULL THEN t.for_station IS NULL AND t.queue_group = $4 ELSE t.for_station = $3 END)
        AND ((t.priority IS NOT NULL AND NOT $5::boolean)
             OR ((t.priority IS NOT NULL) = $5::boolean AND (t.queued_at, t.number) < ($6::timestamptz, $7::text)))`,
    [row.office_day, row.id, row.for_station, row.queue_group, row.priority !== null, row.queued_at, row.number],
  );
  return rows[0]?.ahead ?? 0;
}
