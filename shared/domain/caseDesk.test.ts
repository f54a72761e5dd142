import { describe, expect, it } from 'vitest';
import type { CaseRecord } from '../schemas/case';
import type { CaseAction } from '../schemas/caseDesk';
import { defaultCatalogue, findService } from './catalogue';
import { planCaseAction, stepForTransition } from './caseDesk';
import type { DeskActor, DeskContext, DeskPlan } from './caseDesk';
import { must } from './fixtures/must';

const lowIncome = must(findService(defaultCatalogue, 'HT-LOW-INCOME')); // PROPERTY, chief decides
const disaster = must(findService(defaultCatalogue, 'HT-DISASTER')); // PROPERTY, director decides
const ebill = must(findService(defaultCatalogue, 'GEN-EBILL')); // SERVICE, officer decides alone
const cert = must(findService(defaultCatalogue, 'GEN-CERT')); // same day

const officer: DeskActor = { username: 'wang', roles: ['officer'], units: [{ unit: 'PROPERTY', position: 'officer' }] };
const otherOfficer: DeskActor = { username: 'lin', roles: ['officer'], units: [{ unit: 'PROPERTY', position: 'officer' }] };
const foreignOfficer: DeskActor = { username: 'chen', roles: ['officer'], units: [{ unit: 'CONSUMPTION', position: 'officer' }] };
const chief: DeskActor = { username: 'chief', roles: ['supervisor'], units: [{ unit: 'PROPERTY', position: 'chief' }] };
const foreignChief: DeskActor = { username: 'cchief', roles: ['supervisor'], units: [{ unit: 'CONSUMPTION', position: 'chief' }] };
const director: DeskActor = { username: 'director', roles: ['supervisor'], units: [{ unit: 'SERVICE', position: 'director' }] };
const clerk: DeskActor = { username: 'clerk', roles: ['clerk'], units: [] };
const admin: DeskActor = { username: 'admin', roles: ['admin'], units: [] };

function caseOf(serviceId: string, unit: string, changes: Partial<CaseRecord> = {}): CaseRecord {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    caseNo: '115-KL01-000001-3',
    verifier: 'abcdefghijklmnopqrstuv',
    serviceId,
    channel: 'counter',
    applicant: { kind: 'person', idNumber: 'A123456789', name: '王小明', phone: '0912345678' },
    checklist: [{ document: '申請書 / application form', state: 'provided' }],
    status: 'received',
    receivedOn: '2026-12-07',
    receivedAt: '2026-12-07T01:00:00.000Z',
    dueDate: '2026-12-16',
    stationCode: 'KL01',
    createdBy: 'clerk',
    desk: { unit, notes: [] },
    ...changes,
  };
}

const at = (service = lowIncome): DeskContext => ({ now: '2026-12-08T02:00:00.000Z', today: '2026-12-08', service });

function ok(plan: DeskPlan): CaseRecord {
  if (!plan.ok) throw new Error(`refused: ${plan.code} ${plan.message.en}`);
  return plan.next;
}

function code(plan: DeskPlan): string | undefined {
  return plan.ok ? undefined : plan.code;
}

/** Runs steps in order, each by its actor, failing on the first refusal. */
function walk(record: CaseRecord, steps: ReadonlyArray<[DeskActor, CaseAction]>, context = at()): CaseRecord {
  return steps.reduce((current, [actor, step]) => ok(planCaseAction(current, step, actor, context)), record);
}

