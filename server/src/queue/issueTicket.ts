/**
 * Issuing tickets. An online number is the next of its group's series of the day, counted in one row
 * per group and day (`queue_number_series`) by an upsert, so a restart or a second server process
 * continues the series and two issues at once never get the same number. An issue is idempotent on
 * the ticket id the issuer made: a retry answers with the ticket already stored. A kiosk's ticket
 * printed offline keeps its number (the kiosk's own series, A2-007, a shape the server never issues)
 * and its time, and takes its place in the queue by that time.
 */
import { onlineTicketNumber, queueGroupOf } from '../../../shared/domain/queueGroups';
import { taipeiDate } from '../../../shared/domain/rocDate';
import type { IssueTicketRequest, Ticket } from '../../../shared/schemas/ticketQueue';
import type { Database, Queryable } from '../db/database';
import { DomainError } from '../domain/domainError';
import type { ErrorIssue } from '../domain/domainError';
import { appendAudit } from '../store/auditStore';
import { callTicket, finishServing, lockStation } from './callNext';
import { counterOfDay } from './counterDays';
import { aheadOf, findTicketRow, ticketColumns, ticketOf } from './ticketRows';
import type { TicketRow } from './ticketRows';

/** Who issues: a kiosk (its number names its offline series) or a counter's signed-in person. */
export type Issuer = { kind: 'kiosk'; deviceId: string; kioskNo: number } | { kind: 'counter'; deviceId: string; stationCode: string; by: string };

export interface IssuedFacts {
  ticket: Ticket;
  ahead: number;
  /** The stored verifier (a retry's own is not trusted): the follow link's secret. */
  verifier: string;
}

/** How far ahead of the server's clock a kiosk's offline time may run before it is refused. */
const CLOCK_SLACK_MS = 5 * 60 * 1000;

function issuesOf(request: IssueTicketRequest, issuer: Issuer, now: Date): ErrorIssue[] {
  const issues: ErrorIssue[] = [];
  if (issuer.kind === 'kiosk') {
    if (!queueGroupOf(request.group).atKiosk) issues.push({ path: 'group', message: 'this group is not issued at the kiosk' });
    if (request.plate !== undefined) issues.push({ path: 'plate', message: 'a kiosk takes no plate' });
    if (request.serveNow !== undefined) issues.push({ path: 'serveNow', message: 'only a counter serves a ticket at once' });
    const offline = request.offline;
    if (offline && !new RegExp(`^${request.group}${issuer.kioskNo}-\\d{3,5}$`).test(offline.number)) issues.push({ path: 'offline.number', message: `not a number of this kiosk's ${request.group} series` });
    if (offline && Date.parse(offline.issuedAt) > now.getTime() + CLOCK_SLACK_MS) issues.push({ path: 'offline.issuedAt', message: "after the server's time: the kiosk's clock is wrong" });
    return issues;
  }
  if (request.offline !== undefined) issues.push({ path: 'offline', message: 'only a kiosk issues offline numbers' });
  if ((request.group === 'L') !== (request.plate !== undefined)) issues.push({ path: 'plate', message: request.group === 'L' ? "a lane car's ticket needs its plate" : 'a plate is only for the lane (group L)' });
  return issues;
}

/** Marks an insert that found the ticket id taken by a concurrent retry: the transaction rolls back. */
class AlreadyIssued extends Error {}

interface NewTicket {
  request: IssueTicketRequest;
  issuer: Issuer;
  day: string;
  number: string;
  issuedAt: Date;
}

async function insertTicket(tx: Queryable, t: NewTicket): Promise<TicketRow | undefined> {
  const source = t.issuer.kind === 'kiosk' ? 'kiosk' : t.request.group === 'L' ? 'lane' : 'counter';
  const { rows } = await tx.query<TicketRow>(
    `INSERT INTO queue_tickets (id, verifier, office_day, number, queue_group, priority, source, status, issued_by_device, issued_by_user,
                                issued_offline, issued_at, queued_at, plate)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 'waiting', $8, $9, $10, $11, $11, $12)
     ON CONFLICT DO NOTHING RETURNING ${ticketColumns}`,
    [
      t.request.ticketId, t.request.verifier, t.day, t.number, t.request.group, t.request.priority ?? null, source, t.issuer.deviceId,
      t.issuer.kind === 'counter' ? t.issuer.by : null, t.request.offline !== undefined, t.issuedAt, t.request.plate ?? null,
    ],
  );
  return rows[0];
}

