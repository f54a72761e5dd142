import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { taipeiDate } from '../../../shared/domain/rocDate';
import type { CaseRecord } from '../../../shared/schemas/case';
import type { CaseAction } from '../../../shared/schemas/caseDesk';
import { buildCaseRecord } from '../testing/caseFixtures';
import { createCaseOf, deskClient, outcomeOf } from '../testing/deskClient';
import type { DeskClient } from '../testing/deskClient';
import { addDeskPeople, deskPersonPassword } from '../testing/deskPeople';
import { startTestServer } from '../testing/testServer';
import type { TestServer } from '../testing/testServer';

/**
 * Every desk step through the real push route (docs/decisions/0027-case-desk.md): the person it
 * belongs to succeeds — shown by what the server stored — and the others are refused with the typed
 * code: an officer of another unit, another officer of the same unit, a clerk or field worker where the
 * desk is not theirs, a chief of another unit. Land value tax (LVT-SELF-USE) is 財產稅科's, decided by
 * its chief. Decision levels, same-day services and refusals inside one push: caseAction.levels.test.ts.
 */
const people = [
  { username: 'wang', roles: ['officer'] as const, units: [{ unit: 'PROPERTY', position: 'officer' as const }] },
  { username: 'lin', roles: ['officer'] as const, units: [{ unit: 'PROPERTY', position: 'officer' as const }] },
  { username: 'chen', roles: ['officer'] as const, units: [{ unit: 'CONSUMPTION', position: 'officer' as const }] },
  { username: 'pchief', roles: ['supervisor'] as const, units: [{ unit: 'PROPERTY', position: 'chief' as const }] },
  { username: 'cchief', roles: ['supervisor'] as const, units: [{ unit: 'CONSUMPTION', position: 'chief' as const }] },
  { username: 'field', roles: ['field-staff'] as const },
];

const DAY = 24 * 60 * 60 * 1000;

