import { describe, expect, it } from 'vitest';
import { defaultCalendar } from '../../../../shared/domain/calendar';
import { defaultCatalogue } from '../../../../shared/domain/catalogue';
import { computeDueDate } from '../../../../shared/domain/deadline';
import type { CaseRecord, ChecklistItem } from '../../../../shared/schemas/case';
import { clockState, intakeClock, supplementDeadline, supplyDocuments } from './deficiency';

// HT-REGISTER: 18 working days in the built-in catalogue.
const builtIn = { catalogue: defaultCatalogue, calendar: defaultCalendar };

const checklist: ChecklistItem[] = [
  { document: 'A', state: 'provided' },
  { document: 'B', state: 'missing' },
  { document: 'C', state: 'waived' },
  { document: 'D', state: 'missing' },
];

function record(overrides: Partial<CaseRecord> = {}): CaseRecord {
  return {
    id: '0190f0e0-0000-7000-8000-000000000001',
    caseNo: '115-KL01-000001-X',
    verifier: 'abcdefghijklmnopqrstuv',
    serviceId: 'HT-REGISTER',
    channel: 'counter',
    applicant: { kind: 'person', idNumber: 'A123456789', name: '王小明', phone: '' },
    checklist,
    receivedOn: '2026-03-02',
    receivedAt: '2026-03-02T02:00:00.000Z',
    stationCode: 'KL01',
    createdBy: 'clerk',
    ...intakeClock('2026-03-02', 'HT-REGISTER', checklist, builtIn),
    ...overrides,
  };
}

describe('deficiency rules', () => {
  it('gives 10 days from the day after the notice, moved off a weekend', () => {
    // 2026-03-02 is a Monday: day 10 is Thursday 03-12.
    expect(supplementDeadline('2026-03-02', defaultCalendar)).toBe('2026-03-12');
    // 2026-03-06 (Friday) + 10 = Monday 03-16.
    expect(supplementDeadline('2026-03-06', defaultCalendar)).toBe('2026-03-16');
    // 2026-03-04 + 10 = Saturday 03-14 → Monday 03-16.
    expect(supplementDeadline('2026-03-04', defaultCalendar)).toBe('2026-03-16');
  });

  it('receives an incomplete case awaiting documents with an open pause from the receipt day', () => {
    const r = record();
    expect(r.status).toBe('awaiting-documents');
    expect(r.clockPauses).toEqual([{ from: '2026-03-02' }]);
    expect(r.deficiency).toEqual({ noticedOn: '2026-03-02', supplementBy: '2026-03-12' });
    expect(clockState(r)).toEqual({ kind: 'paused', since: '2026-03-02', projectedDue: r.dueDate });
    const complete = intakeClock('2026-03-02', 'HT-REGISTER', [{ document: 'A', state: 'provided' }, { document: 'C', state: 'waived' }], builtIn);
    expect(complete).toEqual({
      status: 'received',
      dueDate: computeDueDate('2026-03-02', { days: 18, basis: 'working' }),
      clockPauses: [],
      versions: { catalogue: defaultCatalogue.version, calendar: defaultCalendar.version },
    });
  });

  it('keeps the clock paused after a partial supply and resumes it when the last document arrives', () => {
    const first = supplyDocuments(record(), ['B'], '2026-03-05');
    expect(first.next.status).toBe('awaiting-documents');
    expect(first.next.clockPauses).toEqual([{ from: '2026-03-02' }]);
    expect(first.mutations.map((m) => m.name)).toEqual(['setField']);

    const second = supplyDocuments(first.next, ['D'], '2026-03-09');
    expect(second.next.status).toBe('received');
    expect(second.next.clockPauses).toEqual([{ from: '2026-03-02', to: '2026-03-09' }]);
    // As if received complete on 03-09: 18 working days from 03-10.
    expect(second.next.dueDate).toBe(computeDueDate('2026-03-09', { days: 18, basis: 'working' }));
    expect(clockState(second.next)).toEqual({ kind: 'running', dueDate: second.next.dueDate });
    expect(second.mutations.map((m) => (m.name === 'setField' ? `setField:${m.args.field}` : m.name))).toEqual(['setField:checklist', 'transition']);
    const transition = second.mutations.at(-1);
    expect(transition?.name === 'transition' && transition.args.to).toBe('received');
  });

  it('sends a case its officer was reviewing back to that review, as the server will', () => {
    const reviewed = { ...record(), desk: { unit: 'PROPERTY', assignee: 'officer', notes: [] } };
    const supplied = supplyDocuments(reviewed, ['B', 'D'], '2026-03-05');
    expect(supplied.next.status).toBe('in-review');
    expect(supplied.next.clockPauses).toEqual([{ from: '2026-03-02', to: '2026-03-05' }]);
    const transition = supplied.mutations.at(-1);
    expect(transition?.name === 'transition' && transition.args.to).toBe('in-review');
  });

  it('refuses to supply a document that is not missing', () => {
    expect(() => supplyDocuments(record(), ['A', 'C'], '2026-03-05')).toThrow(/missing/);
  });
});