describe('the officer desk', () => {
  it('starting a review takes an unassigned case of the officer’s unit', () => {
    const next = ok(planCaseAction(caseOf('HT-LOW-INCOME', 'PROPERTY'), { action: 'start-review' }, officer, at()));
    expect(next.status).toBe('in-review');
    expect(next.desk?.assignee).toBe('wang');
  });

  it('refuses another unit’s officer, another officer’s case, the counter and the admin', () => {
    const received = caseOf('HT-LOW-INCOME', 'PROPERTY');
    expect(code(planCaseAction(received, { action: 'start-review' }, foreignOfficer, at()))).toBe('not_in_unit');
    expect(code(planCaseAction(received, { action: 'take' }, foreignOfficer, at()))).toBe('not_in_unit');
    const taken = walk(received, [[officer, { action: 'take' }]]);
    expect(code(planCaseAction(taken, { action: 'start-review' }, otherOfficer, at()))).toBe('not_assigned');
    expect(code(planCaseAction(taken, { action: 'take' }, otherOfficer, at()))).toBe('step_not_allowed');
    expect(code(planCaseAction(taken, { action: 'start-review' }, clerk, at()))).toBe('not_in_unit');
    expect(code(planCaseAction(taken, { action: 'note', text: 'x' }, admin, at()))).toBe('not_in_unit');
  });

  it('the unit’s chief assigns to one of the unit’s officers, and only the chief', () => {
    const received = caseOf('HT-LOW-INCOME', 'PROPERTY');
    const withOfficers = { ...at(), officersOfUnit: ['wang', 'lin'] };
    expect(ok(planCaseAction(received, { action: 'assign', officer: 'lin' }, chief, withOfficers)).desk?.assignee).toBe('lin');
    expect(code(planCaseAction(received, { action: 'assign', officer: 'chen' }, chief, withOfficers))).toBe('not_in_unit');
    expect(code(planCaseAction(received, { action: 'assign', officer: 'lin' }, officer, withOfficers))).toBe('not_in_unit');
    expect(code(planCaseAction(received, { action: 'assign', officer: 'lin' }, foreignChief, withOfficers))).toBe('not_in_unit');
  });

  it('requesting documents lists every missing item, pauses the clock, and supplying resumes the review', () => {
    const reviewing = walk(caseOf('HT-LOW-INCOME', 'PROPERTY'), [[officer, { action: 'start-review' }]]);
    const waiting = ok(planCaseAction(reviewing, { action: 'request-documents', missing: ['低收入戶證明 / low-income certificate', '建物謄本 / building register'], supplementBy: '2026-12-18' }, officer, at()));
    expect(waiting.status).toBe('awaiting-documents');
    expect(waiting.checklist.filter((item) => item.state === 'missing').map((item) => item.document)).toHaveLength(2);
    expect(waiting.clockPauses).toEqual([{ from: '2026-12-08' }]);
    expect(waiting.deficiency).toEqual({ noticedOn: '2026-12-08', supplementBy: '2026-12-18' });
    const supplied = ok(planCaseAction(waiting, { action: 'documents-supplied' }, clerk, { ...at(), today: '2026-12-10' }));
    expect(supplied.status).toBe('in-review');
    expect(supplied.clockPauses).toEqual([{ from: '2026-12-08', to: '2026-12-10' }]);
    expect(supplied.checklist.every((item) => item.state === 'provided')).toBe(true);
  });

  it('a review does not start while the case awaits documents', () => {
    const waiting = caseOf('HT-LOW-INCOME', 'PROPERTY', { status: 'awaiting-documents', clockPauses: [{ from: '2026-12-07' }] });
    expect(code(planCaseAction(waiting, { action: 'start-review' }, officer, at()))).toBe('step_not_allowed');
  });

  it('a supplement deadline in the past is refused', () => {
    const reviewing = walk(caseOf('HT-LOW-INCOME', 'PROPERTY'), [[officer, { action: 'start-review' }]]);
    expect(code(planCaseAction(reviewing, { action: 'request-documents', missing: ['x'], supplementBy: '2026-12-01' }, officer, at()))).toBe('invalid_value');
  });

  it('refuses a request for documents once the case holds as many pauses or listed documents as it can', () => {
    const pauses = Array.from({ length: 50 }, (_, index) => ({ from: `2026-0${1 + Math.floor(index / 28)}-${String(1 + (index % 28)).padStart(2, '0')}`, to: '2026-11-30' }));
    const paused = walk(caseOf('HT-LOW-INCOME', 'PROPERTY', { clockPauses: pauses }), [[officer, { action: 'start-review' }]]);
    expect(code(planCaseAction(paused, { action: 'request-documents', missing: ['x'], supplementBy: '2026-12-18' }, officer, at()))).toBe('step_not_allowed');
    const listed = walk(caseOf('HT-LOW-INCOME', 'PROPERTY', { checklist: Array.from({ length: 99 }, (_, index) => ({ document: `d${index}`, state: 'provided' as const })) }), [[officer, { action: 'start-review' }]]);
    expect(code(planCaseAction(listed, { action: 'request-documents', missing: ['new one', 'another'], supplementBy: '2026-12-18' }, officer, at()))).toBe('step_not_allowed');
    expect(planCaseAction(listed, { action: 'request-documents', missing: ['new one'], supplementBy: '2026-12-18' }, officer, at()).ok).toBe(true);
  });

  it('notes are kept in order with who wrote them', () => {
    const noted = walk(caseOf('HT-LOW-INCOME', 'PROPERTY'), [
      [officer, { action: 'note', text: '已電話聯絡申請人' }],
      [chief, { action: 'note', text: '請優先辦理' }],
    ]);
    expect(noted.desk?.notes.map((note) => [note.by, note.text])).toEqual([
      ['wang', '已電話聯絡申請人'],
      ['chief', '請優先辦理'],
    ]);
    expect(noted.status).toBe('received');
  });
});

