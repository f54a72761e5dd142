import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callNextAnswerSchema, counterPlanSchema, counterQueueSchema, issuedTicketSchema, laneCarsSchema, ticketAnswerSchema } from '../../../shared/schemas/ticketQueue';
import type { IssueTicketRequest, Ticket } from '../../../shared/schemas/ticketQueue';
import { buildApp } from '../app';
import { defaultServerConfig } from '../context/config';
import { addDeskPeople, deskPersonPassword } from '../testing/deskPeople';
import { counterAt, kioskHeaders, ticketRequest } from '../testing/queueFixtures';
import type { Headers } from '../testing/queueFixtures';
import { errorOf, startTestServer } from '../testing/testServer';
import type { TestServer } from '../testing/testServer';

describe('the queue at the counters', () => {
  let server: TestServer;
  let kl01: Headers;
  let kl02: Headers;
  let supervisor: Headers;

  const inject = (method: 'GET' | 'POST' | 'PUT', url: string, headers: Headers, payload?: object) =>
    server.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  const kioskIssue = async (request: IssueTicketRequest) => {
    const response = await inject('POST', '/v1/kiosk/tickets', kioskHeaders(), request);
    expect(response.statusCode, response.body).toBe(200);
    return issuedTicketSchema.parse(response.json());
  };
  const callNext = async (headers: Headers, group?: string): Promise<Ticket | null> => {
    const response = await inject('POST', '/v1/queue/call-next', headers, group ? { group } : {});
    expect(response.statusCode, response.body).toBe(200);
    return callNextAnswerSchema.parse(response.json()).ticket;
  };
  const act = (headers: Headers, id: string, action: string, payload: object = {}) => inject('POST', `/v1/queue/tickets/${id}/${action}`, headers, payload);
  /** Finishes whatever each counter serves and empties the waiting queue, so a test starts clean. */
  const clearQueue = () => server.db.query("UPDATE queue_tickets SET status = 'done', finished_at = now() WHERE status IN ('waiting', 'called')");

  beforeAll(async () => {
    server = await startTestServer();
    kl01 = await counterAt(server.db, 'KL01', 'clerk', server.clock.now());
    kl02 = await counterAt(server.db, 'KL02', 'clerk', server.clock.now());
    supervisor = await counterAt(server.db, 'KL03', 'supervisor', server.clock.now());
  });
  afterAll(() => server.close());

  it('numbers each group of the day in order and calls the oldest first', async () => {
    const first = await kioskIssue(ticketRequest('A'));
    const second = await kioskIssue(ticketRequest('A'));
    const other = await kioskIssue(ticketRequest('B'));
    expect([first.ticket.number, second.ticket.number, other.ticket.number]).toEqual(['A001', 'A002', 'B001']);
    expect([first.ahead, second.ahead]).toEqual([0, 1]);
    expect(first.followUrl).toMatch(new RegExp(`/t/${first.ticket.id}\\?v=`));
    const called = await callNext(kl01);
    expect(called).toMatchObject({ number: 'A001', status: 'called', counter: 'KL01' });
    // Calling the next finishes the one the counter was serving.
    expect(await callNext(kl01)).toMatchObject({ number: 'A002' });
    const { rows } = await server.db.query<{ status: string }>('SELECT status FROM queue_tickets WHERE id = $1', [first.ticket.id]);
    expect(rows[0]?.status).toBe('done');
    const calls = await server.db.query<{ number: string; recall: boolean }>('SELECT number, recall FROM queue_calls ORDER BY id');
    expect(calls.rows).toEqual([{ number: 'A001', recall: false }, { number: 'A002', recall: false }]);
    await clearQueue();
  });

  it('calls a priority ticket before earlier ordinary ones of its group', async () => {
    await kioskIssue(ticketRequest('C'));
    await kioskIssue(ticketRequest('C'));
    const priority = await kioskIssue(ticketRequest('C', { priority: 'senior' }));
    expect(priority.ahead).toBe(0);
    expect(await callNext(kl01, 'C')).toMatchObject({ id: priority.ticket.id, priority: 'senior' });
    await clearQueue();
  });

  it('lets only the calling counter recall, give up or finish a ticket, and audits each', async () => {
    const issued = await kioskIssue(ticketRequest('D'));
    const called = await callNext(kl01, 'D');
    expect(called?.id).toBe(issued.ticket.id);
    for (const action of ['recall', 'no-show', 'finish', 'transfer']) {
      const refused = await act(kl02, issued.ticket.id, action, action === 'transfer' ? { group: 'A' } : {});
      expect(refused.statusCode, action).toBe(403);
      expect(errorOf(refused).code).toBe('forbidden');
    }
    const recalled = ticketAnswerSchema.parse((await act(kl01, issued.ticket.id, 'recall')).json()).ticket;
    expect(recalled.recalls).toBe(1);
    const recallRow = await server.db.query<{ recall: boolean }>('SELECT recall FROM queue_calls WHERE ticket_id = $1 ORDER BY id', [issued.ticket.id]);
    expect(recallRow.rows.map((row) => row.recall)).toEqual([false, true]);
    const caseId = '6f1c1c3e-2a6b-4c55-8f53-1f6f0e4e9a01';
    const finished = ticketAnswerSchema.parse((await act(kl01, issued.ticket.id, 'finish', { caseId })).json()).ticket;
    expect(finished).toMatchObject({ status: 'done', caseId });
    // A retry of the same finish answers the same; giving up a finished ticket is refused.
    expect((await act(kl01, issued.ticket.id, 'finish', { caseId })).statusCode).toBe(200);
    expect(errorOf(await act(kl01, issued.ticket.id, 'no-show')).code).toBe('conflict');
    const audit = await server.db.query<{ action: string; user_name: string }>("SELECT action, user_name FROM audit_log WHERE details->>'ticketId' = $1 ORDER BY seq", [issued.ticket.id]);
    expect(audit.rows).toEqual([
      { action: 'queue.call', user_name: 'clerk' },
      { action: 'queue.recall', user_name: 'clerk' },
      { action: 'queue.finish', user_name: 'clerk' },
    ]);
    const another = await kioskIssue(ticketRequest('D'));
    await callNext(kl01, 'D');
    expect(ticketAnswerSchema.parse((await act(kl01, another.ticket.id, 'no-show')).json()).ticket).toMatchObject({ status: 'no-show' });
    expect(errorOf(await act(kl01, '6f1c1c3e-2a6b-4c55-8f53-1f6f0e4e9a02', 'recall')).code).toBe('not_found');
    await clearQueue();
  });

  it('transfers a ticket to another counter, called there first, and to a group keeping its place', async () => {
    const early = await kioskIssue(ticketRequest('A'));
    const waitingA = await kioskIssue(ticketRequest('A'));
    await callNext(kl01, 'A');
    const toKl02 = await act(kl01, early.ticket.id, 'transfer', { stationCode: 'KL02' });
    expect(ticketAnswerSchema.parse(toKl02.json()).ticket).toMatchObject({ status: 'waiting', counter: null });
    // KL01 does not get it back; KL02 gets it before A002, which waited longer in the group.
    expect(await callNext(kl01, 'A')).toMatchObject({ id: waitingA.ticket.id });
    expect(await callNext(kl02)).toMatchObject({ id: early.ticket.id, counter: 'KL02' });
    expect(errorOf(await act(kl02, early.ticket.id, 'transfer', { stationCode: 'KL02' })).code).toBe('validation_failed');
    expect(errorOf(await act(kl02, early.ticket.id, 'transfer', { stationCode: 'NOPE' })).code).toBe('validation_failed');
    expect(errorOf(await act(kl02, early.ticket.id, 'transfer', {})).code).toBe('validation_failed');

    const laterB = await kioskIssue(ticketRequest('B'));
    const toB = ticketAnswerSchema.parse((await act(kl02, early.ticket.id, 'transfer', { group: 'B' })).json()).ticket;
    expect(toB).toMatchObject({ group: 'B', number: early.ticket.number, status: 'waiting' });
    // It was queued before laterB, so it is called first in B.
    expect(await callNext(kl02, 'B')).toMatchObject({ id: early.ticket.id });
    expect(await callNext(kl02, 'B')).toMatchObject({ id: laterB.ticket.id });
    await clearQueue();
  });

  it("issues a counter's serve-now ticket called at once and a lane car with its plate", async () => {
    const now = await inject('POST', '/v1/queue/tickets', kl01, ticketRequest('A', { priority: 'disability', serveNow: true }));
    expect(now.statusCode, now.body).toBe(200);
    expect(issuedTicketSchema.parse(now.json()).ticket).toMatchObject({ status: 'called', counter: 'KL01', source: 'counter', priority: 'disability' });
    const car = await inject('POST', '/v1/queue/tickets', kl02, ticketRequest('L', { plate: 'abc-1234' }));
    expect(issuedTicketSchema.parse(car.json()).ticket).toMatchObject({ number: 'L001', plate: 'ABC-1234', source: 'lane', status: 'waiting' });
    const noPlate = await inject('POST', '/v1/queue/tickets', kl02, ticketRequest('L'));
    expect(errorOf(noPlate).code).toBe('validation_failed');
    expect(errorOf(await inject('POST', '/v1/queue/tickets', kl02, ticketRequest('A', { plate: 'ABC-1234' }))).code).toBe('validation_failed');
    const lane = laneCarsSchema.parse((await inject('GET', '/v1/queue/lane', kl02)).json());
    expect(lane.cars.map((c) => c.plate)).toEqual(['ABC-1234']);
    expect(await callNext(kl02, 'L')).toMatchObject({ plate: 'ABC-1234', status: 'called' });
    const panel = counterQueueSchema.parse((await inject('GET', '/v1/queue/counter', kl01)).json());
    expect(panel.current).toMatchObject({ status: 'called', priority: 'disability' });
    expect(panel.counter).toEqual({ stationCode: 'KL01', label: 'KL01', groups: ['A', 'B', 'C', 'D'] });
    await clearQueue();
  });

  it("calls by the supervisor's plan of the day, kept on the days after, and refuses bad plans", async () => {
    const put = await inject('PUT', '/v1/queue/counters', supervisor, { day: '2026-03-02', counters: [{ stationCode: 'KL01', label: '3號櫃台', groups: ['B'] }] });
    expect(put.statusCode, put.body).toBe(200);
    const plan = counterPlanSchema.parse(put.json());
    expect(plan.counters.find((c) => c.stationCode === 'KL01')).toEqual({ stationCode: 'KL01', label: '3號櫃台', groups: ['B'] });
    expect(plan.counters.find((c) => c.stationCode === 'KL02')).toEqual({ stationCode: 'KL02', label: 'KL02', groups: ['A', 'B', 'C', 'D'] });
    expect(plan.stations.map((s) => s.stationCode)).toEqual(expect.arrayContaining(['KL01', 'KL02', 'KL03']));
    expect(plan.stations.map((s) => s.stationCode)).not.toContain('KS01');
    const a = await kioskIssue(ticketRequest('A'));
    const b = await kioskIssue(ticketRequest('B'));
    expect(await callNext(kl01)).toMatchObject({ id: b.ticket.id, counter: '3號櫃台' });
    expect(await callNext(kl01)).toBeNull();
    expect(a.ticket.status).toBe('waiting');
    const tomorrow = counterPlanSchema.parse((await inject('GET', '/v1/queue/counters?day=2026-03-03', supervisor)).json());
    expect(tomorrow.counters.find((c) => c.stationCode === 'KL01')?.label).toBe('3號櫃台');

    const bad = await inject('PUT', '/v1/queue/counters', supervisor, {
      day: '2026-03-02',
      counters: [{ stationCode: 'ZZ99', label: 'x', groups: ['A'] }, { stationCode: 'KL02', label: 'y', groups: ['A', 'A'] }],
    });
    expect((bad.json() as { error: { issues: Array<{ path: string }> } }).error.issues.map((i) => i.path)).toEqual(['counters.0.stationCode', 'counters.1.groups']);
    expect(errorOf(await inject('PUT', '/v1/queue/counters', supervisor, { day: '2026-03-01', counters: [] })).code).toBe('validation_failed');
    const audit = await server.db.query<{ user_name: string }>("SELECT user_name FROM audit_log WHERE action = 'queue.plan'");
    expect(audit.rows).toEqual([{ user_name: 'supervisor' }]);
    await server.db.query('DELETE FROM queue_counter_days');
    await clearQueue();
  });

  it('refuses the queue to the roles that do not work it', async () => {
    await addDeskPeople(server.db, [{ username: 'q-officer', roles: ['officer'] }, { username: 'q-field', roles: ['field-staff'] }]);
    expect(deskPersonPassword).toBeTruthy();
    const clerkPlan = await inject('PUT', '/v1/queue/counters', kl01, { day: '2026-03-02', counters: [] });
    expect([clerkPlan.statusCode, errorOf(clerkPlan).code]).toEqual([403, 'forbidden']);
    for (const [username, station] of [['q-officer', 'KL04'], ['q-field', 'KL05'], ['admin', 'KL06']] as const) {
      const headers = await counterAt(server.db, station, username, server.clock.now());
      for (const [method, url] of [['POST', '/v1/queue/call-next'], ['GET', '/v1/queue/counter'], ['POST', '/v1/queue/tickets'], ['GET', '/v1/queue/counters']] as const) {
        const response = await inject(method, url, headers, method === 'POST' ? ticketRequest('A') : undefined);
        expect(response.statusCode, `${username} ${url}`).toBe(403);
      }
    }
  });

  it('continues the numbering in a second app on the same database', async () => {
    const before = await kioskIssue(ticketRequest('D'));
    const second = await buildApp({ db: server.db, config: defaultServerConfig(), now: server.clock.now });
    try {
      const response = await second.inject({ method: 'POST', url: '/v1/kiosk/tickets', headers: kioskHeaders(), payload: ticketRequest('D') });
      const after = issuedTicketSchema.parse(response.json());
      expect(Number(after.ticket.number.slice(1))).toBe(Number(before.ticket.number.slice(1)) + 1);
    } finally {
      await second.close();
    }
    await clearQueue();
  });

  it('never repeats a number nor calls a ticket twice under 50 issues and 30 counters at once', async () => {
    const counters = await Promise.all(Array.from({ length: 30 }, (_, i) => counterAt(server.db, `KP${String(i).padStart(2, '0')}`, 'clerk', server.clock.now())));
    const issued = await Promise.all(Array.from({ length: 50 }, () => kioskIssue(ticketRequest('A'))));
    const numbers = issued.map((t) => t.ticket.number);
    expect(new Set(numbers).size).toBe(50);
    const called = await Promise.all(counters.map((headers) => callNext(headers, 'A')));
    const ids = called.map((ticket) => ticket?.id);
    expect(ids.every((id) => id !== undefined)).toBe(true);
    expect(new Set(ids).size).toBe(30);
    const { rows } = await server.db.query<{ calls: number; tickets: number }>(
      "SELECT count(*)::int AS calls, count(DISTINCT ticket_id)::int AS tickets FROM queue_calls WHERE ticket_id = ANY($1::uuid[])",
      [issued.map((t) => t.ticket.id)],
    );
    expect(rows[0]).toEqual({ calls: 30, tickets: 30 });
    await clearQueue();
  });
});
