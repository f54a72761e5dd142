import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fieldStaffListSchema, outcomeResponseSchema, visitListSchema, visitPlanSchema, visitSchema } from '../../../shared/schemas/visit';
import type { VisitPlanRequest } from '../../../shared/schemas/visit';
import { hashPassword } from '../domain/password';
import { buildCaseRecord, createCaseMutation, pushBody } from '../testing/caseFixtures';
import { errorOf, startTestServer, syncHeaders } from '../testing/testServer';
import type { TestServer } from '../testing/testServer';

describe('field visits', () => {
  let server: TestServer;
  let supervisor: string;
  let field: string;
  let otherField: string;
  let clerk: string;
  const day = '2026-03-02';
  const earlier = buildCaseRecord(701, { applicant: { kind: 'person', idNumber: 'A123456789', name: '陳阿嬤', phone: '0912345678' } });
  const atHome = buildCaseRecord(702, { channel: 'field-visit', applicant: { kind: 'person', idNumber: 'A123456789', name: '陳阿嬤', phone: '0912345678' } });

  const planRequest = (overrides: Partial<VisitPlanRequest> = {}): VisitPlanRequest => ({
    id: randomUUID(),
    planDate: day,
    time: '09:30',
    assignee: 'fieldstaff',
    serviceId: 'HT-LOW-INCOME',
    applicant: { kind: 'person', idNumber: 'A123456789', name: '陳阿嬤', phone: '0912345678' },
    address: { zip: '200', line: '愛三路 1 號' },
    ...overrides,
  });

  const post = (url: string, token: string, payload: unknown) => server.app.inject({ method: 'POST', url, headers: syncHeaders(token), payload: payload as object });
  const get = (url: string, token: string) => server.app.inject({ method: 'GET', url, headers: syncHeaders(token) });

  beforeAll(async () => {
    server = await startTestServer();
    await server.db.query("INSERT INTO users (username, display_name, roles, password_hash) VALUES ('field2', 'Second field', '{field-staff}', $1)", [await hashPassword('field-two-test-2026')]);
    supervisor = await server.signIn({ username: 'supervisor', password: 'supervisor-demo-2026' });
    field = await server.signIn({ username: 'fieldstaff', password: 'field-demo-2026' });
    otherField = await server.signIn({ username: 'field2', password: 'field-two-test-2026' });
    clerk = await server.signIn();
    const clientId = randomUUID();
    const pushed = await post('/v1/sync/push', field, pushBody(clientId, [createCaseMutation(1, earlier), createCaseMutation(2, atHome)]));
    expect(pushed.statusCode).toBe(200);
  });
  afterAll(() => server.close());

  it('lists the field staff a supervisor may assign', async () => {
    const { staff } = fieldStaffListSchema.parse((await get('/v1/visits/field-staff', supervisor)).json());
    expect(staff.map((person) => person.username)).toEqual(['field2', 'fieldstaff']);
  });

  it('plans a visit once, however often the request is sent, and refuses bad ones field by field', async () => {
    const request = planRequest();
    const first = await post('/v1/visits', supervisor, request);
    expect(first.statusCode).toBe(200);
    expect(visitSchema.parse(first.json())).toMatchObject({ id: request.id, assignee: 'fieldstaff', plannedBy: 'supervisor', outcome: null });
    expect((await post('/v1/visits', supervisor, request)).statusCode).toBe(200);
    const { rows } = await server.db.query<{ count: number }>('SELECT count(*)::int AS count FROM visits WHERE id = $1', [request.id]);
    expect(rows[0]?.count).toBe(1);

    const bad = await post('/v1/visits', supervisor, planRequest({ time: '25:00', assignee: 'clerk', applicant: { kind: 'person', idNumber: 'A123456788', name: '王', phone: '12' }, address: { zip: '100', line: 'x' } }));
    expect(errorOf(bad).code).toBe('validation_failed');
    const paths = (bad.json() as { error: { issues: Array<{ path: string }> } }).error.issues.map((issue) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(['time', 'applicant.idNumber', 'applicant.phone', 'address.zip']));
    // A clerk is not a field worker.
    const notStaff = await post('/v1/visits', supervisor, planRequest({ assignee: 'clerk' }));
    expect((notStaff.json() as { error: { issues: Array<{ path: string }> } }).error.issues).toEqual([{ path: 'assignee', message: 'not an active field-staff user' }]);
    expect(errorOf(await post('/v1/visits', supervisor, planRequest({ serviceId: 'NO-SUCH' }))).code).toBe('validation_failed');
    expect(errorOf(await post('/v1/visits', field, planRequest())).code).toBe('forbidden');
  });

  it("gives each worker only their day's plan, with the applicant's earlier cases, and audits the download", async () => {
    const mine = planRequest({ time: '08:00' });
    const theirs = planRequest({ assignee: 'field2', applicant: { kind: 'person', idNumber: 'F131104093', name: '林先生', phone: '' } });
    const tomorrow = planRequest({ planDate: '2026-03-03' });
    for (const request of [mine, theirs, tomorrow]) expect((await post('/v1/visits', supervisor, request)).statusCode).toBe(200);

    const plan = visitPlanSchema.parse((await get(`/v1/visits/mine?date=${day}`, field)).json());
    expect(plan.visits.map((visit) => visit.time)).toEqual(['08:00', '09:30']);
    expect(plan.visits.map((visit) => visit.id)).not.toContain(theirs.id);
    expect(plan.visits[0]?.earlierCases.map((c) => c.caseNo).sort()).toEqual([earlier.caseNo, atHome.caseNo].sort());
    // Summary fields only: no verifier, no documents.
    expect(JSON.stringify(plan)).not.toContain(earlier.verifier);
    const other = visitPlanSchema.parse((await get(`/v1/visits/mine?date=${day}`, otherField)).json());
    expect(other.visits.map((visit) => visit.id)).toEqual([theirs.id]);
    expect(other.visits[0]?.earlierCases).toEqual([]);

    const { rows } = await server.db.query<{ user_name: string }>("SELECT user_name FROM audit_log WHERE action = 'visit.plan-download' ORDER BY seq");
    expect(rows.map((row) => row.user_name)).toEqual(['fieldstaff', 'field2']);
    expect(errorOf(await get('/v1/visits/mine?date=today', field)).code).toBe('validation_failed');
    // A past day's applicants stay off the laptop (decision 0030), and so does a plan a month ahead.
    expect(errorOf(await get('/v1/visits/mine?date=2026-03-01', field)).code).toBe('forbidden');
    expect(errorOf(await get('/v1/visits/mine?date=2026-04-02', field)).code).toBe('forbidden');
    expect(errorOf(await get(`/v1/visits/mine?date=${day}`, clerk)).code).toBe('forbidden');
  });

  it('records an outcome once: a replay changes nothing, a different one is refused, and the SMS is the intake one', async () => {
    const request = planRequest({ time: '10:00' });
    await post('/v1/visits', supervisor, request);
    const outcome = { state: 'done', caseId: atHome.id, receipt: 'sms', reportedAt: '2026-03-02T10:40:00+08:00' };
    const first = outcomeResponseSchema.parse((await post(`/v1/visits/${request.id}/outcome`, field, outcome)).json());
    expect(first).toMatchObject({ replay: false, outcome: { state: 'done', caseId: atHome.id, caseNo: atHome.caseNo, receipt: 'sms', reportedBy: 'fieldstaff', sms: 'pending' } });

    const again = outcomeResponseSchema.parse((await post(`/v1/visits/${request.id}/outcome`, field, outcome)).json());
    expect(again.replay).toBe(true);
    expect(again.outcome).toEqual(first.outcome);
    const changed = await post(`/v1/visits/${request.id}/outcome`, field, { state: 'not-done', reason: '不在家', reportedAt: '2026-03-02T10:41:00+08:00' });
    expect(errorOf(changed).code).toBe('conflict');

    const { rows: sms } = await server.db.query<{ body: string }>("SELECT body FROM notifications WHERE case_id = $1 AND kind = 'received'", [atHome.id]);
    expect(sms).toHaveLength(1);
    expect(sms[0]?.body).toContain(atHome.caseNo);
    expect(sms[0]?.body).toContain(`/q/${atHome.caseNo}?v=${atHome.verifier}`);
    const { rows: audits } = await server.db.query("SELECT 1 FROM audit_log WHERE action = 'visit.outcome' AND case_id = $1", [atHome.id]);
    expect(audits).toHaveLength(1);

    const { visits } = visitListSchema.parse((await get(`/v1/visits?date=${day}&assignee=fieldstaff`, supervisor)).json());
    expect(visits.find((visit) => visit.id === request.id)?.outcome).toMatchObject({ state: 'done', caseNo: atHome.caseNo, sms: 'pending' });
  });

  it('records a visit not done with its reason, refuses a case that has not synced, and keeps workers to their own visits', async () => {
    const request = planRequest({ time: '11:00' });
    await post('/v1/visits', supervisor, request);
    const url = `/v1/visits/${request.id}/outcome`;
    expect(errorOf(await post(url, otherField, { state: 'not-done', reason: '不在家', reportedAt: '2026-03-02T11:20:00+08:00' })).code).toBe('forbidden');
    expect(errorOf(await post(url, field, { state: 'done', caseId: randomUUID(), receipt: 'printed', reportedAt: '2026-03-02T11:20:00+08:00' })).code).toBe('conflict');
    expect(errorOf(await post(url, field, { state: 'not-done', reason: '', reportedAt: '2026-03-02T11:20:00+08:00' })).code).toBe('validation_failed');
    const recorded = outcomeResponseSchema.parse((await post(url, field, { state: 'not-done', reason: '不在家 / nobody home', reportedAt: '2026-03-02T11:20:00+08:00' })).json());
    expect(recorded.outcome).toMatchObject({ state: 'not-done', reason: '不在家 / nobody home', caseId: null, receipt: null, sms: 'none' });
    expect(errorOf(await post(`/v1/visits/${randomUUID()}/outcome`, field, { state: 'not-done', reason: 'x', reportedAt: '2026-03-02T11:20:00+08:00' })).code).toBe('not_found');
  });
});
