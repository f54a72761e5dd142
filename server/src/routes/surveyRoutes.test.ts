import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { publicLookupLimit } from '../authz/rateLimit';
import { seedCaseWithHistory } from '../reports/seedCaseHistory';
import { buildCaseRecord } from '../testing/caseFixtures';
import { startTestServer } from '../testing/testServer';
import type { TestServer } from '../testing/testServer';

/** The survey after closure (docs/decisions/0037-ratings-reach-the-bureau.md). */
describe('GET/POST /q/:caseNo/survey?v=', () => {
  let server: TestServer;
  const applicant = { kind: 'person' as const, idNumber: 'F131104093', name: '林小明', phone: '0987654321' };
  const closed = buildCaseRecord(401, { applicant });
  const approved = buildCaseRecord(402, { applicant });
  const surveyUrl = (record: typeof closed, verifier = record.verifier) => `/q/${record.caseNo}/survey?v=${verifier}`;

  beforeAll(async () => {
    server = await startTestServer();
    await seedCaseWithHistory(server.db, closed, [
      { at: '2026-03-02T09:15:00+08:00', to: 'received' },
      { at: '2026-03-03T10:00:00+08:00', to: 'in-review' },
      { at: '2026-03-04T11:00:00+08:00', to: 'pending-approval' },
      { at: '2026-03-05T11:00:00+08:00', to: 'approved' },
      { at: '2026-03-06T10:00:00+08:00', to: 'closed' },
    ]);
    await seedCaseWithHistory(server.db, approved, [
      { at: '2026-03-02T09:15:00+08:00', to: 'received' },
      { at: '2026-03-03T10:00:00+08:00', to: 'in-review' },
      { at: '2026-03-04T11:00:00+08:00', to: 'pending-approval' },
      { at: '2026-03-05T11:00:00+08:00', to: 'approved' },
    ]);
  });
  afterAll(() => server.close());

  const ratings = async () => (await server.db.query<Record<string, unknown>>('SELECT * FROM visit_ratings ORDER BY received_at')).rows;
  const get = (url: string) => server.app.inject({ method: 'GET', url });
  const post = (url: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
    server.app.inject({ method: 'POST', url, headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, payload: new URLSearchParams(fields).toString() });
  /** The page's token and the cookie that goes with it. */
  const tokenOf = (page: LightMyRequestResponse) => {
    const cookie = String(page.headers['set-cookie'] ?? '').split(';')[0] ?? '';
    const token = /name="token" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    return { cookie, token };
  };

  it('is offered on the progress page of a closed case only', async () => {
    const closedPage = await get(`/q/${closed.caseNo}?v=${closed.verifier}`);
    expect(closedPage.statusCode).toBe(200);
    expect(closedPage.body).toContain(`href="${surveyUrl(closed)}"`);
    const approvedPage = await get(`/q/${approved.caseNo}?v=${approved.verifier}`);
    expect(approvedPage.statusCode).toBe(200);
    expect(approvedPage.body).not.toContain('/survey');
  });

  it('answers a wrong verifier with the one 404 page, and stores nothing', async () => {
    for (const response of [await get(surveyUrl(closed, 'x'.repeat(24))), await post(surveyUrl(closed, 'x'.repeat(24)), { score: '1', token: 't' }), await get(`/q/${closed.caseNo}/survey`)]) {
      expect(response.statusCode).toBe(404);
      expect(response.body).toContain('找不到案件');
    }
    expect(await ratings()).toEqual([]);
  });

  it('shows a case not yet closed no form, and refuses an answer to it', async () => {
    const page = await get(surveyUrl(approved));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('問卷尚未開放');
    expect(page.body).not.toContain('<form');
    const answer = await post(surveyUrl(approved), { score: '5', token: 'whatever' }, { cookie: 'cd_survey=whatever' });
    expect(answer.statusCode).toBe(409);
    expect(await ratings()).toEqual([]);
  });

  it('keeps what was entered and says what is wrong beside the field: a post without its page’s token, a missing score', async () => {
    const page = await get(surveyUrl(closed));
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-security-policy']).toContain("form-action 'self'");
    expect(String(page.headers['set-cookie'])).toMatch(/^cd_survey=[\w-]+; Path=\/q\/; Max-Age=\d+; HttpOnly; SameSite=Strict$/);
    expect(page.body).not.toContain('林小明');
    const { cookie, token } = tokenOf(page);

    const forged = await post(surveyUrl(closed), { score: '1', comment: '別人代填', token });
    expect(forged.statusCode).toBe(403);
    expect(forged.body).toContain('請再按一次「送出」');
    expect(forged.body).toContain('別人代填');
    const crossSite = await post(surveyUrl(closed), { score: '1', token }, { cookie, 'sec-fetch-site': 'cross-site' });
    expect(crossSite.statusCode).toBe(403);

    const noScore = await post(surveyUrl(closed), { speed: '4', comment: '很好', token }, { cookie });
    expect(noScore.statusCode).toBe(400);
    expect(noScore.body).toContain('<p id="score-error" class="field-error" role="alert">請選擇整體滿意度（1 至 5 分）。');
    expect(noScore.body).toContain('aria-describedby="score-error"');
    expect(noScore.body).toContain('name="speed" value="4" checked');
    expect(noScore.body).toContain('>很好</textarea>');
    expect(await ratings()).toEqual([]);
  });

  it('stores one answer per case as a survey rating with nothing of the applicant; a second is thanked, not stored', async () => {
    const { cookie, token } = tokenOf(await get(surveyUrl(closed)));
    const answer = await post(surveyUrl(closed), { score: '2', speed: '1', courtesy: '', comment: '等了很久\r\n但人員親切', token }, { cookie });
    expect(answer.statusCode).toBe(200);
    expect(answer.body).toContain('感謝您撥冗填寫');

    const second = await post(surveyUrl(closed), { score: '5', token }, { cookie });
    expect(second.statusCode).toBe(200);
    expect(second.body).toContain('本案件已填寫過問卷');
    const again = await get(surveyUrl(closed));
    expect(again.body).toContain('本案件已填寫過問卷');
    expect(again.body).not.toContain('<form');

    const rows = await ratings();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ case_id: closed.id, source: 'survey', score: 2, speed: 1, courtesy: null, comment: '等了很久\n但人員親切', service_id: closed.serviceId, station_code: 'KL01', clerk: 'clerk' });
    const stored = JSON.stringify(rows[0]);
    for (const secret of ['林小明', 'F131104093', '0987654321', closed.verifier]) expect(stored).not.toContain(secret);
    const { rows: audits } = await server.db.query<{ case_id: string; details: Record<string, unknown> }>("SELECT case_id, details FROM audit_log WHERE action = 'case.survey-answer'");
    expect(audits).toEqual([{ case_id: closed.id, details: { caseNo: closed.caseNo, score: 2, address: '127.0.0.0/24' } }]);
  });

  it('is limited per address like the progress page', async () => {
    const statuses: number[] = [];
    for (let i = 0; i <= publicLookupLimit.max; i += 1) {
      statuses.push((await server.app.inject({ method: 'GET', url: surveyUrl(closed), remoteAddress: '203.0.113.9' })).statusCode);
    }
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.slice(0, publicLookupLimit.max).every((status) => status === 200)).toBe(true);
  });
});
