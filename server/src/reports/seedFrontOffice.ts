/**
 * For tests and the demo: stores queue tickets and ratings as the queue and the ratings would have
 * left them, in one statement each (db/unnestRows.ts). Rows already there (same id) are kept.
 */
import type { QueueGroupCode, PriorityReason } from '../../../shared/domain/queueGroups';
import type { TicketStatus } from '../../../shared/schemas/ticketQueue';
import type { Queryable } from '../db/database';
import { unnestRows } from '../db/unnestRows';

export interface SeededTicket {
  id: string;
  officeDay: string;
  number: string;
  group: QueueGroupCode;
  priority?: PriorityReason;
  source: 'kiosk' | 'counter' | 'lane';
  status: TicketStatus;
  issuedBy?: string;
  issuedOffline?: boolean;
  issuedAt: string;
  calledAt?: string;
  /** The counter that called it: its station and the label it had that day. */
  called?: { station: string; label: string; by: string };
  finishedAt?: string;
  caseId?: string;
}

export interface SeededRating {
  id: string;
  caseId: string;
  source: 'counter' | 'survey';
  score: number;
  speed?: number;
  courtesy?: number;
  comment?: string;
  ratedAt: string;
  serviceId: string;
  stationCode: string;
  clerk: string;
  /** A low rating a supervisor has seen already (it then leaves the alerts). */
  acknowledged?: { at: string; by: string };
}

const ticketTypes = {
  id: 'uuid', verifier: 'text', office_day: 'date', number: 'text', queue_group: 'text', priority: 'text', source: 'text', status: 'text',
  issued_by_device: 'text', issued_offline: 'boolean', issued_at: 'timestamptz', called_at: 'timestamptz', called_station: 'text',
  called_label: 'text', called_by: 'text', finished_at: 'timestamptz', case_id: 'uuid',
} as const;

export async function insertQueueTickets(db: Queryable, tickets: readonly SeededTicket[]): Promise<void> {
  const rows = tickets.map((t) => ({
    id: t.id,
    // Stands in for the ticket's QR secret: a seeded ticket is never followed from a phone.
    verifier: t.id.replace(/-/g, ''),
    office_day: t.officeDay,
    number: t.number,
    queue_group: t.group,
    priority: t.priority ?? null,
    source: t.source,
    status: t.status,
    issued_by_device: t.issuedBy ?? 'demo-kiosk-01',
    issued_offline: t.issuedOffline ?? false,
    issued_at: t.issuedAt,
    called_at: t.calledAt ?? null,
    called_station: t.called?.station ?? null,
    called_label: t.called?.label ?? null,
    called_by: t.called?.by ?? null,
    finished_at: t.finishedAt ?? null,
    case_id: t.caseId ?? null,
  }));
  const { from, parameters } = unnestRows('t', ticketTypes, rows);
  await db.query(
    `INSERT INTO queue_tickets (${Object.keys(ticketTypes).join(', ')}, queued_at)
     SELECT t.*, t.issued_at FROM ${from}
     ON CONFLICT DO NOTHING`,
    parameters,
  );
}

const ratingTypes = {
  id: 'uuid', case_id: 'uuid', source: 'text', score: 'smallint', speed: 'smallint', courtesy: 'smallint', comment: 'text',
  rated_at: 'timestamptz', service_id: 'text', station_code: 'text', clerk: 'text', acknowledged_at: 'timestamptz', acknowledged_by: 'text',
} as const;

export async function insertVisitRatings(db: Queryable, ratings: readonly SeededRating[]): Promise<void> {
  const rows = ratings.map((r) => ({
    id: r.id,
    case_id: r.caseId,
    source: r.source,
    score: r.score,
    speed: r.speed ?? null,
    courtesy: r.courtesy ?? null,
    comment: r.comment ?? null,
    rated_at: r.ratedAt,
    service_id: r.serviceId,
    station_code: r.stationCode,
    clerk: r.clerk,
    acknowledged_at: r.acknowledged?.at ?? null,
    acknowledged_by: r.acknowledged?.by ?? null,
  }));
  const { from, parameters } = unnestRows('r', ratingTypes, rows);
  await db.query(
    `INSERT INTO visit_ratings (${Object.keys(ratingTypes).join(', ')}, received_at)
     SELECT r.*, r.rated_at FROM ${from}
     ON CONFLICT DO NOTHING`,
    parameters,
  );
}