describe('layered authority (分層負責)', () => {
  const reviewing = (serviceId: string, unit: string, actor = officer) => walk(caseOf(serviceId, unit), [[actor, { action: 'start-review' }]]);

  it('a chief-level proposal goes to the supervisor queue; the unit’s chief approves it', () => {
    const pending = ok(planCaseAction(reviewing('HT-LOW-INCOME', 'PROPERTY'), { action: 'propose', outcome: 'approve', reasons: '符合低收入戶自住房屋免徵規定', facts: { granted: '房屋稅免徵', fromPeriod: '116年期' } }, officer, at()));
    expect(pending.status).toBe('pending-approval');
    expect(pending.desk?.proposal?.by).toBe('wang');
    expect(code(planCaseAction(pending, { action: 'decide', outcome: 'approve' }, foreignChief, at()))).toBe('level_not_allowed');
    expect(code(planCaseAction(pending, { action: 'decide', outcome: 'approve' }, officer, at()))).toBe('level_not_allowed');
    const approved = ok(planCaseAction(pending, { action: 'decide', outcome: 'approve' }, chief, at()));
    expect(approved.status).toBe('approved');
    expect(approved.desk?.decision).toMatchObject({ outcome: 'approve', level: 'chief', proposedBy: 'wang', decidedBy: 'chief', decidedOn: '2026-12-08', facts: { granted: '房屋稅免徵', fromPeriod: '116年期' } });
  });

  it('a director-level service is decided by the director only', () => {
    const pending = ok(planCaseAction(reviewing('HT-DISASTER', 'PROPERTY'), { action: 'propose', outcome: 'approve', reasons: '颱風受損' }, officer, at(disaster)));
    expect(code(planCaseAction(pending, { action: 'decide', outcome: 'approve' }, chief, at(disaster)))).toBe('level_not_allowed');
    expect(ok(planCaseAction(pending, { action: 'decide', outcome: 'approve' }, director, at(disaster))).desk?.decision?.level).toBe('director');
  });

  it('at the officer’s own level the proposal is the decision', () => {
    const service = reviewing('GEN-EBILL', 'SERVICE', { ...officer, units: [{ unit: 'SERVICE', position: 'officer' }] });
    const decided = ok(planCaseAction(service, { action: 'propose', outcome: 'reject', reasons: '查無此稅籍' }, { ...officer, units: [{ unit: 'SERVICE', position: 'officer' }] }, at(ebill)));
    expect(decided.status).toBe('rejected');
    expect(decided.desk?.decision).toMatchObject({ outcome: 'reject', level: 'officer', decidedBy: 'wang' });
  });

  it('a return lands back on the officer’s desk with the reason; the next proposal clears it', () => {
    const pending = ok(planCaseAction(reviewing('HT-LOW-INCOME', 'PROPERTY'), { action: 'propose', outcome: 'approve', reasons: 'ok' }, officer, at()));
    expect(code(planCaseAction(pending, { action: 'decide', outcome: 'return' }, chief, at()))).toBe('invalid_value');
    const returned = ok(planCaseAction(pending, { action: 'decide', outcome: 'return', reason: '請補查戶籍' }, chief, at()));
    expect(returned.status).toBe('in-review');
    expect(returned.desk?.assignee).toBe('wang');
    expect(returned.desk?.returned?.reason).toBe('請補查戶籍');
    expect(returned.desk?.proposal).toBeUndefined();
    const again = ok(planCaseAction(returned, { action: 'propose', outcome: 'approve', reasons: '已補查' }, officer, at()));
    expect(again.desk?.returned).toBeUndefined();
  });

  it('deciding otherwise than proposed needs the reasons the citizen will read', () => {
    const pending = ok(planCaseAction(reviewing('HT-LOW-INCOME', 'PROPERTY'), { action: 'propose', outcome: 'approve', reasons: 'ok' }, officer, at()));
    expect(code(planCaseAction(pending, { action: 'decide', outcome: 'reject' }, chief, at()))).toBe('invalid_value');
    expect(ok(planCaseAction(pending, { action: 'decide', outcome: 'reject', reason: '不符資格' }, chief, at())).desk?.decision?.reasons).toBe('不符資格');
  });
});

