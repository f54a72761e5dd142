/**
 * The raw baseline of the queue bench: the same day's work done with SQL alone, through the server's
 * own pool (`pg` on PostgreSQL), at the same concurrency — as many counter loops as the server run's
 * counters and as many kiosk loops as its kiosks, with the same think time, no-show share and hall
 * capacity — on an office day of its own. Per call, the statements call-next runs to take a ticket
 * (server/src/queue/callNext.ts, queueCalls.ts): the SELECT … FOR UPDATE SKIP LOCKED of the next
 * waiting ticket, the UPDATE that calls it and the INSERT of its call, in one transaction. Left out
 * is everything the server adds around them: HTTP, the device and session check, the station's lock,
 * the counter of the day, finishing the counter's previous ticket, the calls' commit-order lock and
 * the audit entry. An issue is the number series' upsert and the ticket's INSERT.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { onlineTicketNumber, queueGroupCodes } from '../../../shared/domain/queueGroups';
import type { Database, Queryable } from '../../../server/src/db/database';
import type { LoadShape } from './loadPlan';

export interface RawDay {
  /** Pick transaction (BEGIN … COMMIT, the pool's wait included), ms. */
  pickLatencies: number[];
  /** Issue transaction, ms. */
  issueLatencies: number[];
  seconds: number;
}

const GROUPS = queueGroupCodes.filter((group) => group !== 'L');
const ALL_GROUPS = ['A', 'B', 'C', 'D'];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function rawIssue(tx: Queryable, day: string, deviceId: string, priority: boolean): Promise<void> {
  const group = GROUPS[Math.floor(Math.random() * GROUPS.length)] ?? 'A';
  const { rows } = await tx.query<{ last_number: number }>(
    `INSERT INTO queue_number_series (office_day, queue_group, last_number) VALUES ($1, $2, 1)
     ON CONFLICT (office_day, queue_group) DO UPDATE SET last_number = queue_number_series.last_number + 1 RETURNING last_number`,
    [day, group],
  );
  const now = new Date();
  await tx.query(
    `INSERT INTO queue_tickets (id, verifier, office_day, number, queue_group, priority, source, status, issued_by_device, issued_at, queued_at)
     VALUES ($1, $2, $3, $4, $5, $6, 'kiosk', 'waiting', $7, $8, $8)`,
    [randomUUID(), randomBytes(18).toString('base64url'), day, onlineTicketNumber(group, rows[0]?.last_number ?? 0), group, priority ? 'senior' : null, deviceId, now],
  );
}

/** The pick: the next waiting ticket locked, called, and its call inserted; its id, or undefined. */
async function rawPick(tx: Queryable, day: string, station: string): Promise<string | undefined> {
  const { rows } = await tx.query<{ id: string }>(
    `SELECT id FROM queue_tickets
      WHERE office_day = $1 AND status = 'waiting'
        AND (for_station = $2 OR (for_station IS NULL AND queue_group = ANY($3::text[])))
      ORDER BY (for_station IS NULL), (priority IS NULL), queued_at, number
      LIMIT 1
      FOR UPDATE SKIP LOCKED`,
    [day, station, ALL_GROUPS],
  );
  const id = rows[0]?.id;
  if (id === undefined) return undefined;
  const now = new Date();
  const called = await tx.query<{ office_day: string; number: string; queue_group: string; priority: string | null }>(
    `UPDATE queue_tickets SET status = 'called', called_at = $2, called_station = $3, called_label = $3, called_by = 'raw', for_station = NULL
      WHERE id = $1 RETURNING office_day, number, queue_group, priority`,
    [id, now, station],
  );
  const ticket = called.rows[0];
  await tx.query(
    `INSERT INTO queue_calls (ticket_id, office_day, number, queue_group, counter_label, station_code, recall, priority, called_at)
     VALUES ($1, $2, $3, $4, $5, $5, false, $6, $7)`,
    [id, ticket?.office_day, ticket?.number, ticket?.queue_group, station, ticket?.priority !== null, now],
  );
  return id;
}

/** The raw day on `day` (one no other run uses): `counters` counter loops and `kiosks` kiosk loops. */
export async function rawQueueDay(db: Database, day: string, shape: LoadShape, counters: number, kiosks: number): Promise<RawDay> {
  const raw: RawDay = { pickLatencies: [], issueLatencies: [], seconds: 0 };
  let issuing = 0;
  let called = 0;
  const kiosk = async (n: number) => {
    while (issuing < shape.tickets) {
      if (issuing - called >= shape.hallCapacity) {
        await sleep(10);
        continue;
      }
      issuing += 1;
      const start = performance.now();
      await db.transaction((tx) => rawIssue(tx, day, `raw-kiosk-${n}`, Math.random() < shape.priorityShare));
      raw.issueLatencies.push(performance.now() - start);
    }
  };
  const counter = async (n: number) => {
    const station = `RAW${String(n).padStart(2, '0')}`;
    while (called < shape.tickets) {
      const start = performance.now();
      const id = await db.transaction((tx) => rawPick(tx, day, station));
      if (id === undefined) {
        await sleep(shape.emptyRetryMs);
        continue;
      }
      raw.pickLatencies.push(performance.now() - start);
      called += 1;
      await sleep(shape.thinkMs[0] + Math.random() * (shape.thinkMs[1] - shape.thinkMs[0]));
      const status = Math.random() < shape.noShowShare ? 'no-show' : 'done';
      await db.query('UPDATE queue_tickets SET status = $2, finished_at = $3 WHERE id = $1', [id, status, new Date()]);
    }
  };
  const start = performance.now();
  await Promise.all([...Array.from({ length: kiosks }, (_, n) => kiosk(n + 1)), ...Array.from({ length: counters }, (_, n) => counter(n + 1))]);
  raw.seconds = (performance.now() - start) / 1000;
  return raw;
}
