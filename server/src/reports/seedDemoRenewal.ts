/**
 * For the demo (SEED_DEMO=1): one approved 身心障礙 vehicle licence tax exemption whose re-assessment
 * date falls within the month, so the renewal reminder and the supervisor's renewal list have a case
 * on first start. Its station code is the demo's own, so no counter's case numbers move. Idempotent:
 * a new one is added only when no demo grant is still ahead (a long-lived demo database gets one again).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { formatCaseNo } from '../../../shared/domain/caseNumber';
import { defaultCatalogue, findService } from '../../../shared/domain/catalogue';
import { computeDueDate } from '../../../shared/domain/deadline';
import { addDays } from '../../../shared/domain/isoDate';
import { ROC_EPOCH_OFFSET, taipeiDate } from '../../../shared/domain/rocDate';
import type { CaseRecord } from '../../../shared/schemas/case';
import type { Database } from '../db/database';
import { seedCaseWithHistory } from './seedCaseHistory';

const DEMO_STATION = 'KLDEMO';

/** The demo's due date: the service's limit from the calendar, or ten days where the calendar has no such year. */
function dueDateOf(receivedOn: string): string {
  const service = findService(defaultCatalogue, 'VLT-DISABILITY');
  try {
    if (service) return computeDueDate(receivedOn, service.limit);
  } catch {
    // A demo database older than the calendar's years: any plausible day will do.
  }
  return addDays(receivedOn, 10);
}

export async function seedDemoRenewal(db: Database, now: Date): Promise<void> {
  const today = taipeiDate(now);
  const { rows } = await db.query<{ ahead: number; all: number }>(
    `SELECT count(*) FILTER (WHERE desk #>> '{decision,facts,expiresOn}' >= $2)::int AS ahead, count(*)::int AS all FROM cases WHERE station_code = $1`,
    [DEMO_STATION, today],
  );
  if ((rows[0]?.ahead ?? 0) > 0) return;
  const receivedOn = addDays(today, -330);
  const rocYear = Number(receivedOn.slice(0, 4)) - ROC_EPOCH_OFFSET;
  const day = (offset: number, time: string) => `${addDays(receivedOn, offset)}T${time}:00+08:00`;
  const record: CaseRecord = {
    id: randomUUID(),
    caseNo: formatCaseNo({ rocYear, stationCode: DEMO_STATION, sequence: (rows[0]?.all ?? 0) + 1 }),
    verifier: randomBytes(18).toString('base64url'),
    serviceId: 'VLT-DISABILITY',
    channel: 'field-visit',
    applicant: { kind: 'person', idNumber: 'C120735810', name: '張志明', phone: '0912000111' },
    checklist: [
      { document: '身心障礙證明', state: 'provided' },
      { document: '行車執照', state: 'provided' },
    ],
    status: 'closed',
    receivedOn,
    receivedAt: day(0, '10:00'),
    dueDate: dueDateOf(receivedOn),
    stationCode: DEMO_STATION,
    createdBy: 'fieldstaff',
    desk: {
      unit: 'CONSUMPTION',
      assignee: 'officer',
      notes: [],
      decision: {
        outcome: 'approve',
        reasons: '身心障礙證明有效，准予免徵使用牌照稅。',
        facts: { granted: '使用牌照稅免稅（車號 ABC-1234）', fromPeriod: `${rocYear}年`, expiresOn: addDays(today, 20) },
        level: 'chief',
        proposedBy: 'officer',
        decidedBy: 'supervisor',
        decidedOn: addDays(receivedOn, 3),
      },
      handover: { method: 'mail', registerNo: 'KL000123', on: addDays(receivedOn, 4), by: 'clerk' },
      closedOn: addDays(receivedOn, 4),
    },
  };
  await seedCaseWithHistory(db, record, [
    { at: day(0, '10:00'), to: 'received', actor: 'fieldstaff' },
    { at: day(1, '09:00'), to: 'in-review', actor: 'officer' },
    { at: day(2, '15:00'), to: 'pending-approval', actor: 'officer' },
    { at: day(3, '11:00'), to: 'approved', actor: 'supervisor' },
    { at: day(4, '10:00'), to: 'closed', actor: 'clerk' },
  ]);
}
