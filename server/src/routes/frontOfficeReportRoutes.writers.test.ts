import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { frontOfficeReportSchema, satisfactionAnalysisSchema } from '../../../shared/schemas/frontOfficeReport';
import { issuedTicketSchema } from '../../../shared/schemas/ticketQueue';
import { buildCaseRecord, createCaseMutation } from '../testing/caseFixtures';
import { counterAt, kioskHeaders, ticketRequest } from '../testing/queueFixtures';
import type { Headers } from '../testing/queueFixtures';
import { startTestServer } from '../testing/testServer';
import type { TestServer } from '../testing/testServer';

/**
 * The report reads what the queue and the ratings themselves write: tickets issued at the kiosk,
 * called, served or not; a citizen's rating synced from the counter.
 */
describe('the front office report over the real queue and ratings', () => {
  let server: TestServer;
  let counter: Headers;
  let supervisor: Headers;
  const minutes = (count: number) => server.clock.advance(count * 60_000);
  const post = async (url: string, headers: Headers, payload: object = {}) => {
    const response = await server.app.inject({ method: 'POST', url, headers, payload });
    expect(response.statusCode, response.body).toBe(200);
    return response;
  };

  beforeAll(async () => {
    server = await startTestServer();
    counter = await counterAt(server.db, 'KL01', 'clerk', server.clock.now());
    supervisor = await counterAt(server.db, 'KL03', 'supervisor', server.clock.now());
  });
  afterAll(() => server.close());

  it('counts the waits, the service time, the no-show and the priority call of the day', async () => {
    // 09:00 Taipei: two tickets and a priority one; the priority one is called first, after 2 minutes.
    const first = issuedTicketSchema.parse((await post('/v1/kiosk/tickets', kioskHeaders(), ticketRequest('A'))).json()).ticket;
    await post('/v1/kiosk/tickets', kioskHeaders(), ticketRequest('A'));
    await post('/v1/kiosk/tickets', kioskHeaders(), ticketRequest('A', { priority: 'senior' }));
    minutes(2);
    await post('/v1/queue/call-next', counter); // the priority ticket: waited 2 min
    minutes(6);
    await post('/v1/queue/call-next', counter); // finishes it (served 6 min); calls A001 after 8 min
    minutes(1);
    await post(`/v1/queue/tickets/${first.id}/no-show`, counter);
    await post('/v1/queue/call-next', counter); // A002, after 9 min
    minutes(4);
    await post('/v1/queue/call-next', counter); // finishes A002 (served 4 min); nothing waits
    const response = await server.app.inject({ method: 'GET', url: '/v1/reports/front-office', headers: supervisor });
    expect(response.statusCode, response.body).toBe(200);
    const { queue } = frontOfficeReportSchema.parse(response.json());
    expect(queue.overall).toMatchObject({ issued: 3, served: 2, noShows: 1, waitMedian: 480, serviceMedian: 300, priority: 1, priorityOnTime: 1 });
    expect(queue.byCounter.map((row) => [row.key, row.issued])).toEqual([['KL01', 3]]);
    expect(queue.byHour.map((row) => row.key)).toEqual(['09']);
  });

  it("counts a rating the counter synced, with its comment, in the report and the month's analysis", async () => {
    const clerk = await server.signIn();
    const clientId = randomUUID();
    const record = buildCaseRecord(1, { serviceId: 'GEN-CERT', dueDate: '2026-03-02' });
    const ratingId = randomUUID();
    const rating = { ratingId, caseId: record.id, score: 2, comment: '等太久了', ratedAt: server.clock.now().toISOString() };
    const answer = await server.push(clerk, clientId, [createCaseMutation(1, record), { id: 2, name: 'recordRating', createdAt: rating.ratedAt, args: rating }]);
    expect(answer.results.map((result) => result.status)).toEqual(['applied', 'applied']);
    const report = frontOfficeReportSchema.parse((await server.app.inject({ method: 'GET', url: '/v1/reports/front-office', headers: supervisor })).json());
    expect(report.satisfaction.overall).toMatchObject({ count: 1, average: 2, satisfiedShare: 0 });
    expect(report.satisfaction.comments.map((c) => [c.id, c.caseNo, c.comment, c.counter, c.clerk])).toEqual([[ratingId, record.caseNo, '等太久了', 'KL01', '示範櫃台人員 / Demo clerk']]);
    const analysis = satisfactionAnalysisSchema.parse((await server.app.inject({ method: 'GET', url: '/v1/reports/satisfaction-analysis?month=2026-03', headers: supervisor })).json());
    expect(analysis.lowRatings.map((low) => low.id)).toEqual([ratingId]);
    expect(analysis.byService.map((row) => [row.key, row.count])).toEqual([['GEN-CERT', 1]]);
  });
});
