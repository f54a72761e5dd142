import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultCatalogue } from '../../../../shared/domain/catalogue';
import { createCaseForTest } from '../../db/createCaseForTest';
import { CounterDeskDb } from '../../db/database';
import { caseRecordFixture } from '../../testing/caseRecordFixture';
import { isDecided, reexaminationIntake, reexaminationService, reexaminationsOf } from './reexamination';

const decision = { outcome: 'reject' as const, reasons: '不符要件', level: 'chief' as const, decidedBy: 'supervisor', decidedOn: '2026-12-01' };

let db: CounterDeskDb | undefined;
afterEach(async () => {
  await db?.delete();
  db = undefined;
});

describe('re-examination (復查)', () => {
  it('is offered for a decided case: approved, rejected, or closed after a decision', () => {
    expect(isDecided(caseRecordFixture(1, { status: 'rejected' }))).toBe(true);
    expect(isDecided(caseRecordFixture(1, { status: 'approved' }))).toBe(true);
    expect(isDecided(caseRecordFixture(1, { status: 'closed', desk: { unit: 'PROPERTY', notes: [], decision } }))).toBe(true);
    expect(isDecided(caseRecordFixture(1, { status: 'closed' }))).toBe(false);
    expect(isDecided(caseRecordFixture(1, { status: 'in-review' }))).toBe(false);
  });

  it('starts from the re-examination service and the decided case’s applicant, linked to it', () => {
    const service = reexaminationService(defaultCatalogue);
    expect(service?.id).toBe('GEN-REEXAMINATION');
    if (!service) return;
    const decided = caseRecordFixture(4, {
      status: 'rejected',
      applicant: { kind: 'heir', idNumber: 'A123456789', name: '王小明', phone: '0912345678', address: { zip: '200', district: '仁愛區', line: '愛一路 1 號' }, deceased: { idNumber: 'Y123456788', name: '王老先生', diedOn: '2026-01-05' } },
    });
    expect(reexaminationIntake(decided, service)).toEqual({
      initialFields: { serviceId: 'GEN-REEXAMINATION', kind: 'heir', idNumber: 'A123456789', name: '王小明', phone: '0912345678', zip: '200', addressLine: '愛一路 1 號', relatedId: 'Y123456788', relatedName: '王老先生', diedOn: '2026-01-05' },
      relatedCase: { id: decided.id, caseNo: '115-KL01-000004-X' },
    });
  });

  it('finds a decided case’s re-examinations among its applicant’s cases', async () => {
    db = new CounterDeskDb(`reexamination-${crypto.randomUUID()}`);
    const decided = await createCaseForTest({ stationCode: 'KL01', rocYear: 115, build: () => caseRecordFixture(1, { status: 'rejected' }) }, db);
    const linked = await createCaseForTest({ stationCode: 'KL01', rocYear: 115, build: () => caseRecordFixture(2, { serviceId: 'GEN-REEXAMINATION', relatedCase: { id: decided.id, caseNo: decided.caseNo } }) }, db);
    await createCaseForTest({ stationCode: 'KL01', rocYear: 115, build: () => caseRecordFixture(3) }, db);
    expect((await reexaminationsOf(decided, db)).map((other) => other.caseNo)).toEqual([linked.caseNo]);
  });
});
