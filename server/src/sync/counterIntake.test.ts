import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onTimeReportSchema } from '../../../shared/schemas/supervision';
import { pullResponseSchema } from '../../../shared/sync/protocol';
import type { CaseRecord } from '../../../shared/schemas/case';
import { buildCaseRecord, createCaseMutation } from '../testing/caseFixtures';
import { startTestServer, syncHeaders } from '../testing/testServer';
import type { TestServer } from '../testing/testServer';

/**
 * What the counter sends for its own steps: a same-day case saved and completed on the spot (createCase
 * then caseAction in one push), the intake channels the server checks against the person, and a
 * withdrawal carrying the applicant's signature.
 */
describe('push: the counter’s intake channels and steps', () => {
  let server: TestServer;
  let clerk: string;
  let supervisor: string;
  let sequence = 700;
  const at = '2026-03-02T09:15:00+08:00';
  const step = (id: number, caseId: string, action: object) => ({ id, name: 'caseAction', args: { caseId, step: action }, createdAt: at });
  const sameDay = (overrides: Partial<CaseRecord> = {}) =>
    buildCaseRecord(++sequence, { serviceId: 'GEN-CERT', checklist: [{ document: '申請書 / application form', state: 'provided' }], dueDate: '2026-03-02', ...overrides });

  beforeAll(async () => {
    server = await startTestServer();
    clerk = await server.signIn();
    supervisor = await server.signIn({ username: 'supervisor', password: 'supervisor-demo-2026' });
  });
  afterAll(() => server.close());

  async function serverCase(id: string): Promise<CaseRecord> {
    const response = await server.app.inject({ method: 'GET', url: '/v1/sync/pull?cursor=0&limit=1000', headers: syncHeaders(clerk) });
    const change = pullResponseSchema
      .parse(response.json())
      .changes.filter((c) => c.id === id)
      .pop();
    if (!change || change.kind !== 'case') throw new Error(`case ${id} not pulled`);
    return change.data;
  }

  it('closes a same-day case completed on the spot, handed over, and counts it on time', async () => {
    const record = sameDay();
    const answer = await server.push(clerk, randomUUID(), [createCaseMutation(1, record), step(2, record.id, { action: 'complete-on-spot' })]);
    expect(answer.results.map((result) => result.status)).toEqual(['applied', 'applied']);
    const stored = await serverCase(record.id);
    expect(stored.status).toBe('closed');
    expect(stored.desk).toMatchObject({ unit: 'SERVICE', handover: { method: 'on-the-spot', on: '2026-03-02', by: 'clerk' }, closedOn: '2026-03-02', decision: { outcome: 'approve' } });

    const report = await server.app.inject({ method: 'GET', url: '/v1/reports/on-time?from=2026-03-01&to=2026-03-31&service=GEN-CERT', headers: syncHeaders(supervisor) });
    expect(onTimeReportSchema.parse(report.json()).overall).toMatchObject({ total: 1, onTime: 1, late: 0 });
  });

  it('refuses to complete on the spot a service that is not same-day', async () => {
    const record = buildCaseRecord(++sequence, { checklist: [{ document: '申請書 / application form', state: 'provided' }] });
    const answer = await server.push(clerk, randomUUID(), [createCaseMutation(1, record), step(2, record.id, { action: 'complete-on-spot' })]);
    expect(answer.results[1]).toMatchObject({ status: 'rejected', code: 'not_same_day' });
    expect((await serverCase(record.id)).status).toBe('received');
  });

  it('lets a supervisor open a case on the bureau’s own initiative, and refuses a clerk', async () => {
    const byClerk = sameDay({ channel: 'bureau' });
    const bySupervisor = sameDay({ channel: 'bureau', createdBy: 'supervisor' });
    expect((await server.push(clerk, randomUUID(), [createCaseMutation(1, byClerk)])).results[0]).toMatchObject({ status: 'rejected', code: 'channel_not_allowed' });
    expect((await server.push(supervisor, randomUUID(), [createCaseMutation(1, bySupervisor)])).results[0]).toMatchObject({ status: 'applied' });
    expect((await server.db.query('SELECT id FROM cases WHERE id = $1', [byClerk.id])).rowCount).toBe(0);
    expect((await serverCase(bySupervisor.id)).channel).toBe('bureau');
  });

  it('keeps a referral’s referrer, and refuses a referral that names none', async () => {
    const named = sameDay({ channel: 'referral', referrer: { name: '林里長', village: '仁愛里' } });
    const unnamed = sameDay({ channel: 'referral' });
    const answer = await server.push(clerk, randomUUID(), [createCaseMutation(1, named), createCaseMutation(2, unnamed)]);
    expect(answer.results.map((result) => result.status)).toEqual(['applied', 'rejected']);
    expect((await serverCase(named.id)).referrer).toEqual({ name: '林里長', village: '仁愛里' });
  });

  it('records a withdrawal with the signature document the applicant signed', async () => {
    const record = buildCaseRecord(++sequence);
    const signatureDocumentId = randomUUID();
    const answer = await server.push(clerk, randomUUID(), [createCaseMutation(1, record), step(2, record.id, { action: 'withdraw', reason: '申請人不再申請', signatureDocumentId })]);
    expect(answer.results.map((result) => result.status)).toEqual(['applied', 'applied']);
    const stored = await serverCase(record.id);
    expect(stored.status).toBe('withdrawn');
    expect(stored.desk?.withdrawal).toEqual({ on: '2026-03-02', by: 'clerk', reason: '申請人不再申請', signatureDocumentId });
  });
});
