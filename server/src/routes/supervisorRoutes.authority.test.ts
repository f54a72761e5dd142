import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseRecord } from '../../../shared/schemas/case';
import type { CaseDesk } from '../../../shared/schemas/caseDesk';
import { supervisorQueueSchema } from '../../../shared/schemas/supervision';
import { hashPassword } from '../domain/password';
import { seedCaseWithHistory } from '../reports/seedCaseHistory';
import type { SeededEvent } from '../reports/seedCaseHistory';
import { insertUser } from '../store/accountStore';
import { addMembership } from '../store/unitStore';
import { buildCaseRecord } from '../testing/caseFixtures';
import { errorOf, startTestServer, syncHeaders } from '../testing/testServer';
import type { TestServer } from '../testing/testServer';

const proposal = { outcome: 'approve' as const, reasons: '符合自用住宅用地要件', by: 'officer', at: '2026-03-04T10:00:00+08:00' };
const pendingEvents: SeededEvent[] = [
  { at: '2026-03-02T10:00:00+08:00', to: 'received' },
  { at: '2026-03-03T10:00:00+08:00', to: 'in-review' },
  { at: '2026-03-04T10:00:00+08:00', to: 'pending-approval' },
];

/**
 * The queue by authority (分層負責): a section chief sees the cases of their unit they may decide and
 * their unit's cases at risk; the director sees every unit and the director-level cases; a decided,
 * closed or withdrawn case is never at risk.
 */
