/**
 * For the demo (SEED_DEMO=1): the hall's last 60 days — the tickets of each office day
 * (demoQueueDay.ts), a few citizens' ratings a day with comments, and two complaints opened from low
 * ones — so the demo supervisor's front office report and monthly analysis are not empty. The low
 * ratings are acknowledged, as a supervisor would have done then, so they do not fill today's alerts.
 *
 * Ratings belong to cases, so six closed demo cases (one per service, station KLDEMO like the demo
 * renewal, so no counter's case numbers move) carry them; each stands for the visits of its service,
 * and its ratings name the counter and clerk of the visit. Nothing is seeded for today: today's queue
 * is the live one. Made the same way on every start; days already seeded are left alone.
 */
import { formatCaseNo } from '../../../shared/domain/caseNumber';
import { defaultCalendar } from '../../../shared/domain/calendar';
import { DEFAULT_UNIT, defaultCatalogue, findService, handlingUnitOf } from '../../../shared/domain/catalogue';
import { addDays, dayOfWeek, toDayNumber } from '../../../shared/domain/isoDate';
import { ROC_EPOCH_OFFSET, taipeiDate } from '../../../shared/domain/rocDate';
import type { CaseRecord } from '../../../shared/schemas/case';
import { LOW_RATING_MAX } from '../../../shared/schemas/visitRating';
import type { Database } from '../db/database';
import { seededRandom } from '../../../shared/domain/seededRandom';
import { demoCounters, demoQueueDay, demoUuid, pick } from './demoQueueDay';
import { seedCaseWithHistory } from './seedCaseHistory';
import { insertQueueTickets, insertVisitRatings } from './seedFrontOffice';
import type { SeededRating } from './seedFrontOffice';

const DAYS = 60;
/**
 * The rated cases were received before the demo renewal (330 days ago), which stays the latest demo
 * case: the ratings demo (seedDemoRatings.ts) rates that one, and today's low rating falls on it.
 */
const RATED_CASES_AGE_DAYS = 400;
const DEMO_STATION = 'KLDEMO';
const services = ['LVT-SELF-USE', 'HT-USE-CHANGE', 'LVIT-GENERAL', 'DT-DECLARE', 'VLT-DISABILITY', 'GEN-CERT'] as const;
const applicants = ['林美惠', '陳建宏', '黃淑芬', '張家豪', '李雅婷', '王俊傑'];
/** Valid national IDs of nobody the demo or the tests type, so these cases are no one's earlier visits at intake. */
const applicantIds = ['C226403015', 'C226403382', 'C226403757', 'C226404129', 'C226404496', 'C226404861'];
const comments: Readonly<Record<number, readonly string[]>> = {
  1: ['等了快一個小時', '承辦人態度不耐煩'],
  2: ['說明不夠清楚，要跑兩趟', '叫號後櫃台沒人'],
  3: ['還可以', '停車不方便'],
  4: ['服務親切', '很快就辦好了'],
  5: ['非常感謝細心說明', '效率很好，讚'],
};
const scoreMix = [5, 5, 5, 5, 5, 4, 4, 4, 4, 3, 3, 2, 1];

const isOfficeDay = (day: string): boolean => {
  try {
    return defaultCalendar.isWorkingDay(day);
  } catch {
    // A day outside the calendar's years: weekdays.
    return dayOfWeek(day) !== 0 && dayOfWeek(day) !== 6;
  }
};

function demoCase(index: number, receivedOn: string): CaseRecord {
  const serviceId = services[index] ?? 'GEN-CERT';
  const service = findService(defaultCatalogue, serviceId);
  const decidedOn = addDays(receivedOn, 1);
  return {
    id: demoUuid(`rated-case:${index}`),
    caseNo: formatCaseNo({ rocYear: Number(receivedOn.slice(0, 4)) - ROC_EPOCH_OFFSET, stationCode: DEMO_STATION, sequence: 990_001 + index }),
    verifier: demoUuid(`rated-case-verifier:${index}`).replace(/-/g, ''),
    serviceId,
    channel: 'counter',
    applicant: { kind: 'person', idNumber: applicantIds[index] ?? 'C226403015', name: applicants[index] ?? '王大明', phone: '' },
    checklist: [{ document: '申請書', state: 'provided' }],
    status: 'closed',
    receivedOn,
    receivedAt: `${receivedOn}T10:00:00+08:00`,
    dueDate: addDays(receivedOn, 10),
    stationCode: DEMO_STATION,
    // Taken in by a counter clerk of the demo's history, not the demo clerk: the demo clerk's own list holds only their cases.
    createdBy: 'clerk-history',
    desk: {
      unit: service ? handlingUnitOf(service) : DEFAULT_UNIT,
      assignee: 'officer',
      notes: [],
      decision: { outcome: 'approve', reasons: '符合規定，准予辦理。', level: 'chief', proposedBy: 'officer', decidedBy: 'supervisor', decidedOn },
      handover: { method: 'pickup', on: decidedOn, by: 'clerk-history' },
      closedOn: decidedOn,
    },
  };
}