describe('the desk through the push route: each step by the person it belongs to, refused to the others', () => {
  let server: TestServer;
  let desk: DeskClient;
  let sequence = 700;

  async function signInEveryone(): Promise<void> {
    await desk.signIn('clerk', 'clerk-demo-2026');
    for (const person of people) await desk.signIn(person.username, deskPersonPassword);
  }

  beforeAll(async () => {
    server = await startTestServer();
    desk = deskClient(server);
    await addDeskPeople(server.db, people);
    await signInEveryone();
  });
  afterAll(() => server.close());

  async function newCase(overrides: Partial<CaseRecord> = {}): Promise<CaseRecord> {
    sequence += 1;
    const record = buildCaseRecord(sequence, overrides);
    expect(outcomeOf((await desk.push('clerk', [createCaseOf(record)]))[0])).toBe('applied');
    return record;
  }

  /** Each step in turn, each expected to apply. */
  async function walk(caseId: string, steps: ReadonlyArray<[string, CaseAction]>): Promise<void> {
    for (const [who, step] of steps) expect(await desk.step(who, caseId, step), `${who} ${step.action}`).toBe('applied');
  }

  /** The server's day (Asia/Taipei), which every step stamps. */
  const today = () => taipeiDate(server.clock.now());
  const columnsOf = async (caseId: string) =>
    (await server.db.query<{ unit: string; assignee: string | null; closed_on: string | null }>('SELECT unit, assignee, closed_on FROM cases WHERE id = $1', [caseId])).rows[0];
  const eventsOf = async (caseId: string) =>
    (await server.db.query<{ kind: string; step: string | null; status_to: string; actor: string }>('SELECT kind, step, status_to, actor FROM case_events WHERE case_id = $1 ORDER BY seq', [caseId])).rows.map(
      (event) => [event.kind, event.step, event.status_to, event.actor],
    );

  it('routes a case to its service’s unit; an officer of the unit takes it, nobody else', async () => {
    const record = await newCase({ desk: { unit: 'LEGAL', notes: [] } });
    // The device's guess of the desk is replaced by the catalogue's unit.
    expect(await columnsOf(record.id)).toEqual({ unit: 'PROPERTY', assignee: null, closed_on: null });
    expect(await desk.step('chen', record.id, { action: 'take' })).toBe('not_in_unit');
    expect(await desk.step('clerk', record.id, { action: 'take' })).toBe('not_in_unit');
    expect(await desk.step('pchief', record.id, { action: 'take' })).toBe('not_in_unit');
    expect(await desk.step('wang', record.id, { action: 'take' })).toBe('applied');
    expect(await desk.step('lin', record.id, { action: 'take' })).toBe('step_not_allowed');
    const stored = await desk.stored(record.id);
    expect(stored.status).toBe('received');
    expect(stored.desk).toMatchObject({ unit: 'PROPERTY', assignee: 'wang' });
    expect(await columnsOf(record.id)).toMatchObject({ assignee: 'wang' });
    // Taking a case is nothing the citizen hears of.
    expect(await eventsOf(record.id)).toEqual([
      ['received', null, 'received', 'clerk'],
      ['desk', 'take', 'received', 'wang'],
    ]);
  });

  it('only the unit’s chief assigns, and only to an officer of the unit', async () => {
    const record = await newCase();
    expect(await desk.step('wang', record.id, { action: 'assign', officer: 'lin' })).toBe('not_in_unit');
    expect(await desk.step('cchief', record.id, { action: 'assign', officer: 'lin' })).toBe('not_in_unit');
    expect(await desk.step('pchief', record.id, { action: 'assign', officer: 'chen' })).toBe('not_in_unit');
    expect(await desk.step('pchief', record.id, { action: 'assign', officer: 'lin' })).toBe('applied');
    expect((await desk.stored(record.id)).desk?.assignee).toBe('lin');
    // The chief may give it to another officer later; the officer who had it then may not touch it.
    expect(await desk.step('pchief', record.id, { action: 'assign', officer: 'wang' })).toBe('applied');
    expect(await desk.step('lin', record.id, { action: 'start-review' })).toBe('not_assigned');
    expect((await desk.stored(record.id)).desk?.assignee).toBe('wang');
  });

  it('the case’s officer reviews, notes, asks for documents and proposes; the §51 clock pauses while the applicant is awaited', async () => {
    const record = await newCase({ checklist: [{ document: '申請書 / application form', state: 'provided' }] });
    expect(await desk.step('clerk', record.id, { action: 'start-review' })).toBe('not_in_unit');
    expect(await desk.step('field', record.id, { action: 'start-review' })).toBe('not_in_unit');
    expect(await desk.step('chen', record.id, { action: 'start-review' })).toBe('not_in_unit');
    // Starting the review takes the case.
    expect(await desk.step('wang', record.id, { action: 'start-review' })).toBe('applied');
    expect(await desk.stored(record.id)).toMatchObject({ status: 'in-review', desk: { assignee: 'wang' } });
    expect(await desk.step('lin', record.id, { action: 'start-review' })).toBe('not_assigned');

    expect(await desk.step('chen', record.id, { action: 'note', text: '他科意見' })).toBe('not_in_unit');
    expect(await desk.step('clerk', record.id, { action: 'note', text: '櫃台意見' })).toBe('not_in_unit');
    expect(await desk.step('wang', record.id, { action: 'note', text: '待查地籍資料' })).toBe('applied');
    expect((await desk.stored(record.id)).desk?.notes).toEqual([{ at: server.clock.now().toISOString(), by: 'wang', text: '待查地籍資料' }]);

    const request: CaseAction = { action: 'request-documents', missing: ['戶籍謄本 / household record'], supplementBy: '2026-03-16' };
    expect(await desk.step('lin', record.id, request)).toBe('not_assigned');
    expect(await desk.step('clerk', record.id, request)).toBe('not_in_unit');
    expect(await desk.step('wang', record.id, { ...request, supplementBy: '2026-03-01' })).toBe('invalid_value');
    expect(await desk.step('wang', record.id, request)).toBe('applied');
    const awaiting = await desk.stored(record.id);
    expect(awaiting).toMatchObject({ status: 'awaiting-documents', clockPauses: [{ from: '2026-03-02' }], deficiency: { noticedOn: '2026-03-02', supplementBy: '2026-03-16' } });
    expect(awaiting.checklist).toEqual([
      { document: '申請書 / application form', state: 'provided' },
      { document: '戶籍謄本 / household record', state: 'missing' },
    ]);

    // Two days later the applicant brings the document to a counter: the clock runs again and the
    // case goes back to its officer's review.
    server.clock.advance(2 * DAY);
    await signInEveryone();
    expect(await desk.step('clerk', record.id, { action: 'documents-supplied' })).toBe('applied');
    const supplied = await desk.stored(record.id);
    expect(supplied).toMatchObject({ status: 'in-review', clockPauses: [{ from: '2026-03-02', to: '2026-03-04' }] });
    expect(supplied.checklist.every((item) => item.state === 'provided')).toBe(true);
    expect(supplied.dueDate > awaiting.dueDate).toBe(true);
    expect(await desk.step('clerk', record.id, { action: 'documents-supplied' })).toBe('step_not_allowed');

    const propose = { action: 'propose', outcome: 'approve', reasons: '符合自用住宅用地要件' } as const;
    expect(await desk.step('lin', record.id, propose)).toBe('not_assigned');
    expect(await desk.step('clerk', record.id, propose)).toBe('not_in_unit');
    expect(await desk.step('wang', record.id, propose)).toBe('applied');
    const proposed = await desk.stored(record.id);
    expect(proposed).toMatchObject({ status: 'pending-approval', desk: { proposal: { outcome: 'approve', reasons: '符合自用住宅用地要件', by: 'wang' } } });
    expect(proposed.desk?.decision).toBeUndefined();
    expect(await desk.step('wang', record.id, propose)).toBe('step_not_allowed');

    expect(await eventsOf(record.id)).toEqual([
      ['received', null, 'received', 'clerk'],
      ['transition', 'start-review', 'in-review', 'wang'],
      ['desk', 'note', 'in-review', 'wang'],
      ['transition', 'request-documents', 'awaiting-documents', 'wang'],
      ['transition', 'documents-supplied', 'in-review', 'clerk'],
      ['transition', 'propose', 'pending-approval', 'wang'],
    ]);
  });

  it('the unit’s chief decides: returns to the officer, and approves otherwise than proposed only with reasons', async () => {
    const record = await newCase();
    await walk(record.id, [['wang', { action: 'start-review' }], ['wang', { action: 'propose', outcome: 'reject', reasons: '非自住' }]]);
    for (const who of ['wang', 'lin', 'clerk', 'field', 'cchief']) {
      expect(await desk.step(who, record.id, { action: 'decide', outcome: 'approve', reason: '查明屬自住' }), who).toBe('level_not_allowed');
    }
    expect(await desk.step('pchief', record.id, { action: 'decide', outcome: 'return' })).toBe('invalid_value');
    expect(await desk.step('pchief', record.id, { action: 'decide', outcome: 'return', reason: '請補查戶籍' })).toBe('applied');
    const returned = await desk.stored(record.id);
    expect(returned).toMatchObject({ status: 'in-review', desk: { assignee: 'wang', returned: { reason: '請補查戶籍', by: 'pchief' } } });
    expect(returned.desk?.proposal).toBeUndefined();

    await walk(record.id, [['wang', { action: 'propose', outcome: 'reject', reasons: '查無設籍' }]]);
    expect((await desk.stored(record.id)).desk?.returned).toBeUndefined();
    expect(await desk.step('pchief', record.id, { action: 'decide', outcome: 'approve' })).toBe('invalid_value');
    expect(await desk.step('pchief', record.id, { action: 'decide', outcome: 'approve', reason: '經查屬自住' })).toBe('applied');
    expect(await desk.stored(record.id)).toMatchObject({
      status: 'approved',
      desk: { decision: { outcome: 'approve', reasons: '經查屬自住', level: 'chief', proposedBy: 'wang', decidedBy: 'pchief', decidedOn: today() } },
    });
    expect(await desk.step('pchief', record.id, { action: 'decide', outcome: 'reject', reason: '再議' })).toBe('step_not_allowed');
  });

  it('a rejection as proposed carries the officer’s reasons', async () => {
    const record = await newCase();
    await walk(record.id, [
      ['wang', { action: 'start-review' }],
      ['wang', { action: 'propose', outcome: 'reject', reasons: '非本人所有' }],
      ['pchief', { action: 'decide', outcome: 'reject' }],
    ]);
    expect(await desk.stored(record.id)).toMatchObject({ status: 'rejected', desk: { decision: { outcome: 'reject', reasons: '非本人所有', decidedBy: 'pchief' } } });
  });

  it('the result is handed over at any counter, closing the case; a field worker may not', async () => {
    const record = await newCase();
    expect(await desk.step('clerk', record.id, { action: 'hand-over', method: 'pickup' })).toBe('step_not_allowed');
    await walk(record.id, [
      ['wang', { action: 'start-review' }],
      ['wang', { action: 'propose', outcome: 'approve', reasons: '符合規定' }],
      ['pchief', { action: 'decide', outcome: 'approve' }],
    ]);
    expect(await desk.step('field', record.id, { action: 'hand-over', method: 'pickup' })).toBe('forbidden_transition');
    expect(await desk.step('clerk', record.id, { action: 'hand-over', method: 'mail' })).toBe('invalid_value');
    expect(await desk.step('clerk', record.id, { action: 'hand-over', method: 'mail', registerNo: '基隆郵局 123456' })).toBe('applied');
    expect(await desk.stored(record.id)).toMatchObject({
      status: 'closed',
      desk: { handover: { method: 'mail', registerNo: '基隆郵局 123456', on: today(), by: 'clerk' }, closedOn: today() },
    });
    expect(await columnsOf(record.id)).toMatchObject({ closed_on: today() });
    expect(await desk.step('clerk', record.id, { action: 'hand-over', method: 'pickup' })).toBe('step_not_allowed');
    expect(await desk.step('clerk', record.id, { action: 'withdraw' })).toBe('case_closed');
  });

  it('the applicant withdraws at a counter while the case is open; in review, not through a field worker', async () => {
    const received = await newCase();
    expect(await desk.step('field', received.id, { action: 'withdraw', reason: '申請人撤回' })).toBe('applied');
    expect(await desk.stored(received.id)).toMatchObject({ status: 'withdrawn', desk: { withdrawal: { on: today(), by: 'field', reason: '申請人撤回' }, closedOn: today() } });

    const reviewed = await newCase();
    await walk(reviewed.id, [['wang', { action: 'start-review' }]]);
    expect(await desk.step('field', reviewed.id, { action: 'withdraw' })).toBe('forbidden_transition');
    expect(await desk.step('clerk', reviewed.id, { action: 'withdraw', reason: '已自行繳清' })).toBe('applied');
    expect(await desk.stored(reviewed.id)).toMatchObject({ status: 'withdrawn', desk: { assignee: 'wang', withdrawal: { by: 'clerk', reason: '已自行繳清' } } });
    expect(await columnsOf(reviewed.id)).toMatchObject({ closed_on: today() });
    expect(await desk.step('wang', reviewed.id, { action: 'start-review' })).toBe('step_not_allowed');
    expect(await desk.step('wang', reviewed.id, { action: 'take' })).toBe('case_closed');
  });
});
