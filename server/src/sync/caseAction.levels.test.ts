import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { taipeiDate } from '../../../shared/domain/rocDate';
import type { CaseRecord } from '../../../shared/schemas/case';
import { buildCaseRecord, pushBody } from '../testing/caseFixtures';
import { caseActionOf, createCaseOf, deskClient, outcomeOf } from '../testing/deskClient';
import type { DeskClient } from '../testing/deskClient';
import { addDeskPeople, deskPersonPassword } from '../testing/deskPeople';
import { errorOf, startTestServer, syncHeaders } from '../testing/testServer';
import type { TestServer } from '../testing/testServer';

/**
 * Who decides (分層負責) and what closes a case at once, through the real push route: an e-bill
 * application (GEN-EBILL, 服務科) is decided by its officer alone; disaster relief (HT-DISASTER, 財產稅科)
 * only by the director, not the section's chief; a tax certificate (GEN-CERT) is done on the spot by
 * the clerk. And a refused step never holds up the steps queued after it.
 */
const people = [
  { username: 'wang', roles: ['officer'] as const, units: [{ unit: 'PROPERTY', position: 'officer' as const }] },
  { username: 'su', roles: ['officer'] as const, units: [{ unit: 'SERVICE', position: 'officer' as const }] },
  { username: 'pchief', roles: ['supervisor'] as const, units: [{ unit: 'PROPERTY', position: 'chief' as const }] },
  { username: 'director', roles: ['supervisor'] as const, units: [{ unit: 'SERVICE', position: 'director' as const }] },
];

