import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transitions } from '../../../shared/domain/lifecycle';
import type { CaseStatus } from '../../../shared/schemas/case';
import { buildCaseRecord, pushBody } from '../testing/caseFixtures';
import { addDeskPeople, deskPersonPassword } from '../testing/deskPeople';
import { createCaseOf, deskClient, outcomeOf, transitionOf } from '../testing/deskClient';
import type { DeskClient } from '../testing/deskClient';
import { errorOf, startTestServer, syncHeaders } from '../testing/testServer';
import type { TestServer } from '../testing/testServer';

/**
 * A `transition` (what devices sent before the desk) is the desk step it means, so it meets the same
 * rule: the lifecycle's roles, then the case's unit, its officer and the service's decision level.
 * The demo officer is an officer of every unit, the demo supervisor every unit's chief; the case is a
 * land value tax case (財產稅科, decided by the chief), a same-day certificate for on-the-spot closing.
 *
 * Each cell: the status the case reached, or the code the transition was refused with.
 */
type Person = 'clerk' | 'field' | 'officer' | 'supervisor';
const expected: Record<string, Record<Person, string>> = {
  'received → awaiting-documents': { clerk: 'not_in_unit', field: 'not_in_unit', officer: 'awaiting-documents', supervisor: 'awaiting-documents' },
  'received → in-review': { clerk: 'not_in_unit', field: 'not_in_unit', officer: 'in-review', supervisor: 'in-review' },
  // The intake left the case awaiting documents before anyone took it: it goes back to the unit's queue.
  'awaiting-documents → received': { clerk: 'received', field: 'received', officer: 'received', supervisor: 'received' },
  'awaiting-documents → in-review': { clerk: 'received', field: 'received', officer: 'received', supervisor: 'received' },
  'awaiting-documents → withdrawn': { clerk: 'withdrawn', field: 'withdrawn', officer: 'withdrawn', supervisor: 'withdrawn' },
  'in-review → awaiting-documents': { clerk: 'not_in_unit', field: 'not_in_unit', officer: 'awaiting-documents', supervisor: 'awaiting-documents' },
  // The officer's proposal goes for approval; the chief's own proposal is the decision.
  'in-review → pending-approval': { clerk: 'not_in_unit', field: 'not_in_unit', officer: 'pending-approval', supervisor: 'approved' },
  'in-review → approved': { clerk: 'not_in_unit', field: 'not_in_unit', officer: 'pending-approval', supervisor: 'approved' },
  'in-review → rejected': { clerk: 'not_in_unit', field: 'not_in_unit', officer: 'pending-approval', supervisor: 'rejected' },
  'in-review → withdrawn': { clerk: 'withdrawn', field: 'forbidden_transition', officer: 'withdrawn', supervisor: 'withdrawn' },
  'pending-approval → in-review': { clerk: 'level_not_allowed', field: 'level_not_allowed', officer: 'level_not_allowed', supervisor: 'in-review' },
  'pending-approval → approved': { clerk: 'level_not_allowed', field: 'level_not_allowed', officer: 'level_not_allowed', supervisor: 'approved' },
  'pending-approval → rejected': { clerk: 'level_not_allowed', field: 'level_not_allowed', officer: 'level_not_allowed', supervisor: 'rejected' },
  'pending-approval → withdrawn': { clerk: 'withdrawn', field: 'forbidden_transition', officer: 'withdrawn', supervisor: 'withdrawn' },
  'approved → closed': { clerk: 'closed', field: 'forbidden_transition', officer: 'closed', supervisor: 'closed' },
  'rejected → closed': { clerk: 'closed', field: 'forbidden_transition', officer: 'closed', supervisor: 'closed' },
  'received → closed': { clerk: 'closed', field: 'closed', officer: 'closed', supervisor: 'closed' },
  'received → withdrawn': { clerk: 'withdrawn', field: 'withdrawn', officer: 'withdrawn', supervisor: 'withdrawn' },
};

/** How a test case gets to each status: who moves it there. */
const pathTo: Record<string, ReadonlyArray<[Person, CaseStatus]>> = {
  received: [],
  'in-review': [['officer', 'in-review']],
  'pending-approval': [['officer', 'in-review'], ['officer', 'pending-approval']],
  approved: [['officer', 'in-review'], ['officer', 'pending-approval'], ['supervisor', 'approved']],
  rejected: [['officer', 'in-review'], ['officer', 'pending-approval'], ['supervisor', 'rejected']],
};

