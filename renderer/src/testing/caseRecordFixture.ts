import type { CaseRecord } from '../../../shared/schemas/case';
import type { PlannedVisit } from '../../../shared/schemas/visit';

/**
 * A valid intake record for renderer tests: case `sequence` of station KL01, received 2026-11-27,
 * with ids and case numbers that follow from the sequence so tests can name them.
 */
export function caseRecordFixture(sequence: number, overrides: Partial<CaseRecord> = {}): CaseRecord {
  return {
    id: `0190f0e0-0000-7000-8000-${String(sequence).padStart(12, '0')}`,
    caseNo: `115-KL01-${String(sequence).padStart(6, '0')}-X`,
    verifier: 'abcdefghijklmnopqrstuv',
    serviceId: 'HT-REGISTER',
    channel: 'counter',
    applicant: { kind: 'person', idNumber: 'A123456789', name: '王小明', phone: '0912345678' },
    checklist: [{ document: '申報書 / declaration form', state: 'provided' }],
    status: 'received',
    receivedOn: '2026-11-27',
    receivedAt: '2026-11-27T02:00:00.000Z',
    dueDate: '2026-12-23',
    stationCode: 'KL01',
    createdBy: 'clerk',
    ...overrides,
  };
}

/** A planned field visit for renderer tests: visit `n` of 2026-11-27 at 0n:00. */
export function plannedVisitFixture(n: number, overrides: Partial<PlannedVisit> = {}): PlannedVisit {
  return {
    id: `0190f0e0-0000-7000-8000-${String(n).padStart(12, '0')}`,
    planDate: '2026-11-27',
    time: `0${n}:00`,
    assignee: 'fieldstaff',
    assigneeName: 'Field',
    serviceId: 'HT-LOW-INCOME',
    applicant: { kind: 'person', idNumber: 'A123456789', name: '陳阿嬤', phone: '0912345678' },
    address: { zip: '200', line: '愛三路 1 號' },
    note: null,
    plannedBy: 'supervisor',
    outcome: null,
    earlierCases: [],
    ...overrides,
  };
}
