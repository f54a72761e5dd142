import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transitions } from '../../../shared/domain/lifecycle';
import { caseNotificationsSchema, supervisorQueueSchema } from '../../../shared/schemas/supervision';
import { hashPassword } from '../domain/password';
import { recordCaseEvent } from '../notifications/recordCaseEvent';
import { seedCaseWithHistory } from '../reports/seedCaseHistory';
import { buildCaseRecord, createCaseMutation, pushBody } from '../testing/caseFixtures';
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
    expect(queue.pendingApproval.map((item) => item.caseNo)).toEqual([pending.caseNo, elsewhere.caseNo]);
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

describe('decisions through sync: every transition by the roles allowed, refused for the others', () => {
  let server: TestServer;
  const tokens = new Map<string, string>();
  const clients = new Map<string, { id: string; next: number }>();

  beforeAll(async () => {
    server = await startTestServer();
    const hash = await hashPassword('field-demo-2026');
    await server.db.query("INSERT INTO users (username, display_name, roles, password_hash) VALUES ('field', 'Field', '{field-staff}', $1), ('supervisor2', 'Second', '{supervisor}', $1)", [hash]);
    tokens.set('clerk', await server.signIn());
    tokens.set('supervisor', await server.signIn({ username: 'supervisor', password: 'supervisor-demo-2026' }));
    tokens.set('field-staff', await server.signIn({ username: 'field', password: 'field-demo-2026' }));
    tokens.set('supervisor2', await server.signIn({ username: 'supervisor2', password: 'field-demo-2026' }));
  });
  afterAll(() => server.close());

  async function push(who: string, mutations: Array<{ name: string; args: unknown }>) {
    const client = clients.get(who) ?? { id: randomUUID(), next: 1 };
    clients.set(who, client);
    const numbered = mutations.map((mutation) => ({ ...mutation, id: client.next++, createdAt: '2026-03-02T10:00:00+08:00' }));
    const response = await server.app.inject({ method: 'POST', url: '/v1/sync/push', headers: syncHeaders(tokens.get(who) ?? ''), payload: pushBody(client.id, numbered) });
    return response.json() as { results: Array<{ status: string; code?: string; message?: string }> };
  }
  let sequence = 500;
  async function caseIn(path: readonly string[]): Promise<string> {
    sequence += 1;
    const record = buildCaseRecord(sequence);
    await push('clerk', [createCaseMutation(0, record)]);
    for (const to of path) {
      const who = ['approved', 'rejected'].includes(to) || (to === 'in-review' && path.includes('pending-approval') && path.indexOf(to) > path.indexOf('pending-approval')) ? 'supervisor' : 'clerk';
      const [result] = (await push(who, [{ name: 'transition', args: { caseId: record.id, to } }])).results;
      if (result?.status !== 'applied') throw new Error(`setting up ${to}: ${JSON.stringify(result)}`);
    }
    return record.id;
  }
  const pathTo: Record<string, string[]> = {
    received: [],
    'awaiting-documents': ['awaiting-documents'],
    'in-review': ['in-review'],
    'pending-approval': ['in-review', 'pending-approval'],
    approved: ['in-review', 'pending-approval', 'approved'],
    rejected: ['in-review', 'pending-approval', 'rejected'],
  };

  it.each(transitions.filter((t) => t.from !== 'draft'))('$from → $to', async ({ from, to, roles }) => {
    for (const role of ['clerk', 'field-staff', 'supervisor'] as const) {
      const caseId = await caseIn(pathTo[from] ?? []);
      const [result] = (await push(role, [{ name: 'transition', args: { caseId, to } }])).results;
      if (roles.includes(role)) expect(result, `${role} may move ${from} → ${to}`).toEqual({ id: expect.any(Number), status: 'applied' });
      else expect(result, `${role} may not move ${from} → ${to}`).toMatchObject({ status: 'rejected', code: 'forbidden_transition' });
    }
  });

  it('refuses case decisions to an administrator at the door', async () => {
    const admin = await server.signIn({ username: 'admin', password: 'admin-demo-2026' });
    const response = await server.app.inject({ method: 'POST', url: '/v1/sync/push', headers: syncHeaders(admin), payload: pushBody(randomUUID(), [{ id: 1, name: 'transition', args: { caseId: randomUUID(), to: 'approved' }, createdAt: '2026-03-02T10:00:00+08:00' }]) });
    expect(errorOf(response).code).toBe('forbidden');
  });

  it('answers an offline decision that became invalid with a readable rejection, and applies one still allowed', async () => {
    const decidedElsewhere = await caseIn(pathTo['pending-approval'] ?? []);
    const stillOpen = await caseIn(pathTo['pending-approval'] ?? []);
    // The second supervisor, online, rejects the first case while the first supervisor is offline.
    expect((await push('supervisor2', [{ name: 'transition', args: { caseId: decidedElsewhere, to: 'rejected', reason: '不符資格' } }])).results[0]?.status).toBe('applied');
    // The offline supervisor's outbox arrives later: one decision invalid, the other still allowed.
    const { results } = await push('supervisor', [
      { name: 'transition', args: { caseId: decidedElsewhere, to: 'approved' } },
      { name: 'transition', args: { caseId: stillOpen, to: 'approved' } },
    ]);
    expect(results[0]).toMatchObject({ status: 'rejected', code: 'invalid_transition' });
    expect(results[0]?.message).toMatch(/rejected/);
    expect(results[0]?.message).toMatch(/案件狀態無法由/);
    expect(results[1]).toMatchObject({ status: 'applied' });
    const { rows } = await server.db.query<{ id: string; status: string }>('SELECT id, status FROM cases WHERE id = ANY($1::uuid[])', [[decidedElsewhere, stillOpen]]);
    expect(Object.fromEntries(rows.map((row) => [row.id, row.status]))).toEqual({ [decidedElsewhere]: 'rejected', [stillOpen]: 'approved' });
  });
});
