import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultCalendar } from '../../../../shared/domain/calendar';
import { defaultCatalogue, findService } from '../../../../shared/domain/catalogue';
import type { CaseRecord } from '../../../../shared/schemas/case';
import { CounterDeskDb } from '../../db/database';
import { unitQueue } from '../../db/deskIndex';
import { queryDesk } from '../../db/deskQuery';
import { caseRecordFixture } from '../../testing/caseRecordFixture';
import { deskDeadline } from './deskRisk';

// HT-REGISTER: 18 working days, split 4.5 / 9 / 4.5 over received, in review, pending approval.
const service = findService(defaultCatalogue, 'HT-REGISTER');
const today = '2026-12-07';
const desk = { unit: 'PROPERTY', notes: [] };

const overdue = caseRecordFixture(1, { receivedOn: '2026-11-09', receivedAt: '2026-11-09T02:00:00.000Z', dueDate: '2026-12-04', status: 'in-review', desk });
// Received today with three working days left: its usual 18 days cannot fit.
const atRisk = caseRecordFixture(2, { receivedOn: '2026-12-07', receivedAt: '2026-12-07T02:00:00.000Z', dueDate: '2026-12-10', desk });
// Sent for approval today with three weeks left: the last stage's 4.5 days fit.
const onTrack = caseRecordFixture(3, {
  receivedOn: '2026-11-20',
  receivedAt: '2026-11-20T02:00:00.000Z',
  dueDate: '2026-12-31',
  status: 'pending-approval',
  desk: { ...desk, assignee: 'officer', proposal: { outcome: 'approve', reasons: '符合規定', by: 'officer', at: '2026-12-07T01:00:00.000Z' } },
});

let db: CounterDeskDb | undefined;
afterEach(async () => {
  await db?.delete();
  db = undefined;
});

describe("a case's deadline on the desk", () => {
  it('reads overdue, at risk and on track by the shared rule, with the working days left', () => {
    expect(deskDeadline(overdue, service, today, defaultCalendar)).toMatchObject({ risk: 'overdue', remainingWorkingDays: -1 });
    expect(deskDeadline(atRisk, service, today, defaultCalendar)).toMatchObject({ risk: 'at-risk', remainingWorkingDays: 3 });
    expect(deskDeadline(onTrack, service, today, defaultCalendar)).toMatchObject({ risk: 'on-track' });
  });

  it('dates the approval stage from the proposal: the same case sent three weeks ago is at risk', () => {
    const stuck: CaseRecord = { ...onTrack, dueDate: '2026-12-09', desk: { ...desk, assignee: 'officer', proposal: { outcome: 'approve', reasons: '符合規定', by: 'officer', at: '2026-12-07T01:00:00.000Z' } } };
    expect(deskDeadline(stuck, service, today, defaultCalendar)?.risk).toBe('at-risk');
    const longAgo: CaseRecord = { ...stuck, desk: { ...desk, assignee: 'officer', proposal: { outcome: 'approve', reasons: '符合規定', by: 'officer', at: '2026-11-23T01:00:00.000Z' } } };
    expect(deskDeadline(longAgo, service, today, defaultCalendar)?.risk).toBe('on-track');
  });

  it('is paused while documents are awaited, none once decided, unknown without the service', () => {
    expect(deskDeadline({ ...atRisk, status: 'awaiting-documents', clockPauses: [{ from: today }] }, service, today, defaultCalendar)).toEqual({ risk: 'paused', remainingWorkingDays: null, predictedDecisionOn: null });
    expect(deskDeadline({ ...atRisk, status: 'approved' }, service, today, defaultCalendar)).toBeUndefined();
    expect(deskDeadline(atRisk, undefined, today, defaultCalendar)?.risk).toBe('unknown');
  });

  it('comes overdue first, then at risk, then on track, in the order the desk lists them', async () => {
    db = new CounterDeskDb(`desk-risk-${crypto.randomUUID()}`);
    await db.cases.bulkPut([onTrack, overdue, atRisk].map((record) => ({ ...record, syncState: 'synced' as const })));
    const unit = await queryDesk({ queues: [unitQueue('PROPERTY')] }, db);
    const mine = await queryDesk({ queues: ['officer:officer'] }, db);
    expect([...unit.firstPage, ...mine.firstPage].map((row) => deskDeadline(row, service, today, defaultCalendar)?.risk)).toEqual(['overdue', 'at-risk', 'on-track']);
  });
});
