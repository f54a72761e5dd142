import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseLookupResponseSchema } from '../../../shared/schemas/caseLookup';
import type { CaseRecord } from '../../../shared/schemas/case';
import { buildCaseRecord, createCaseMutation } from '../testing/caseFixtures';
import { addDeskPeople, deskPersonPassword } from '../testing/deskPeople';
import { caseLookupLimit } from '../authz/rateLimit';
import { errorOf, otherDevice, startTestServer, syncHeaders } from '../testing/testServer';
import type { TestServer } from '../testing/testServer';

/** The citizen of station A's case at station B's counter (docs/decisions/0030-scope-by-work.md). */
describe('POST /v1/cases/lookup: a case outside one’s scope, online, with a reason, audited, read-only', () => {
  let server: TestServer;
  let clerkB: string;
  let record: CaseRecord;

  beforeAll(async () => {
    server = await startTestServer();
    await addDeskPeople(server.db, [{ username: 'clerkb', roles: ['clerk'] }]);
    record = buildCaseRecord(1, { applicant: { kind: 'person', idNumber: 'F131104093', name: '林小明', phone: '0912345678', address: { zip: '200', line: '愛三路 1 號' } } });
    const clerkA = await server.signIn();
    const answer = await server.push(clerkA, randomUUID(), [createCaseMutation(1, record)]);
    expect(answer.results[0]?.status).toBe('applied');
    clerkB = await server.signIn({ username: 'clerkb', password: deskPersonPassword, deviceId: otherDevice.id });
  });
  afterAll(() => server.close());

  const lookup = (payload: unknown) => server.app.inject({ method: 'POST', url: '/v1/cases/lookup', headers: syncHeaders(clerkB), payload: payload as Record<string, unknown> });
  const lookups = async () =>
    (
      await server.db.query<{ user_name: string; device_id: string; case_id: string | null; purpose: string; details: Record<string, unknown> }>(
        "SELECT user_name, device_id, case_id, purpose, details FROM audit_log WHERE action = 'case.lookup' ORDER BY seq",
      )
    ).rows;

  it('refuses a lookup without a reason, or with a blank one, and records nothing', async () => {
    for (const payload of [{ query: record.caseNo }, { query: record.caseNo, reasonCode: 'citizen-at-counter' }, { query: record.caseNo, reasonCode: 'citizen-at-counter', reason: '   ' }]) {
      const response = await lookup(payload);
      expect([response.statusCode, errorOf(response).code]).toEqual([400, 'validation_failed']);
    }
    expect(await lookups()).toEqual([]);
  });

  it('answers the case by its number or the applicant’s ID, masked and without phone, address or verifier, and audits who, where, why and what', async () => {
    const byNumber = await lookup({ query: record.caseNo.toLowerCase(), reasonCode: 'citizen-at-counter', reason: '民眾臨櫃詢問進度' });
    expect(byNumber.statusCode).toBe(200);
    expect(byNumber.headers['cache-control']).toBe('private, no-store');
    const { cases, truncated } = caseLookupResponseSchema.parse(byNumber.json());
    expect(truncated).toBe(false);
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({ id: record.id, caseNo: record.caseNo, status: 'received', stationCode: 'KL01', applicant: { maskedName: '林○明', maskedIdNumber: 'F13110****' } });
    for (const secret of [record.verifier, record.applicant.phone, 'F131104093', '愛三路']) expect(byNumber.body).not.toContain(secret);

    const byId = caseLookupResponseSchema.parse((await lookup({ query: 'f131104093', reasonCode: 'phone-enquiry', reason: '電話詢問' })).json());
    expect(byId.cases.map((found) => found.id)).toEqual([record.id]);
    const none = caseLookupResponseSchema.parse((await lookup({ query: 'A100000001', reasonCode: 'other', reason: '查無此人測試' })).json());
    expect(none.cases).toEqual([]);

    expect(await lookups()).toEqual([
      { user_name: 'clerkb', device_id: otherDevice.id, case_id: record.id, purpose: '民眾臨櫃詢問進度', details: { query: record.caseNo, reasonCode: 'citizen-at-counter', found: 1, caseNo: record.caseNo } },
      { user_name: 'clerkb', device_id: otherDevice.id, case_id: record.id, purpose: '電話詢問', details: { query: 'F131104093', reasonCode: 'phone-enquiry', found: 1, caseNo: record.caseNo } },
      { user_name: 'clerkb', device_id: otherDevice.id, case_id: null, purpose: '查無此人測試', details: { query: 'A100000001', reasonCode: 'other', found: 0 } },
    ]);
  });

  it('stops a computer walking through ID numbers at the minute’s limit, before the lookup runs or is recorded', async () => {
    const before = (await lookups()).length;
    const answers: number[] = [];
    for (let i = 0; i <= caseLookupLimit.max; i += 1) {
      answers.push((await lookup({ query: `A1000000${String(10 + i).padStart(2, '0')}`, reasonCode: 'other', reason: '逐號查詢' })).statusCode);
    }
    // The earlier tests of this file spent part of the same minute's budget: once it is spent, every answer is 429.
    const firstRefusal = answers.indexOf(429);
    expect(firstRefusal).toBeGreaterThanOrEqual(0);
    expect(answers.slice(firstRefusal).every((status) => status === 429)).toBe(true);
    expect((await lookups()).length).toBe(before + firstRefusal);
  });
});
