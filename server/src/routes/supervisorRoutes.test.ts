import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseNotificationsSchema, supervisorQueueSchema } from '../../../shared/schemas/supervision';
import { recordCaseEvent } from '../notifications/recordCaseEvent';
import { seedCaseWithHistory } from '../reports/seedCaseHistory';
import { buildCaseRecord } from '../testing/caseFixtures';
import { errorOf, otherDevice, startTestServer, syncHeaders } from '../testing/testServer';
import type { TestServer } from '../testing/testServer';

describe('supervisor queue and decisions', () => {
  let server: TestServer;
  let supervisor: string;
  let clerk: string;
  const pending = buildCaseRecord(401, { checklist: [{ document: '申請書 / application form', state: 'provided' }] });
  const stuck = buildCaseRecord(402, { serviceId: 'HT-REGISTER', dueDate: '2026-03-26', applicant: { kind: 'person', idNumber: 'A123456789', name: '王大明', phone: '' } });
  // Taken in at another station, handled by the consumption tax section.
  const elsewhere = buildCaseRecord(403, { stationCode: 'KL02', serviceId: 'VLT-REFUND' });

  beforeAll(async () => {
    server = await startTestServer();
    await seedCaseWithHistory(server.db, pending, [
      { at: '2026-03-02T09:00:00+08:00', to: 'received' },
      { at: '2026-03-03T09:00:00+08:00', to: 'in-review' },
      { at: '2026-03-06T09:00:00+08:00', to: 'pending-approval' },
    ]);
    await seedCaseWithHistory(server.db, stuck, [{ at: '2026-03-02T09:00:00+08:00', to: 'received' }]);
    await seedCaseWithHistory(server.db, elsewhere, [
      { at: '2026-03-02T09:00:00+08:00', to: 'received' },
      { at: '2026-03-02T10:00:00+08:00', to: 'in-review' },
      { at: '2026-03-02T11:00:00+08:00', to: 'pending-approval' },
    ]);
    await server.db.transaction((tx) =>
      recordCaseEvent(tx, { caseId: stuck.id, at: new Date('2026-03-05T01:00:00Z'), from: 'received', to: 'awaiting-documents', actor: 'clerk' }, { publicBaseUrl: 'https://k.example', bureauPhone: '1' }),
    );
    await server.db.query("UPDATE cases SET status = 'received' WHERE id = $1", [stuck.id]);
    server.clock.advance(7 * 24 * 60 * 60 * 1000 + 60 * 60 * 1000);
    supervisor = await server.signIn({ username: 'supervisor', password: 'supervisor-demo-2026', deviceId: otherDevice.id });
    clerk = await server.signIn();
  });
  afterAll(() => server.close());

  const get = (url: string, token = supervisor) => server.app.inject({ method: 'GET', url, headers: syncHeaders(token) });

  it('lists cases pending approval and cases at risk, with filters', async () => {
    const queue = supervisorQueueSchema.parse((await get('/v1/supervisor/queue')).json());
    // By due date: the vehicle tax refund (7 working days) before the land value tax case (12).
    expect(queue.pendingApproval.map((item) => item.caseNo)).toEqual([elsewhere.caseNo, pending.caseNo]);
    expect(queue.pendingApproval.find((item) => item.id === pending.id)).toMatchObject({ simple: true, applicantMasked: '王○明', unit: 'PROPERTY' });
    expect(queue.atRisk.map((item) => item.caseNo)).toEqual([stuck.caseNo]);
    expect(queue.units).toEqual(['CONSUMPTION', 'PROPERTY']);

    const filtered = supervisorQueueSchema.parse((await get('/v1/supervisor/queue?unit=CONSUMPTION')).json());
    expect(filtered.pendingApproval.map((item) => item.caseNo)).toEqual([elsewhere.caseNo]);
    expect(filtered.atRisk).toEqual([]);
    const byService = supervisorQueueSchema.parse((await get('/v1/supervisor/queue?service=HT-REGISTER&dueBy=2026-03-31')).json());
    expect(byService.atRisk.map((item) => item.caseNo)).toEqual([stuck.caseNo]);
    expect(byService.pendingApproval).toEqual([]);
    expect(supervisorQueueSchema.parse((await get('/v1/supervisor/queue?dueBy=2026-03-17')).json()).atRisk).toEqual([]);
    expect(errorOf(await get('/v1/supervisor/queue?dueBy=tomorrow')).code).toBe('validation_failed');
  });

  it('shows on the case that the citizen could not be sent an SMS', async () => {
    const queue = supervisorQueueSchema.parse((await get('/v1/supervisor/queue')).json());
    expect(queue.atRisk[0]?.smsSkipped).toBe(1);
    const { notifications } = caseNotificationsSchema.parse((await get(`/v1/supervisor/cases/${stuck.id}/notifications`)).json());
    expect(notifications).toEqual([expect.objectContaining({ kind: 'deficiency', status: 'skipped', skipReason: 'no-mobile' })]);
    expect(errorOf(await get(`/v1/supervisor/cases/${randomUUID()}/notifications`)).code).toBe('not_found');
  });

  it('is refused to a clerk', async () => {
    expect(errorOf(await get('/v1/supervisor/queue', clerk)).code).toBe('forbidden');
    expect(errorOf(await get(`/v1/supervisor/cases/${stuck.id}/notifications`, clerk)).code).toBe('forbidden');
  });
});