describe('the counter', () => {
  it('closes a same-day case on the spot as approved and handed over', () => {
    const closed = ok(planCaseAction(caseOf('GEN-CERT', 'SERVICE'), { action: 'complete-on-spot' }, clerk, at(cert)));
    expect(closed.status).toBe('closed');
    expect(closed.desk?.handover?.method).toBe('on-the-spot');
    expect(closed.desk?.closedOn).toBe('2026-12-08');
    expect(code(planCaseAction(caseOf('HT-LOW-INCOME', 'PROPERTY'), { action: 'complete-on-spot' }, clerk, at()))).toBe('not_same_day');
  });

  it('hands a decided case over by mail only with its register number', () => {
    const approved = walk(caseOf('HT-LOW-INCOME', 'PROPERTY'), [
      [officer, { action: 'start-review' }],
      [officer, { action: 'propose', outcome: 'approve', reasons: 'ok' }],
      [chief, { action: 'decide', outcome: 'approve' }],
    ]);
    expect(code(planCaseAction(approved, { action: 'hand-over', method: 'mail' }, clerk, at()))).toBe('invalid_value');
    const closed = ok(planCaseAction(approved, { action: 'hand-over', method: 'mail', registerNo: '123456' }, officer, at()));
    expect(closed.status).toBe('closed');
    expect(closed.desk?.handover).toMatchObject({ method: 'mail', registerNo: '123456', by: 'wang' });
  });

  it('withdraws an open case with the applicant’s signature, and never a closed one', () => {
    const withdrawn = ok(planCaseAction(caseOf('HT-LOW-INCOME', 'PROPERTY'), { action: 'withdraw', reason: '申請人撤回', signatureDocumentId: '00000000-0000-4000-8000-00000000000a' }, clerk, at()));
    expect(withdrawn.status).toBe('withdrawn');
    expect(withdrawn.desk?.withdrawal?.signatureDocumentId).toBe('00000000-0000-4000-8000-00000000000a');
    expect(code(planCaseAction(withdrawn, { action: 'withdraw' }, clerk, at()))).toBe('case_closed');
  });
});

describe('a plain transition is the desk step it means', () => {
  it('maps every move of the old protocol', () => {
    const received = caseOf('HT-LOW-INCOME', 'PROPERTY');
    expect(stepForTransition(received, 'in-review', undefined, '2026-12-08')).toEqual({ action: 'start-review' });
    expect(stepForTransition({ ...received, status: 'pending-approval' }, 'approved', 'ok', '2026-12-08')).toEqual({ action: 'decide', outcome: 'approve', reason: 'ok' });
    expect(stepForTransition({ ...received, status: 'approved' }, 'closed', undefined, '2026-12-08')).toEqual({ action: 'hand-over', method: 'pickup' });
    expect(stepForTransition(received, 'closed', undefined, '2026-12-08')).toEqual({ action: 'complete-on-spot' });
    expect(stepForTransition(received, 'approved', undefined, '2026-12-08')).toBeUndefined();
  });
});