describe('decision levels, same-day services and refusals inside a push', () => {
  let server: TestServer;
  let desk: DeskClient;
  let sequence = 800;

  beforeAll(async () => {
    server = await startTestServer();
    desk = deskClient(server);
    await addDeskPeople(server.db, people);
    await desk.signIn('clerk', 'clerk-demo-2026');
    for (const person of people) await desk.signIn(person.username, deskPersonPassword);
  });
  afterAll(() => server.close());

  const today = () => taipeiDate(server.clock.now());

  async function newCase(serviceId: string, overrides: Partial<CaseRecord> = {}): Promise<CaseRecord> {
    sequence += 1;
    const record = buildCaseRecord(sequence, { serviceId, checklist: [{ document: '申請書 / application form', state: 'provided' }], ...overrides });
    expect(outcomeOf((await desk.push('clerk', [createCaseOf(record)]))[0])).toBe('applied');
    return record;
  }
  const messagesOf = async (caseId: string) =>
    (await server.db.query<{ kind: string }>('SELECT kind FROM notifications WHERE case_id = $1 ORDER BY id', [caseId])).rows.map((row) => row.kind);

  it('GEN-EBILL: the officer’s proposal is the decision; another unit’s officer may not start it', async () => {
    const record = await newCase('GEN-EBILL');
    expect(await desk.step('wang', record.id, { action: 'start-review' })).toBe('not_in_unit');
    expect(await desk.step('su', record.id, { action: 'start-review' })).toBe('applied');
    expect(await desk.step('su', record.id, { action: 'propose', outcome: 'approve', reasons: '資料齊全' })).toBe('applied');
    expect(await desk.stored(record.id)).toMatchObject({
      status: 'approved',
      desk: { unit: 'SERVICE', assignee: 'su', decision: { outcome: 'approve', reasons: '資料齊全', level: 'officer', proposedBy: 'su', decidedBy: 'su', decidedOn: today() } },
    });
    expect(await messagesOf(record.id)).toEqual(['received', 'approved']);
  });

  it('HT-DISASTER: the director decides; the section’s chief is below the level, also for a proposal of the chief’s own', async () => {
    const record = await newCase('HT-DISASTER');
    expect(await desk.step('wang', record.id, { action: 'start-review' })).toBe('applied');
    expect(await desk.step('wang', record.id, { action: 'propose', outcome: 'approve', reasons: '受災屬實' })).toBe('applied');
    expect((await desk.stored(record.id)).status).toBe('pending-approval');
    expect(await desk.step('pchief', record.id, { action: 'decide', outcome: 'approve' })).toBe('level_not_allowed');
    expect(await desk.step('wang', record.id, { action: 'decide', outcome: 'approve' })).toBe('level_not_allowed');
    expect(await desk.step('director', record.id, { action: 'decide', outcome: 'approve' })).toBe('applied');
    expect(await desk.stored(record.id)).toMatchObject({
      status: 'approved',
      desk: { decision: { outcome: 'approve', reasons: '受災屬實', level: 'director', proposedBy: 'wang', decidedBy: 'director' } },
    });

    const chiefs = await newCase('HT-DISASTER');
    expect(await desk.step('pchief', chiefs.id, { action: 'start-review' })).toBe('applied');
    expect(await desk.step('pchief', chiefs.id, { action: 'propose', outcome: 'reject', reasons: '非屬災害範圍' })).toBe('applied');
    expect(await desk.stored(chiefs.id)).toMatchObject({ status: 'pending-approval', desk: { proposal: { outcome: 'reject', by: 'pchief' } } });
    expect(await desk.step('director', chiefs.id, { action: 'decide', outcome: 'reject' })).toBe('applied');
    expect(await desk.stored(chiefs.id)).toMatchObject({ status: 'rejected', desk: { decision: { level: 'director', proposedBy: 'pchief', decidedBy: 'director' } } });
  });

  it('GEN-CERT: the clerk completes it on the spot, decided and handed over at once, and it counts as closed', async () => {
    const record = await newCase('GEN-CERT');
    expect(await desk.step('clerk', record.id, { action: 'complete-on-spot' })).toBe('applied');
    expect(await desk.stored(record.id)).toMatchObject({
      status: 'closed',
      desk: {
        unit: 'SERVICE',
        decision: { outcome: 'approve', level: 'officer', decidedBy: 'clerk', decidedOn: today() },
        handover: { method: 'on-the-spot', on: today(), by: 'clerk' },
        closedOn: today(),
      },
    });
    const { rows } = await server.db.query<{ status: string; closed_on: string | null }>('SELECT status, closed_on FROM cases WHERE id = $1', [record.id]);
    expect(rows[0]).toEqual({ status: 'closed', closed_on: today() });
    const { rows: events } = await server.db.query<{ step: string | null; status_to: string }>('SELECT step, status_to FROM case_events WHERE case_id = $1 ORDER BY seq', [record.id]);
    expect(events).toEqual([{ step: null, status_to: 'received' }, { step: 'complete-on-spot', status_to: 'closed' }]);
    expect(await messagesOf(record.id)).toEqual(['received', 'closed']);

    // Not for a service with a time limit, and not once the case has gone to an officer.
    const land = await newCase('LVT-SELF-USE');
    expect(await desk.step('clerk', land.id, { action: 'complete-on-spot' })).toBe('not_same_day');
    const reviewed = await newCase('GEN-CERT');
    expect(await desk.step('su', reviewed.id, { action: 'start-review' })).toBe('applied');
    expect(await desk.step('clerk', reviewed.id, { action: 'complete-on-spot' })).toBe('step_not_allowed');
    expect((await desk.stored(reviewed.id)).status).toBe('in-review');
  });

  it('refuses every desk step to an administrator at the door', async () => {
    const record = await newCase('GEN-CERT');
    const admin = await server.signIn({ username: 'admin', password: 'admin-demo-2026' });
    const response = await server.app.inject({
      method: 'POST',
      url: '/v1/sync/push',
      headers: syncHeaders(admin),
      payload: pushBody(randomUUID(), [{ id: 1, ...caseActionOf(record.id, { action: 'complete-on-spot' }), createdAt: server.clock.now().toISOString() }]),
    });
    expect(response.statusCode).toBe(403);
    expect(errorOf(response).code).toBe('forbidden');
    expect((await desk.stored(record.id)).status).toBe('received');
  });

  it('a refused step is consumed with its reason and the steps after it in the same push apply; a replay changes nothing', async () => {
    const service = await newCase('GEN-EBILL');
    const land = await newCase('LVT-SELF-USE');
    const steps = [
      caseActionOf(service.id, { action: 'start-review' }), // another unit's case
      caseActionOf(land.id, { action: 'take' }),
      caseActionOf(land.id, { action: 'propose', outcome: 'approve', reasons: '符合規定' }), // not in review yet
      caseActionOf(land.id, { action: 'start-review' }),
      caseActionOf(land.id, { action: 'propose', outcome: 'approve', reasons: '符合規定' }),
    ];
    const results = await desk.push('wang', steps);
    expect(results.map(outcomeOf)).toEqual(['not_in_unit', 'applied', 'step_not_allowed', 'applied', 'applied']);
    expect(results[0]?.status === 'rejected' ? results[0].message : '').toMatch(/此案件不屬於您的單位/);
    expect(await desk.stored(land.id)).toMatchObject({ status: 'pending-approval', desk: { assignee: 'wang', proposal: { by: 'wang' } } });
    expect((await desk.stored(service.id)).status).toBe('received');

    const historyOf = async () => (await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM case_events WHERE case_id = ANY($1::uuid[])', [[service.id, land.id]])).rows[0]?.n;
    const before = await historyOf();
    // The same mutations again (a lost answer): the recorded outcomes come back, nothing is applied twice.
    const replay = await desk.replay('wang', steps.length);
    expect(replay.map(outcomeOf)).toEqual(['not_in_unit', 'duplicate', 'step_not_allowed', 'duplicate', 'duplicate']);
    expect(replay.map((result) => result.id)).toEqual(results.map((result) => result.id));
    expect(await historyOf()).toBe(before);
  });
});
