import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issuedTicketSchema } from '../../../shared/schemas/ticketQueue';
import { counterAt, kioskHeaders, ticketRequest } from '../testing/queueFixtures';
import type { Headers } from '../testing/queueFixtures';
import { startTestServer } from '../testing/testServer';
import type { TestServer } from '../testing/testServer';

/**
 * The queue's transactions take their locks in one order — the station's, the audit chain's head, then
 * the calls' (queueCalls.ts) — so that counters acting at once wait for each other but never deadlock
 * (PostgreSQL would end one of them with an error after a second). Only PostgreSQL runs transactions
 * side by side; on PGlite they take turns and this passes trivially.
 */
describe('the queue under counters acting at once', () => {
  let server: TestServer;
  let counter: Headers;
  let neighbour: Headers;
  const post = (url: string, headers: Headers, payload: object) => server.app.inject({ method: 'POST', url, headers, payload });

  beforeAll(async () => {
    server = await startTestServer();
    counter = await counterAt(server.db, 'KL05', 'clerk', server.clock.now());
    neighbour = await counterAt(server.db, 'KL06', 'clerk', server.clock.now());
  });
  afterAll(() => server.close());

  it('answers every 免抽號 issue, call-next and recall at one counter and its neighbour, and shows every call once', async () => {
    for (let n = 0; n < 20; n += 1) expect((await post('/v1/kiosk/tickets', kioskHeaders(), ticketRequest('A'))).statusCode).toBe(200);
    const served: string[] = [];
    for (let round = 0; round < 10; round += 1) {
      const answers = await Promise.all([
        post('/v1/queue/tickets', counter, { ...ticketRequest('B'), serveNow: true }),
        post('/v1/queue/call-next', counter, {}),
        post('/v1/queue/call-next', neighbour, {}),
        ...served.slice(-1).map((id) => post(`/v1/queue/tickets/${id}/recall`, neighbour, {})),
      ]);
      // A recall may find its ticket finished by the neighbour's own call-next: 409, never a 500.
      expect(answers.map((answer) => answer.statusCode).filter((status) => status !== 200 && status !== 409), answers.map((a) => a.body).join('\n')).toEqual([]);
      const neighbourCall = answers[2]?.json<{ ticket: { id: string } | null }>().ticket;
      if (neighbourCall) served.push(neighbourCall.id);
      expect(issuedTicketSchema.parse(answers[0]?.json()).ticket.status).toMatch(/called|done/);
    }
    // 20 kiosk tickets and 10 served at once, each called once (recalls aside).
    const { rows } = await server.db.query<{ calls: number; tickets: number }>(
      'SELECT count(*) FILTER (WHERE NOT recall)::int AS calls, count(DISTINCT ticket_id)::int AS tickets FROM queue_calls',
    );
    expect(rows[0]).toEqual({ calls: 30, tickets: 30 });
  });
});
