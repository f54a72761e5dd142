import type { CaseRecord } from '../../../shared/schemas/case';

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
