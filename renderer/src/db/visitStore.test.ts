import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { PlannedVisit, VisitPlan } from '../../../shared/schemas/visit';
import { CounterDeskDb } from './database';
import { getVisit, linkVisitCase, listDayVisits, markOutcomeSent, pendingOutcomes, recordLocalOutcome, saveDownloadedPlan } from './visitStore';
import { plannedVisitFixture } from '../testing/caseRecordFixture';

let counter = 0;
function freshDb(): CounterDeskDb {
  counter += 1;
  return new CounterDeskDb(`visits-${counter}-${Date.now()}`);
}

const visit = plannedVisitFixture;

const plan = (visits: PlannedVisit[]): VisitPlan => ({ planDate: '2026-11-27', generatedAt: '2026-11-27T00:00:00.000Z', visits });

describe('visitStore', () => {
  it('keeps the local case and outcome when the plan is downloaded again, and drops only untouched cancelled visits', async () => {
    const db = freshDb();
    await saveDownloadedPlan(plan([visit(3), visit(1), visit(2)]), db);
    expect((await listDayVisits('2026-11-27', db)).map((row) => row.time)).toEqual(['01:00', '02:00', '03:00']);

    await linkVisitCase(visit(1).id, '0190f0e0-0000-7000-8000-00000000aaaa', '115-KL01-000001-X', db);
    await recordLocalOutcome(visit(1).id, { state: 'done', caseId: '0190f0e0-0000-7000-8000-00000000aaaa', receipt: 'sms', reportedAt: '2026-11-27T02:00:00.000Z' }, db);
    await recordLocalOutcome(visit(2).id, { state: 'not-done', reason: '無人在家', reportedAt: '2026-11-27T03:00:00.000Z' }, db);

    // The supervisor moved visit 1, cancelled visit 2 (already worked) and visit 3 (untouched).
    await saveDownloadedPlan(plan([visit(1, { time: '01:30' })]), db);
    const rows = await listDayVisits('2026-11-27', db);
    expect(rows.map((row) => [row.time, row.state, row.outcomeSync])).toEqual([
      ['01:30', 'done', 'pending'],
      ['02:00', 'not-done', 'pending'],
    ]);
    expect(rows[0]?.caseNo).toBe('115-KL01-000001-X');
    expect((await pendingOutcomes(db)).map((row) => row.id).sort()).toEqual([visit(1).id, visit(2).id]);
  });

  it('stops taking outcomes for a visit once the server has one', async () => {
    const db = freshDb();
    await saveDownloadedPlan(plan([visit(1)]), db);
    await recordLocalOutcome(visit(1).id, { state: 'not-done', reason: '改期', reportedAt: '2026-11-27T03:00:00.000Z' }, db);
    await markOutcomeSent(
      visit(1).id,
      { state: 'not-done', reason: '改期', caseId: null, caseNo: null, receipt: null, recordedAt: '2026-11-27T05:00:00.000Z', reportedBy: 'fieldstaff', sms: 'none' },
      db,
    );
    expect(await pendingOutcomes(db)).toEqual([]);
    await expect(recordLocalOutcome(visit(1).id, { state: 'not-done', reason: '無人在家', reportedAt: '2026-11-27T06:00:00.000Z' }, db)).rejects.toThrow(/already/);
    expect((await getVisit(visit(1).id, db))?.localOutcome).toMatchObject({ reason: '改期' });
  });

  it('leaves out a row that no longer parses instead of trusting it', async () => {
    const db = freshDb();
    await saveDownloadedPlan(plan([visit(1)]), db);
    await db.table('visits').put({ id: 'broken', planDate: '2026-11-27', state: 'planned' });
    expect((await listDayVisits('2026-11-27', db)).map((row) => row.id)).toEqual([visit(1).id]);
  });
});
