import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pullResponseSchema } from '../../../shared/sync/protocol';
import { callNextAnswerSchema, issuedTicketSchema, type CaseTicket, type Ticket } from '../../../shared/schemas/ticketQueue';
import { kioskHeaders, ticketRequest } from '../testing/queueFixtures';
import { buildCaseRecord, createCaseMutation } from '../testing/caseFixtures';
import { otherDevice, startTestServer, syncHeaders } from '../testing/testServer';
import type { TestServer } from '../testing/testServer';

/**
 * A case taken in from a queue ticket keeps the ticket (cases.ticket, served back by pull) and finishes
 * it: the ticket row holds the case's id and ends at the case's received time, so the wait (called −
 * issued) and the service time (received − called) can be read from it. Another counter's ticket is
 * never finished by naming it in a case.
 */
describe('push: a case keeps its queue ticket', () => {
  let server: TestServer;
  let clerk: string;
  let clerkElsewhere: string;
  let sequence = 900;
  let numbers = 0;
  const issuedAt = '2026-03-02T09:02:00+08:00';
  const calledAt = '2026-03-02T09:10:00+08:00';
  const receivedAt = '2026-03-02T09:15:00+08:00';

  beforeAll(async () => {
    server = await startTestServer();
    clerk = await server.signIn();
    clerkElsewhere = await server.signIn({ deviceId: otherDevice.id });
  });
  afterAll(() => server.close());

  /** A ticket as the queue leaves it once a counter has called it. */
  async function calledTicket(station: string, status: 'called' | 'done' | 'waiting' = 'called'): Promise<CaseTicket> {
    numbers += 1;
    const ticket: CaseTicket = { ticketId: randomUUID(), number: `A${900 + numbers}`, issuedAt, calledAt };
    await server.db.query(
      `INSERT INTO queue_tickets (id, verifier, office_day, number, queue_group, source, status, issued_by_device, issued_at, queued_at,
                                  called_at, called_station, called_label, called_by)
       VALUES ($1, $2, '2026-03-02', $3, 'A', 'kiosk', $4, 'demo-kiosk-01', $5, $5, $6, $7, $7, 'clerk')`,
      [ticket.ticketId, randomBytes(18).toString('base64url'), ticket.number, status, issuedAt, status === 'waiting' ? null : calledAt, status === 'waiting' ? null : station],
    );
    return ticket;
  }

  async function ticketRow(id: string) {
    const { rows } = await server.db.query<{ status: string; case_id: string | null; finished_at: Date | null; wait_minutes: number; service_minutes: number | null }>(
      `SELECT status, case_id::text AS case_id, finished_at,
              extract(epoch FROM called_at - issued_at)::int / 60 AS wait_minutes,
              extract(epoch FROM finished_at - called_at)::int / 60 AS service_minutes
         FROM queue_tickets WHERE id = $1`,
      [id],
    );
    return rows[0];
  }

  async function pulled(token: string, id: string) {
    const response = await server.app.inject({ method: 'GET', url: '/v1/sync/pull?cursor=0&limit=1000', headers: syncHeaders(token) });
    const change = pullResponseSchema.parse(response.json()).changes.find((c) => c.id === id);
    if (!change || change.kind !== 'case') throw new Error(`case ${id} not pulled`);
    return change.data;
  }

  it('stores the ticket with the case, serves it in pull, and finishes the ticket with the case', async () => {
    const ticket = await calledTicket('KL01');
    const record = buildCaseRecord(++sequence, { ticket, receivedAt });
    const answer = await server.push(clerk, randomUUID(), [createCaseMutation(1, record)]);
    expect(answer.results[0]).toMatchObject({ status: 'applied' });

    const stored = await server.db.query<{ ticket: unknown }>('SELECT ticket FROM cases WHERE id = $1', [record.id]);
    expect(stored.rows[0]?.ticket).toMatchObject({ ticketId: ticket.ticketId, number: ticket.number });
    expect((await pulled(clerk, record.id)).ticket).toEqual(ticket);

    const row = await ticketRow(ticket.ticketId);
    expect(row).toMatchObject({ status: 'done', case_id: record.id, wait_minutes: 8, service_minutes: 5 });
    expect(row?.finished_at?.toISOString()).toBe(new Date(receivedAt).toISOString());
  });

  it('gives the case to a ticket the counter already finished by calling the next one', async () => {
    const ticket = await calledTicket('KL01', 'done');
    const record = buildCaseRecord(++sequence, { ticket, receivedAt });
    expect((await server.push(clerk, randomUUID(), [createCaseMutation(1, record)])).results[0]).toMatchObject({ status: 'applied' });
    expect(await ticketRow(ticket.ticketId)).toMatchObject({ status: 'done', case_id: record.id, service_minutes: 5 });
  });

  it('stores the case but leaves another station’s ticket as it is', async () => {
    const ticket = await calledTicket('KL01');
    const record = buildCaseRecord(++sequence, { ticket, receivedAt, stationCode: otherDevice.stationCode });
    const answer = await server.push(clerkElsewhere, randomUUID(), [createCaseMutation(1, record)]);
    expect(answer.results[0]).toMatchObject({ status: 'applied' });
    expect((await pulled(clerkElsewhere, record.id)).ticket?.ticketId).toBe(ticket.ticketId);
    expect(await ticketRow(ticket.ticketId)).toMatchObject({ status: 'called', case_id: null, finished_at: null });
  });

  it('leaves a waiting ticket, and a ticket that holds another case, as they are', async () => {
    const waiting = await calledTicket('KL01', 'waiting');
    const taken = await calledTicket('KL01');
    const first = buildCaseRecord(++sequence, { ticket: taken, receivedAt });
    const second = buildCaseRecord(++sequence, { ticket: taken, receivedAt: '2026-03-02T09:20:00+08:00' });
    const third = buildCaseRecord(++sequence, { ticket: waiting, receivedAt });
    const answer = await server.push(clerk, randomUUID(), [createCaseMutation(1, first), createCaseMutation(2, second), createCaseMutation(3, third)]);
    expect(answer.results.map((result) => result.status)).toEqual(['applied', 'applied', 'applied']);
    expect(await ticketRow(taken.ticketId)).toMatchObject({ status: 'done', case_id: first.id, service_minutes: 5 });
    expect(await ticketRow(waiting.ticketId)).toMatchObject({ status: 'waiting', case_id: null });
  });

  it('stores a case without a ticket as before, with no ticket', async () => {
    const record = buildCaseRecord(++sequence);
    expect((await server.push(clerk, randomUUID(), [createCaseMutation(1, record)])).results[0]).toMatchObject({ status: 'applied' });
    expect((await pulled(clerk, record.id)).ticket).toBeUndefined();
  });

  /** The ticket as the queue's routes leave it: issued at the kiosk, then called at this counter after `waitMs`. */
  async function ticketCalledHere(group: 'A' | 'L', waitMs: number): Promise<Ticket> {
    const request = group === 'L' ? ticketRequest('L', { plate: 'ABC-1234' }) : ticketRequest(group);
    const issued = group === 'L'
      ? await server.app.inject({ method: 'POST', url: '/v1/queue/tickets', headers: syncHeaders(clerk), payload: request })
      : await server.app.inject({ method: 'POST', url: '/v1/kiosk/tickets', headers: kioskHeaders(), payload: request });
    expect(issued.statusCode).toBe(200);
    server.clock.advance(waitMs);
    const called = await server.app.inject({ method: 'POST', url: '/v1/queue/call-next', headers: syncHeaders(clerk), payload: group === 'L' ? { group } : {} });
    const ticket = callNextAnswerSchema.parse(called.json()).ticket;
    expect(ticket?.id).toBe(issuedTicketSchema.parse(issued.json()).ticket.id);
    if (!ticket?.calledAt) throw new Error('the ticket was not called');
    return ticket;
  }

  it('through the queue’s own routes: a kiosk ticket and a lane car called here end with their cases', async () => {
    for (const [group, channel] of [['A', 'counter'], ['L', 'drive-through']] as const) {
      const ticket = await ticketCalledHere(group, 8 * 60_000);
      const caseTicket = { ticketId: ticket.id, number: ticket.number, issuedAt: ticket.issuedAt, calledAt: ticket.calledAt ?? '' };
      const at = new Date(server.clock.now().getTime() + 5 * 60_000).toISOString();
      const record = buildCaseRecord(++sequence, { ticket: caseTicket, receivedAt: at, channel, ...(channel === 'drive-through' ? { serviceId: 'GEN-CERT' } : {}) });
      expect((await server.push(clerk, randomUUID(), [createCaseMutation(1, record)])).results[0]).toMatchObject({ status: 'applied' });
      expect(await ticketRow(ticket.id)).toMatchObject({ status: 'done', case_id: record.id, wait_minutes: 8, service_minutes: 5 });
      const panel = await server.app.inject({ method: 'GET', url: '/v1/queue/counter', headers: syncHeaders(clerk) });
      expect(panel.json()).toMatchObject({ current: null });
    }
  });
});