describe('the supervisor queue by authority', () => {
  let server: TestServer;
  let director: string;
  let propertyChief: string;
  let officer: string;
  let sequence = 900;
  const seed = async (overrides: Partial<CaseRecord> & { desk: CaseDesk }, history: SeededEvent[]) => {
    sequence += 1;
    const record = buildCaseRecord(sequence, { checklist: [{ document: '申請書 / application form', state: 'provided' }], ...overrides });
    await seedCaseWithHistory(server.db, record, history);
    return record;
  };
  const cases: Record<string, CaseRecord> = {};

  beforeAll(async () => {
    server = await startTestServer();
    await insertUser(server.db, { username: 'chief.property', displayName: '財產稅科科長', roles: ['supervisor'], passwordHash: await hashPassword('chief-property-2026') });
    await addMembership(server.db, { unit: 'PROPERTY', username: 'chief.property', position: 'chief' });

    cases.chiefLevel = await seed({ serviceId: 'LVT-SELF-USE', dueDate: '2026-03-18', desk: { unit: 'PROPERTY', assignee: 'officer', proposal, notes: [] } }, pendingEvents);
    cases.directorLevel = await seed({ serviceId: 'HT-DISASTER', dueDate: '2026-03-11', desk: { unit: 'PROPERTY', assignee: 'officer', proposal, notes: [] } }, pendingEvents);
    cases.otherUnit = await seed({ serviceId: 'VLT-REFUND', dueDate: '2026-03-11', desk: { unit: 'CONSUMPTION', assignee: 'officer', proposal, notes: [] } }, pendingEvents);
    // Open and past their due dates: overdue in each unit.
    cases.lateHere = await seed({ dueDate: '2026-03-05', desk: { unit: 'PROPERTY', notes: [] } }, [{ at: '2026-03-02T10:00:00+08:00', to: 'received' }]);
    cases.lateThere = await seed({ serviceId: 'VLT-REFUND', dueDate: '2026-03-05', desk: { unit: 'CONSUMPTION', notes: [] } }, [{ at: '2026-03-02T10:00:00+08:00', to: 'received' }]);
    // Past their due dates too, but decided, closed or withdrawn: never at risk.
    const decided = { outcome: 'approve' as const, reasons: '符合', level: 'chief' as const, decidedBy: 'supervisor', decidedOn: '2026-03-06' };
    cases.awaitingHandOver = await seed({ dueDate: '2026-03-05', desk: { unit: 'PROPERTY', assignee: 'officer', notes: [], decision: decided } }, [...pendingEvents, { at: '2026-03-06T10:00:00+08:00', to: 'approved' }]);
    cases.closed = await seed(
      { dueDate: '2026-03-03', desk: { unit: 'PROPERTY', assignee: 'officer', notes: [], decision: { ...decided, decidedOn: '2026-03-03' }, closedOn: '2026-03-04' } },
      [...pendingEvents.slice(0, 2), { at: '2026-03-03T15:00:00+08:00', to: 'pending-approval' }, { at: '2026-03-03T16:00:00+08:00', to: 'approved' }, { at: '2026-03-04T10:00:00+08:00', to: 'closed' }],
    );
    cases.withdrawn = await seed({ dueDate: '2026-03-04', desk: { unit: 'PROPERTY', notes: [], closedOn: '2026-03-03' } }, [pendingEvents[0] as SeededEvent, { at: '2026-03-03T10:00:00+08:00', to: 'withdrawn' }]);
    // Monday 2026-03-09 in Taipei.
    server.clock.advance(7 * 24 * 60 * 60 * 1000);
    director = await server.signIn({ username: 'supervisor', password: 'supervisor-demo-2026' });
    propertyChief = await server.signIn({ username: 'chief.property', password: 'chief-property-2026' });
    officer = await server.signIn({ username: 'officer', password: 'officer-demo-2026' });
  });
  afterAll(() => server.close());

  const queueOf = async (token: string, query = '') => supervisorQueueSchema.parse((await server.app.inject({ method: 'GET', url: `/v1/supervisor/queue${query}`, headers: syncHeaders(token) })).json());
  const ids = (list: ReadonlyArray<{ id: string }>) => list.map((item) => item.id);

  it("gives a section chief their unit's chief-level cases only, with the officer, the proposal and the level", async () => {
    const queue = await queueOf(propertyChief);
    expect(ids(queue.pendingApproval)).toEqual([cases.chiefLevel?.id]);
    expect(queue.pendingApproval[0]).toMatchObject({
      unit: 'PROPERTY',
      assignee: 'officer',
      assigneeName: '示範承辦人 / Demo officer',
      proposal: { outcome: 'approve', reasons: '符合自用住宅用地要件' },
      decisionLevel: 'chief',
    });
    expect(ids(queue.atRisk)).toEqual([cases.lateHere?.id]);
    expect(queue.units).toEqual(['PROPERTY']);
    expect(queue.unitNames).toEqual([{ code: 'PROPERTY', nameZh: '財產稅科', nameEn: 'Property Tax Section' }]);
  });

  it("gives the director every unit's cases, the director-level ones among them", async () => {
    const queue = await queueOf(director);
    expect(ids(queue.pendingApproval).sort()).toEqual([cases.chiefLevel?.id, cases.directorLevel?.id, cases.otherUnit?.id].sort());
    expect(queue.pendingApproval.find((item) => item.id === cases.directorLevel?.id)?.decisionLevel).toBe('director');
    expect(ids(queue.atRisk).sort()).toEqual([cases.lateHere?.id, cases.lateThere?.id].sort());
    expect(queue.units).toEqual(['CONSUMPTION', 'PROPERTY']);
  });

  it('never lists a decided, closed or withdrawn case as at risk, however late', async () => {
    const listed = new Set([...ids((await queueOf(director)).atRisk), ...ids((await queueOf(director)).pendingApproval)]);
    for (const name of ['awaitingHandOver', 'closed', 'withdrawn']) expect(listed.has(cases[name]?.id ?? ''), name).toBe(false);
  });

  it("answers this month's on-time rate so far, over the units the supervisor oversees", async () => {
    // PROPERTY: closed on time (03-03 ≤ 03-03), decided late (03-06 > 03-05), open and late (due 03-05).
    expect((await queueOf(propertyChief)).onTimeThisMonth).toMatchObject({ from: '2026-03-01', to: '2026-03-09', total: 3, onTime: 1, late: 2 });
    // The director also counts CONSUMPTION's open late case.
    expect((await queueOf(director)).onTimeThisMonth).toMatchObject({ total: 4, onTime: 1 });
  });

  it("refuses a chief another unit's queue and its cases' messages, and an officer the queue", async () => {
    const other = await server.app.inject({ method: 'GET', url: '/v1/supervisor/queue?unit=CONSUMPTION', headers: syncHeaders(propertyChief) });
    expect(errorOf(other).code).toBe('forbidden');
    const messages = await server.app.inject({ method: 'GET', url: `/v1/supervisor/cases/${cases.otherUnit?.id ?? ''}/notifications`, headers: syncHeaders(propertyChief) });
    expect(errorOf(messages).code).toBe('forbidden');
    const own = await server.app.inject({ method: 'GET', url: `/v1/supervisor/cases/${cases.chiefLevel?.id ?? ''}/notifications`, headers: syncHeaders(propertyChief) });
    expect(own.statusCode).toBe(200);
    const asOfficer = await server.app.inject({ method: 'GET', url: '/v1/supervisor/queue', headers: syncHeaders(officer) });
    expect(errorOf(asOfficer).code).toBe('forbidden');
  });
});