const passwords: ReadonlyArray<[string, string]> = [
  ['clerk', 'clerk-demo-2026'],
  ['officer', 'officer-demo-2026'],
  ['supervisor', 'supervisor-demo-2026'],
  ['field', deskPersonPassword],
  ['chief2', deskPersonPassword],
];

describe('transitions through sync: each the desk step it means, by the people the desk allows', () => {
  let server: TestServer;
  let desk: DeskClient;

  beforeAll(async () => {
    server = await startTestServer();
    desk = deskClient(server);
    await addDeskPeople(server.db, [
      { username: 'field', roles: ['field-staff'] },
      { username: 'chief2', roles: ['supervisor'], units: [{ unit: 'PROPERTY', position: 'chief' }] },
    ]);
    for (const [username, password] of passwords) await desk.signIn(username, password);
  });
  afterAll(() => server.close());

  let sequence = 500;
  async function caseIn(from: CaseStatus, serviceId = 'LVT-SELF-USE'): Promise<string> {
    sequence += 1;
    // Received with a document missing, an intake leaves the case awaiting documents (補正).
    const record = buildCaseRecord(sequence, { serviceId, ...(from === 'awaiting-documents' ? { status: 'awaiting-documents' as const, clockPauses: [{ from: '2026-03-02' }] } : {}) });
    expect(outcomeOf((await desk.push('clerk', [createCaseOf(record)]))[0])).toBe('applied');
    for (const [who, to] of pathTo[from] ?? []) {
      const [result] = await desk.push(who, [transitionOf(record.id, to, '理由 reasons')]);
      if (outcomeOf(result) !== 'applied') throw new Error(`setting up ${to}: ${JSON.stringify(result)}`);
    }
    return record.id;
  }

  it('has a row for every transition of the lifecycle after intake', () => {
    expect(Object.keys(expected).sort()).toEqual(transitions.filter((t) => t.from !== 'draft').map((t) => `${t.from} → ${t.to}`).sort());
  });

  it.each(Object.entries(expected))('%s', async (edge, cells) => {
    const [from, to] = edge.split(' → ') as [CaseStatus, CaseStatus];
    for (const [who, cell] of Object.entries(cells) as Array<[Person, string]>) {
      const caseId = await caseIn(from, edge === 'received → closed' ? 'GEN-CERT' : 'LVT-SELF-USE');
      const [result] = await desk.push(who, [transitionOf(caseId, to, '理由 reasons')]);
      const stored = await desk.stored(caseId);
      if (cell.includes('_')) {
        expect(outcomeOf(result), `${who}: ${edge}`).toBe(cell);
        expect(stored.status, `${who}: ${edge} left the case as it was`).toBe(from);
      } else {
        expect(outcomeOf(result), `${who}: ${edge}`).toBe('applied');
        expect(stored.status, `${who}: ${edge}`).toBe(cell);
      }
    }
  });

  it('refuses case decisions to an administrator at the door', async () => {
    const admin = await server.signIn({ username: 'admin', password: 'admin-demo-2026' });
    const response = await server.app.inject({
      method: 'POST',
      url: '/v1/sync/push',
      headers: syncHeaders(admin),
      payload: pushBody(randomUUID(), [{ id: 1, name: 'transition', args: { caseId: randomUUID(), to: 'approved' }, createdAt: '2026-03-02T10:00:00+08:00' }]),
    });
    expect(response.statusCode).toBe(403);
    expect(errorOf(response).code).toBe('forbidden');
  });

  it('answers an offline decision that became invalid with a readable rejection, and applies one still allowed', async () => {
    const decidedElsewhere = await caseIn('pending-approval');
    const stillOpen = await caseIn('pending-approval');
    // The unit's other chief, online, rejects the first case while the first chief is offline.
    expect(outcomeOf((await desk.push('chief2', [transitionOf(decidedElsewhere, 'rejected', '不符資格')]))[0])).toBe('applied');
    // The offline chief's outbox arrives later: one decision invalid, the other still allowed.
    const results = await desk.push('supervisor', [transitionOf(decidedElsewhere, 'approved'), transitionOf(stillOpen, 'approved')]);
    expect(results[0]).toMatchObject({ status: 'rejected', code: 'invalid_transition' });
    expect(results[0]?.status === 'rejected' ? results[0].message : '').toMatch(/案件狀態無法由.*rejected/);
    expect(results[1]).toMatchObject({ status: 'applied' });
    expect((await desk.stored(decidedElsewhere)).status).toBe('rejected');
    expect((await desk.stored(stillOpen)).status).toBe('approved');
  });
});
