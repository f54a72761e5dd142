import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { petitionAnswerSchema, petitionListSchema, ratingAlertCountSchema, ratingAlertsSchema, ratingAnswerSchema } from '../../../shared/schemas/visitRating';
import type { CaseRecord } from '../../../shared/schemas/case';
import { insertRatingIfAbsent } from '../store/ratingStore';
import { buildCaseRecord, createCaseMutation } from '../testing/caseFixtures';
import { addDeskPeople, deskPersonPassword } from '../testing/deskPeople';
import { errorOf, startTestServer, syncHeaders } from '../testing/testServer';
import type { TestServer } from '../testing/testServer';

const HOUR = 3_600_000;

/** The supervisor's low-rating alerts and complaints (docs/decisions/0037-ratings-reach-the-bureau.md). */
describe('the supervisor’s ratings and complaints', () => {
  let server: TestServer;
  let supervisor: string;
  let record: CaseRecord;
  const tokens = new Map<string, string>();
  // The test clock starts at 2026-03-02 09:00 in Taipei.
  const ids = { today: randomUUID(), late: randomUUID(), openYesterday: randomUUID(), seenYesterday: randomUUID(), good: randomUUID(), otherDay: randomUUID() };

  beforeAll(async () => {
    server = await startTestServer();
    await addDeskPeople(server.db, [{ username: 'chiefc', roles: ['supervisor'], units: [{ unit: 'CONSUMPTION', position: 'chief' }] }]);
    record = buildCaseRecord(1, { applicant: { kind: 'person', idNumber: 'F131104093', name: '林小明', phone: '0987654321' } });
    const clerk = await server.signIn();
    const rating = (id: number, ratingId: string, score: number, ratedAt: string, comment?: string) => ({
      id, name: 'recordRating', createdAt: ratedAt, args: { ratingId, caseId: record.id, score, ratedAt, ...(comment ? { comment } : {}) },
    });
    const pushed = await server.push(clerk, randomUUID(), [
      createCaseMutation(1, record),
      rating(2, ids.today, 1, '2026-03-02T08:50:00+08:00', '櫃台人員態度不佳'),
      rating(3, ids.good, 5, '2026-03-02T08:55:00+08:00', '很好'),
      // Given three days ago on a counter that was offline: it reaches the server today.
      rating(4, ids.late, 2, '2026-02-27T10:00:00+08:00'),
    ]);
    expect(pushed.results.map((result) => result.status)).toEqual(['applied', 'applied', 'applied', 'applied']);
    const ofCase = { caseId: record.id, source: 'counter' as const, serviceId: record.serviceId, stationCode: 'KL01', clerk: 'clerk' };
    await insertRatingIfAbsent(server.db, { ...ofCase, id: ids.openYesterday, score: 2, comment: '昨天的', ratedAt: '2026-03-01T15:00:00+08:00', receivedAt: new Date('2026-03-01T07:01:00Z') });
    await insertRatingIfAbsent(server.db, { ...ofCase, id: ids.seenYesterday, score: 1, ratedAt: '2026-03-01T16:00:00+08:00', receivedAt: new Date('2026-03-01T08:01:00Z') });
    await server.db.query("UPDATE visit_ratings SET acknowledged_at = '2026-03-01T09:00:00Z', acknowledged_by = 'supervisor' WHERE id = $1", [ids.seenYesterday]);
    await insertRatingIfAbsent(server.db, { ...ofCase, id: ids.otherDay, score: 1, ratedAt: '2026-03-03T10:00:00+08:00', receivedAt: new Date('2026-03-03T02:01:00Z') });
    supervisor = await server.signIn({ username: 'supervisor', password: 'supervisor-demo-2026' });
    tokens.set('clerk', clerk);
    tokens.set('officer', await server.signIn({ username: 'officer', password: 'officer-demo-2026' }));
    tokens.set('admin', await server.signIn({ username: 'admin', password: 'admin-demo-2026' }));
    tokens.set('chiefc', await server.signIn({ username: 'chiefc', password: deskPersonPassword }));
  });
  afterAll(() => server.close());

  const call = (token: string, method: 'GET' | 'POST', url: string, payload?: Record<string, unknown>) =>
    server.app.inject({ method, url, headers: syncHeaders(token), ...(payload ? { payload } : {}) });
  const audits = async (action: string) => (await server.db.query<{ user_name: string; case_id: string | null; details: Record<string, unknown> }>('SELECT user_name, case_id, details FROM audit_log WHERE action = $1 ORDER BY seq', [action])).rows;

  it('lists the day’s low ratings — given or received today, and earlier ones not yet acknowledged — with what the supervisor needs, audited', async () => {
    const response = await call(supervisor, 'GET', '/v1/supervisor/ratings/alerts');
    expect(response.statusCode).toBe(200);
    const { day, ratings } = ratingAlertsSchema.parse(response.json());
    expect(day).toBe('2026-03-02');
    expect(ratings.map((rating) => rating.id)).toEqual([ids.today, ids.openYesterday, ids.late]);
    expect(ratings[0]).toEqual({
      id: ids.today, caseId: record.id, caseNo: record.caseNo, source: 'counter', score: 1, comment: '櫃台人員態度不佳', ratedAt: '2026-03-02T00:50:00.000Z',
      serviceId: 'LVT-SELF-USE', stationCode: 'KL01', clerk: 'clerk', acknowledgedAt: null, petitionId: null,
    });
    expect(response.body).not.toContain('林小明');
    expect(await audits('rating.alerts-view')).toEqual([{ user_name: 'supervisor', case_id: null, details: { day: '2026-03-02', ratings: 3 } }]);

    const otherDay = ratingAlertsSchema.parse((await call(supervisor, 'GET', '/v1/supervisor/ratings/alerts?day=2026-03-03')).json());
    expect(otherDay.ratings.map((rating) => rating.id)).toEqual([ids.otherDay, ids.today, ids.openYesterday, ids.late]);
    const badDay = await call(supervisor, 'GET', '/v1/supervisor/ratings/alerts?day=2026-02-31');
    expect([badDay.statusCode, errorOf(badDay).code]).toEqual([400, 'validation_failed']);
  });

  it('refuses every ratings and complaints route to the clerk, the officer and the administrator', async () => {
    const routes: Array<['GET' | 'POST', string, Record<string, unknown>?]> = [
      ['GET', '/v1/supervisor/ratings/alerts'],
      ['GET', '/v1/supervisor/ratings/alerts/count'],
      ['POST', `/v1/supervisor/ratings/${ids.today}/acknowledge`, {}],
      ['GET', '/v1/supervisor/petitions'],
      ['POST', '/v1/supervisor/petitions', { ratingId: ids.today, summary: '態度不佳' }],
      ['POST', `/v1/supervisor/petitions/${randomUUID()}/close`, { resolution: '已處理' }],
    ];
    for (const role of ['clerk', 'officer', 'admin']) {
      for (const [method, url, payload] of routes) {
        const response = await call(tokens.get(role) ?? '', method, url, payload);
        expect([response.statusCode, errorOf(response).code], `${role} ${method} ${url}`).toEqual([403, 'forbidden']);
      }
    }
  });

  it('shows a chief only the ratings of the units they oversee, and refuses them the others', async () => {
    const chief = tokens.get('chiefc') ?? '';
    expect(ratingAlertsSchema.parse((await call(chief, 'GET', '/v1/supervisor/ratings/alerts')).json()).ratings).toEqual([]);
    expect(ratingAlertCountSchema.parse((await call(chief, 'GET', '/v1/supervisor/ratings/alerts/count')).json()).unacknowledged).toBe(0);
    for (const [url, payload] of [[`/v1/supervisor/ratings/${ids.today}/acknowledge`, {}], ['/v1/supervisor/petitions', { ratingId: ids.today, summary: '態度不佳' }]] as const) {
      const response = await call(chief, 'POST', url, payload);
      expect([response.statusCode, errorOf(response).code]).toEqual([403, 'forbidden']);
    }
    expect(await audits('rating.acknowledge')).toEqual([]);
  });

  it('acknowledges a rating once, audited, and the count behind the badge follows', async () => {
    const count = async () => ratingAlertCountSchema.parse((await call(supervisor, 'GET', '/v1/supervisor/ratings/alerts/count')).json()).unacknowledged;
    expect(await count()).toBe(3);
    const first = await call(supervisor, 'POST', `/v1/supervisor/ratings/${ids.late}/acknowledge`, { note: '已致電民眾' });
    expect(first.statusCode).toBe(200);
    const acknowledgedAt = ratingAnswerSchema.parse(first.json()).rating.acknowledgedAt;
    expect(acknowledgedAt).toBe(server.clock.now().toISOString());
    server.clock.advance(HOUR);
    const again = ratingAnswerSchema.parse((await call(supervisor, 'POST', `/v1/supervisor/ratings/${ids.late}/acknowledge`, {})).json());
    expect(again.rating.acknowledgedAt).toBe(acknowledgedAt);
    expect(await count()).toBe(2);
    expect((await audits('rating.acknowledge'))[0]).toEqual({ user_name: 'supervisor', case_id: record.id, details: { ratingId: ids.late, score: 2, note: '已致電民眾' } });
    const unknown = await call(supervisor, 'POST', `/v1/supervisor/ratings/${randomUUID()}/acknowledge`, {});
    expect([unknown.statusCode, errorOf(unknown).code]).toEqual([404, 'not_found']);
  });

  it('opens one complaint from a rating with its summary, lists it, closes it with a resolution — each step audited', async () => {
    const blank = await call(supervisor, 'POST', '/v1/supervisor/petitions', { ratingId: ids.today, summary: '   ' });
    expect([blank.statusCode, errorOf(blank).code]).toEqual([400, 'validation_failed']);
    const opened = await call(supervisor, 'POST', '/v1/supervisor/petitions', { ratingId: ids.today, summary: '民眾反映櫃台人員態度不佳，請科長了解。' });
    expect(opened.statusCode).toBe(201);
    const { petition } = petitionAnswerSchema.parse(opened.json());
    expect(petition).toMatchObject({ ratingId: ids.today, caseNo: record.caseNo, summary: '民眾反映櫃台人員態度不佳，請科長了解。', status: 'open', openedBy: 'supervisor', comment: '櫃台人員態度不佳', resolution: null, closedAt: null });
    const twice = await call(supervisor, 'POST', '/v1/supervisor/petitions', { ratingId: ids.today, summary: '再一次' });
    expect([twice.statusCode, errorOf(twice).code]).toEqual([409, 'conflict']);

    const alerts = ratingAlertsSchema.parse((await call(supervisor, 'GET', '/v1/supervisor/ratings/alerts')).json());
    expect(alerts.ratings.find((rating) => rating.id === ids.today)).toMatchObject({ petitionId: petition.id, acknowledgedAt: server.clock.now().toISOString() });
    const listed = petitionListSchema.parse((await call(supervisor, 'GET', '/v1/supervisor/petitions')).json());
    expect(listed.petitions.map((item) => [item.id, item.status])).toEqual([[petition.id, 'open']]);
    expect(petitionListSchema.parse((await call(tokens.get('chiefc') ?? '', 'GET', '/v1/supervisor/petitions')).json()).petitions).toEqual([]);

    const noResolution = await call(supervisor, 'POST', `/v1/supervisor/petitions/${petition.id}/close`, { resolution: '' });
    expect([noResolution.statusCode, errorOf(noResolution).code]).toEqual([400, 'validation_failed']);
    const closed = petitionAnswerSchema.parse((await call(supervisor, 'POST', `/v1/supervisor/petitions/${petition.id}/close`, { resolution: '已與同仁面談並致電民眾致歉。' })).json());
    expect(closed.petition).toMatchObject({ status: 'closed', resolution: '已與同仁面談並致電民眾致歉。', closedAt: server.clock.now().toISOString() });
    const closedTwice = await call(supervisor, 'POST', `/v1/supervisor/petitions/${petition.id}/close`, { resolution: '再一次' });
    expect([closedTwice.statusCode, errorOf(closedTwice).code]).toEqual([409, 'conflict']);

    expect(await audits('petition.open')).toEqual([{ user_name: 'supervisor', case_id: record.id, details: { petitionId: petition.id, ratingId: ids.today } }]);
    expect(await audits('petition.close')).toEqual([{ user_name: 'supervisor', case_id: record.id, details: { petitionId: petition.id } }]);
    expect((await audits('petition.list-view')).map((entry) => entry.user_name)).toEqual(['supervisor', 'chiefc']);
  });
});
