import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import { listCaseNotifications } from '../notifications/notificationStore';
import { assessOpenCases } from '../reports/caseAssessments';
import { seedCaseWithHistory } from '../reports/seedCaseHistory';
import { buildCaseRecord } from '../testing/caseFixtures';
import { openTestDatabase } from '../testing/testDatabase';
import { watchDeadlines } from './deadlineWatcher';

const settings = { publicBaseUrl: 'https://kltb.example', bureauPhone: '(02) 2433-1888' };
// Monday 2026-03-09, 10:00 in Taipei.
const now = new Date('2026-03-09T02:00:00Z');

describe('deadline watcher', () => {
  let db: Database;
  const stuck = buildCaseRecord(1);
  const moving = buildCaseRecord(2);
  const late = buildCaseRecord(3, { receivedOn: '2026-02-10', receivedAt: '2026-02-10T09:00:00+08:00', dueDate: '2026-03-05' });
  const waiting = buildCaseRecord(4, { status: 'awaiting-documents' });
  const noMobile = buildCaseRecord(5, { applicant: { kind: 'person', idNumber: 'A123456789', name: '林小華', phone: '' } });

  beforeAll(async () => {
    db = await openTestDatabase();
    await seedCaseWithHistory(db, stuck, [{ at: '2026-03-02T09:15:00+08:00', to: 'received' }]);
    await seedCaseWithHistory(db, moving, [
      { at: '2026-03-02T09:15:00+08:00', to: 'received' },
      { at: '2026-03-03T09:00:00+08:00', to: 'in-review' },
      { at: '2026-03-06T09:00:00+08:00', to: 'pending-approval' },
    ]);
    await seedCaseWithHistory(db, late, [{ at: '2026-02-10T09:00:00+08:00', to: 'received' }]);
    await seedCaseWithHistory(db, waiting, [{ at: '2026-03-02T09:15:00+08:00', to: 'awaiting-documents' }]);
    await seedCaseWithHistory(db, noMobile, [{ at: '2026-03-02T09:15:00+08:00', to: 'received' }]);
  });
  afterAll(() => db.close());

  it('assesses every open case by its stage, not its age', async () => {
    const cases = await assessOpenCases(db, { now });
    const byNo = new Map(cases.map((item) => [item.caseNo, item]));
    expect(byNo.get(stuck.caseNo)).toMatchObject({ risk: 'at-risk', remainingWorkingDays: 7, predictedDecisionOn: '2026-03-20', applicantMasked: '王○明', unit: 'PROPERTY' });
    expect(byNo.get(moving.caseNo)).toMatchObject({ risk: 'on-track', status: 'pending-approval', simple: false, missingDocuments: 1 });
    expect(byNo.get(late.caseNo)).toMatchObject({ risk: 'overdue', remainingWorkingDays: -2 });
    expect(byNo.get(waiting.caseNo)).toMatchObject({ risk: 'paused' });
    expect(JSON.stringify(cases)).not.toContain('王大明');
  });

  it('tells the citizen of an at-risk case once, however many runs see it, and never of an overdue one', async () => {
    const first = await watchDeadlines(db, { ...settings, now });
    expect(first).toEqual({ assessed: 5, atRisk: 2, overdue: 1, notified: 2 });
    const second = await watchDeadlines(db, { ...settings, now: new Date(now.getTime() + 60 * 60 * 1000) });
    expect(second).toMatchObject({ atRisk: 2, notified: 0 });

    const messages = await listCaseNotifications(db, stuck.id);
    expect(messages).toEqual([expect.objectContaining({ kind: 'at-risk', status: 'pending' })]);
    expect(await listCaseNotifications(db, late.id)).toEqual([]);
    expect(await listCaseNotifications(db, moving.id)).toEqual([]);
    expect(await listCaseNotifications(db, noMobile.id)).toEqual([expect.objectContaining({ kind: 'at-risk', status: 'skipped', skipReason: 'no-mobile' })]);
    const { rows } = await db.query<{ body: string }>("SELECT body FROM notifications WHERE case_id = $1", [stuck.id]);
    expect(rows[0]?.body).toContain('115/03/18');
  });
});
