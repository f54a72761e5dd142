/**
 * The citizen's ticket on their phone (GET /v1/public/tickets/:id?v=): its number, where it stands
 * and a rough wait, nothing personal (never the lane car's plate, never a case). The id and the
 * verifier are looked up together, so a wrong verifier and an unknown id cost the same one query and
 * get the same answer.
 *
 * The estimated wait is (tickets ahead) × (median service time of the group's last 20 tickets finished
 * today) ÷ (counters that called this group in the last 30 minutes): unknown (null) until the day has
 * both, rather than a guess from nothing.
 */
import { publicTicketSchema } from '../../../shared/schemas/ticketQueue';
import type { PublicTicket } from '../../../shared/schemas/ticketQueue';
import type { Queryable } from '../db/database';
import { aheadOf, ticketColumns } from './ticketRows';
import type { TicketRow } from './ticketRows';

const RECENT_FINISHED = 20;
const SERVING_WINDOW_MS = 30 * 60 * 1000;

export async function estimatedWaitMinutes(db: Queryable, row: TicketRow, ahead: number, now: Date): Promise<number | null> {
  const { rows } = await db.query<{ median: number | null; counters: number }>(
    `WITH recent AS (
       SELECT extract(epoch FROM finished_at - called_at)::float8 AS seconds FROM queue_tickets
        WHERE office_day = $1 AND queue_group = $2 AND status = 'done' AND called_at IS NOT NULL AND finished_at IS NOT NULL
        ORDER BY finished_at DESC LIMIT ${RECENT_FINISHED})
     SELECT (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY seconds) FROM recent) AS median,
            (SELECT count(DISTINCT station_code)::int FROM queue_calls WHERE office_day = $1 AND queue_group = $2 AND called_at > $3) AS counters`,
    [row.office_day, row.queue_group, new Date(now.getTime() - SERVING_WINDOW_MS)],
  );
  const facts = rows[0];
  if (!facts || facts.median === null || facts.counters === 0) return null;
  return Math.ceil((ahead * facts.median) / facts.counters / 60);
}

export async function findPublicTicket(db: Queryable, id: string, verifier: string, now: Date): Promise<PublicTicket | undefined> {
  const { rows } = await db.query<TicketRow>(`SELECT ${ticketColumns} FROM queue_tickets WHERE id = $1 AND verifier = $2`, [id, verifier]);
  const row = rows[0];
  if (!row) return undefined;
  const ahead = await aheadOf(db, row);
  return publicTicketSchema.parse({
    number: row.number,
    group: row.queue_group,
    status: row.status,
    ahead,
    estimatedWaitMinutes: row.status === 'waiting' ? await estimatedWaitMinutes(db, row, ahead, now) : null,
    counter: row.called_label,
    issuedAt: row.issued_at.toISOString(),
  });
}