async function nextNumber(tx: Queryable, day: string, group: string): Promise<number> {
  const { rows } = await tx.query<{ last_number: number }>(
    `INSERT INTO queue_number_series (office_day, queue_group, last_number) VALUES ($1, $2, 1)
     ON CONFLICT (office_day, queue_group) DO UPDATE SET last_number = queue_number_series.last_number + 1
     RETURNING last_number`,
    [day, group],
  );
  const row = rows[0];
  if (!row) throw new Error('the number series returned no row');
  return row.last_number;
}

/**
 * The counter's 免抽號: called at once at the issuing counter, which finishes what it was serving. The
 * caller holds the station's lock already.
 */
async function serveAtOnce(tx: Queryable, row: TicketRow, issuer: Extract<Issuer, { kind: 'counter' }>, now: Date): Promise<TicketRow> {
  await finishServing(tx, issuer.stationCode, now);
  await callTicket(tx, row.id, await counterOfDay(tx, row.office_day, issuer.stationCode), { stationCode: issuer.stationCode, by: issuer.by, deviceId: issuer.deviceId, now });
  const called = await findTicketRow(tx, row.id);
  if (!called) throw new Error('the ticket just called is gone');
  return called;
}

async function issueOnline(db: Database, request: IssueTicketRequest, issuer: Issuer, now: Date): Promise<TicketRow> {
  const servedBy = issuer.kind === 'counter' && request.serveNow === true ? issuer : undefined;
  return db.transaction(async (tx) => {
    // First, as call-next takes it: the station's lock before the audit head (and the calls' lock after
    // it, in callTicket), so that a 免抽號 issue and a call-next at one counter cannot deadlock.
    if (servedBy) await lockStation(tx, servedBy.stationCode);
    const day = taipeiDate(now);
    const number = onlineTicketNumber(request.group, await nextNumber(tx, day, request.group));
    const row = await insertTicket(tx, { request, issuer, day, number, issuedAt: now });
    if (!row) throw new AlreadyIssued();
    if (issuer.kind === 'counter') {
      await appendAudit(tx, {
        at: now, userName: issuer.by, deviceId: issuer.deviceId, action: 'queue.issue', purpose: '發號 / issuing a ticket',
        details: { ticketId: row.id, number: row.number, station: issuer.stationCode, serveNow: request.serveNow === true },
      });
    }
    return servedBy ? serveAtOnce(tx, row, servedBy, now) : row;
  });
}

async function issueOffline(db: Database, request: IssueTicketRequest, issuer: Issuer, offline: { number: string; issuedAt: string }): Promise<TicketRow> {
  const issuedAt = new Date(offline.issuedAt);
  const row = await insertTicket(db, { request, issuer, day: taipeiDate(issuedAt), number: offline.number, issuedAt });
  if (row) return row;
  const existing = await findTicketRow(db, request.ticketId);
  if (existing) return existing;
  throw new DomainError('conflict', `Ticket number ${offline.number} of ${taipeiDate(issuedAt)} was already sent as another ticket`);
}

/** Issues the ticket, or answers with the one already stored under its id. */
export async function issueTicket(db: Database, request: IssueTicketRequest, issuer: Issuer, now: Date): Promise<IssuedFacts> {
  const issues = issuesOf(request, issuer, now);
  if (issues.length > 0) throw new DomainError('validation_failed', 'The ticket is not valid', { issues });
  let row = await findTicketRow(db, request.ticketId);
  if (!row) {
    try {
      row = request.offline ? await issueOffline(db, request, issuer, request.offline) : await issueOnline(db, request, issuer, now);
    } catch (error) {
      if (!(error instanceof AlreadyIssued)) throw error;
      row = await findTicketRow(db, request.ticketId);
      if (!row) throw new Error('a ticket id was taken and is gone', { cause: error });
    }
  }
  return { ticket: ticketOf(row), ahead: await aheadOf(db, row), verifier: row.verifier };
}