/** The six rated demo cases, made once, received long before the first seeded day. */
async function ensureDemoCases(db: Database, today: string): Promise<CaseRecord[]> {
  const cases = services.map((_, index) => demoCase(index, addDays(today, -RATED_CASES_AGE_DAYS)));
  const { rows } = await db.query<{ id: string; case_no: string; service_id: string }>('SELECT id, case_no, service_id FROM cases WHERE id = ANY($1::uuid[])', [cases.map((c) => c.id)]);
  const stored = new Map(rows.map((row) => [row.id, row]));
  for (const record of cases) {
    if (stored.has(record.id)) continue;
    const at = (offset: number, time: string) => `${addDays(record.receivedOn, offset)}T${time}:00+08:00`;
    await seedCaseWithHistory(db, record, [
      { at: at(0, '10:00'), to: 'received', actor: 'clerk-history' },
      { at: at(0, '14:00'), to: 'in-review', actor: 'officer' },
      { at: at(1, '09:00'), to: 'pending-approval', actor: 'officer' },
      { at: at(1, '11:00'), to: 'approved', actor: 'supervisor' },
      { at: at(1, '15:00'), to: 'closed', actor: 'clerk-history' },
    ]);
  }
  return cases;
}

/** A few ratings of one day's visits (the case's service, the visit's counter and clerk). */
function demoRatings(day: string, cases: readonly CaseRecord[]): SeededRating[] {
  const random = seededRandom(toDayNumber(day) + 7);
  const count = 3 + Math.floor(random() * 4);
  return Array.from({ length: count }, (_, index) => {
    const record = pick(random, cases);
    const counter = pick(random, demoCounters.slice(0, 3));
    const score = pick(random, scoreMix);
    const comment = random() < (score <= 2 ? 0.9 : 0.35) ? pick(random, comments[score] ?? []) : undefined;
    const minute = 9 * 60 + Math.floor(random() * 7 * 60);
    const ratedAt = new Date(Date.parse(`${day}T00:00:00+08:00`) + minute * 60_000).toISOString();
    return {
      id: demoUuid(`rating:${day}:${index}`),
      caseId: record.id,
      source: 'counter',
      score,
      ...(comment ? { comment } : {}),
      ratedAt,
      serviceId: record.serviceId,
      stationCode: counter.station,
      clerk: counter.clerk,
      // Seen the same day: past low ratings do not wait in the supervisor's alerts (decision 0037).
      ...(score <= LOW_RATING_MAX ? { acknowledged: { at: new Date(Date.parse(ratedAt) + 2 * 60 * 60_000).toISOString(), by: 'supervisor' } } : {}),
    };
  });
}

/** Two complaints from the comments of the latest low ratings, the older one closed; once, not again each day. */
async function demoComplaints(db: Database, cases: readonly CaseRecord[], ratings: readonly SeededRating[]): Promise<void> {
  const { rows } = await db.query('SELECT 1 FROM petitions WHERE case_id = ANY($1::uuid[]) LIMIT 1', [cases.map((c) => c.id)]);
  if (rows.length > 0) return;
  const low = ratings.filter((rating) => rating.score <= LOW_RATING_MAX && rating.comment).slice(-2);
  for (const [index, rating] of low.entries()) {
    const closed = index === 0 && low.length === 2;
    await db.query(
      `INSERT INTO petitions (id, rating_id, case_id, summary, status, opened_by, opened_at, resolution, closed_by, closed_at)
       VALUES ($1, $2, $3, $4, $5, 'supervisor', $6::timestamptz + interval '1 hour', $7, $8, CASE WHEN $5 = 'closed' THEN $6::timestamptz + interval '2 days' END)
       ON CONFLICT DO NOTHING`,
      [demoUuid(`petition:${rating.id}`), rating.id, rating.caseId, `民眾反映：${rating.comment ?? ''}`, closed ? 'closed' : 'open', rating.ratedAt, closed ? '已向民眾致歉並說明改善作法。' : null, closed ? 'supervisor' : null],
    );
  }
}

export async function seedDemoFrontOffice(db: Database, now: Date): Promise<void> {
  const today = taipeiDate(now);
  const days = Array.from({ length: DAYS }, (_, offset) => addDays(today, -(offset + 1))).filter(isOfficeDay).reverse();
  const { rows } = await db.query<{ day: string }>('SELECT DISTINCT office_day::text AS day FROM queue_tickets WHERE office_day BETWEEN $1::date AND $2::date', [days[0], days.at(-1)]);
  const seeded = new Set(rows.map((row) => row.day));
  const missing = days.filter((day) => !seeded.has(day));
  if (missing.length === 0) return;
  const cases = await ensureDemoCases(db, today);
  const ratings = missing.flatMap((day) => demoRatings(day, cases));
  await db.transaction(async (tx) => {
    await insertQueueTickets(tx, missing.flatMap(demoQueueDay));
    await insertVisitRatings(tx, ratings);
  });
  await demoComplaints(db, cases, ratings);
}
