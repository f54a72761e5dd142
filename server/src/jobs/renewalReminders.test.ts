import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseRecord } from '../../../shared/schemas/case';
import type { Decision } from '../../../shared/schemas/caseDesk';
import type { Database } from '../db/database';
import { seedCaseWithHistory } from '../reports/seedCaseHistory';
import type { SeededEvent } from '../reports/seedCaseHistory';
import { buildCaseRecord } from '../testing/caseFixtures';
import { openTestDatabase } from '../testing/testDatabase';
import { remindRenewals } from './renewalReminders';

const settings = { publicBaseUrl: 'https://kltb.example', bureauPhone: '(02) 2433-1888' };
// Monday 2026-03-09, 10:00 in Taipei: the window runs to 2026-04-09.
const now = new Date('2026-03-09T02:00:00Z');

const decided: SeededEvent[] = [
  { at: '2025-04-01T10:00:00+08:00', to: 'received' },
  { at: '2025-04-02T10:00:00+08:00', to: 'in-review' },
  { at: '2025-04-03T10:00:00+08:00', to: 'pending-approval' },
];
const decision = (outcome: 'approve' | 'reject', expiresOn?: string): Decision => ({
  outcome,
  reasons: outcome === 'approve' ? '符合身心障礙免稅要件' : '不符要件',
  level: 'chief',
  decidedBy: 'supervisor',
  decidedOn: '2025-04-07',
  ...(expiresOn ? { facts: { granted: '使用牌照稅免稅', expiresOn } } : {}),
});

describe('renewal reminders', () => {
  let db: Database;
  let sequence = 0;
  const seed = async (outcome: 'approve' | 'reject', expiresOn: string | undefined, overrides: Partial<CaseRecord> = {}) => {
    sequence += 1;
    const record = buildCaseRecord(sequence, {
      serviceId: 'VLT-DISABILITY',
      receivedOn: '2025-04-01',
      receivedAt: '2025-04-01T10:00:00+08:00',
      dueDate: '2025-04-10',
      desk: { unit: 'CONSUMPTION', assignee: 'officer', notes: [], decision: decision(outcome, expiresOn), closedOn: '2025-04-08' },
      ...overrides,
    });
    await seedCaseWithHistory(db, record, [...decided, { at: '2025-04-07T10:00:00+08:00', to: outcome === 'approve' ? 'approved' : 'rejected' }, { at: '2025-04-08T10:00:00+08:00', to: 'closed' }]);
    return record;
  };
  const reminders = async () =>
    (
      await db.query<{ case_no: string; event_key: string; status: string; body: string }>(
        "SELECT c.case_no, n.event_key, n.status, n.body FROM notifications n JOIN cases c ON c.id = n.case_id WHERE n.kind = 'renewal' ORDER BY n.id",
      )
    ).rows;
  const cases: Record<string, CaseRecord> = {};

  beforeAll(async () => {
    db = await openTestDatabase();
    cases.soon = await seed('approve', '2026-03-20');
    cases.lastDay = await seed('approve', '2026-04-09');
    cases.beyond = await seed('approve', '2026-04-10');
    cases.past = await seed('approve', '2026-03-08');
    cases.rejected = await seed('reject', '2026-03-20');
    cases.noExpiry = await seed('approve', undefined);
    cases.noMobile = await seed('approve', '2026-03-25', { applicant: { kind: 'person', idNumber: 'A123456789', name: '林小華', phone: '' } });
  });
  afterAll(() => db.close());

  it('reminds once per case and expiry within the month, nothing beyond it or for a rejection', async () => {
    expect(await remindRenewals(db, { ...settings, now })).toEqual({ due: 3, queued: 3 });
    const queued = await reminders();
    expect(queued.map((row) => [row.case_no, row.event_key, row.status])).toEqual([
      [cases.soon?.caseNo, 'expires-2026-03-20', 'pending'],
      [cases.noMobile?.caseNo, 'expires-2026-03-25', 'skipped'],
      [cases.lastDay?.caseNo, 'expires-2026-04-09', 'pending'],
    ]);
    expect(queued[0]?.body).toContain('核定將於115/03/20到期，請洽本局續辦');
    expect(queued[0]?.body).toContain(`/q/${cases.soon?.caseNo ?? ''}?v=`);
  });

  it('queues nothing more on a second run, and again once the grant is renewed with a new expiry', async () => {
    expect(await remindRenewals(db, { ...settings, now: new Date(now.getTime() + 60 * 60 * 1000) })).toEqual({ due: 3, queued: 0 });
    expect(await reminders()).toHaveLength(3);

    // Re-assessed: the same case now runs to 2026-03-31; its new expiry is reminded once.
    await db.query(`UPDATE cases SET desk = jsonb_set(desk, '{decision,facts,expiresOn}', '"2026-03-31"') WHERE id = $1`, [cases.soon?.id]);
    expect(await remindRenewals(db, { ...settings, now })).toEqual({ due: 3, queued: 1 });
    expect(await remindRenewals(db, { ...settings, now })).toEqual({ due: 3, queued: 0 });
    expect((await reminders()).filter((row) => row.case_no === cases.soon?.caseNo).map((row) => row.event_key)).toEqual(['expires-2026-03-20', 'expires-2026-03-31']);
  });
});
