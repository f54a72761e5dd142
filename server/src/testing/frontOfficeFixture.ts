/**
 * A small front office whose figures were worked out by hand (frontOfficeReportRoutes.test.ts holds
 * the arithmetic): nine tickets on 2026-03-02/03 and one the day after, six ratings of a PROPERTY
 * case and a SERVICE case in February and March, two complaints, and a chief who oversees PROPERTY only.
 */
import { randomUUID } from 'node:crypto';
import type { CaseRecord } from '../../../shared/schemas/case';
import { hashPassword } from '../domain/password';
import { seedCaseWithHistory } from '../reports/seedCaseHistory';
import { insertQueueTickets, insertVisitRatings } from '../reports/seedFrontOffice';
import type { SeededTicket } from '../reports/seedFrontOffice';
import { insertUser } from '../store/accountStore';
import { addMembership } from '../store/unitStore';
import { buildCaseRecord } from './caseFixtures';
import type { TestServer } from './testServer';

export const CHIEF = { username: 'chief.property', password: 'chief-property-2026' };

const at = (day: string, time: string) => `2026-03-${day}T${time}:00+08:00`;
const counter1 = { station: 'KL01', label: '1號櫃台', by: 'clerk' };
const counter2 = { station: 'KL02', label: '2號櫃台', by: 'wang' };
const lane = { station: 'KL03', label: '免下車', by: 'clerk' };

function ticket(day: string, number: string, fields: Omit<SeededTicket, 'id' | 'officeDay' | 'number' | 'group' | 'source'> & { source?: SeededTicket['source'] }): SeededTicket {
  return { id: randomUUID(), officeDay: `2026-03-${day}`, number, group: number[0] as SeededTicket['group'], source: 'kiosk', ...fields };
}

export const fixtureTickets: readonly SeededTicket[] = [
  ticket('02', 'A001', { status: 'done', issuedAt: at('02', '09:00'), calledAt: at('02', '09:04'), finishedAt: at('02', '09:14'), called: counter1 }),
  ticket('02', 'A002', { status: 'done', issuedAt: at('02', '09:10'), calledAt: at('02', '09:20'), finishedAt: at('02', '09:25'), called: counter1 }),
  ticket('02', 'B001', { status: 'done', priority: 'senior', issuedAt: at('02', '09:30'), calledAt: at('02', '09:33'), finishedAt: at('02', '09:45'), called: counter2 }),
  ticket('02', 'B002', { status: 'no-show', issuedAt: at('02', '10:00'), calledAt: at('02', '10:15'), finishedAt: at('02', '10:18'), called: counter2 }),
  ticket('02', 'A003', { status: 'done', priority: 'disability', issuedAt: at('02', '10:05'), calledAt: at('02', '10:15'), finishedAt: at('02', '10:20'), called: counter1 }),
  ticket('03', 'C001', { status: 'done', issuedAt: at('03', '09:00'), calledAt: at('03', '09:30'), finishedAt: at('03', '09:40'), called: counter2 }),
  ticket('03', 'L001', { status: 'done', source: 'lane', issuedAt: at('03', '09:50'), calledAt: at('03', '09:52'), finishedAt: at('03', '10:00'), called: lane }),
  // Never called, a priority ticket: counts against the priority target, in no counter.
  ticket('03', 'D001', { status: 'waiting', priority: 'infant', issuedAt: at('03', '16:00') }),
  // Printed by a kiosk offline whose clock ran 30 s ahead: its wait counts as zero.
  ticket('03', 'D1-001', { status: 'done', issuedOffline: true, issuedAt: '2026-03-03T11:00:30+08:00', calledAt: at('03', '11:00'), finishedAt: at('03', '11:05'), called: counter1 }),
  // The day after the period.
  ticket('04', 'D002', { status: 'done', issuedAt: at('04', '09:00'), calledAt: at('04', '09:01'), finishedAt: at('04', '09:02'), called: counter1 }),
];

export interface FrontOfficeFixture {
  propertyCase: CaseRecord;
  serviceCase: CaseRecord;
  /** The ids of the ratings, by their names in the test (R1 … R6). */
  ratings: Record<'R1' | 'R2' | 'R3' | 'R4' | 'R5' | 'R6', string>;
}

async function seedCase(server: TestServer, sequence: number, overrides: Partial<CaseRecord>): Promise<CaseRecord> {
  const record = buildCaseRecord(sequence, { receivedOn: '2026-02-20', receivedAt: '2026-02-20T09:00:00+08:00', ...overrides });
  await seedCaseWithHistory(server.db, record, [{ at: record.receivedAt, to: 'received' }]);
  return record;
}

async function seedRatings(server: TestServer, propertyCase: CaseRecord, serviceCase: CaseRecord): Promise<FrontOfficeFixture['ratings']> {
  const ids = { R1: randomUUID(), R2: randomUUID(), R3: randomUUID(), R4: randomUUID(), R5: randomUUID(), R6: randomUUID() };
  const p = { caseId: propertyCase.id, serviceId: propertyCase.serviceId, stationCode: 'KL01', clerk: 'clerk' };
  const s = { caseId: serviceCase.id, serviceId: serviceCase.serviceId, stationCode: 'KL02', clerk: 'wang' };
  await insertVisitRatings(server.db, [
    { ...p, id: ids.R1, source: 'counter', score: 5, comment: '很快', ratedAt: at('02', '09:20') },
    { ...p, id: ids.R2, source: 'counter', score: 4, ratedAt: at('02', '10:00') },
    { ...s, id: ids.R3, source: 'counter', score: 2, comment: '=等太久', ratedAt: at('03', '09:45') },
    { ...s, id: ids.R4, source: 'survey', score: 1, speed: 1, courtesy: 2, comment: '態度不好', ratedAt: at('03', '15:00') },
    { ...p, id: ids.R5, source: 'counter', score: 3, comment: 'ok', ratedAt: '2026-02-20T11:00:00+08:00' },
    { ...p, id: ids.R6, source: 'survey', score: 5, speed: 4, courtesy: 5, ratedAt: '2026-02-25T10:00:00+08:00' },
  ]);
  return ids;
}

async function seedComplaint(server: TestServer, ratingId: string, caseId: string, openedAt: string, summary: string): Promise<void> {
  await server.db.query(
    `INSERT INTO petitions (id, rating_id, case_id, summary, status, opened_by, opened_at) VALUES ($1, $2, $3, $4, 'open', 'supervisor', $5)`,
    [randomUUID(), ratingId, caseId, summary, openedAt],
  );
}

export async function seedFrontOfficeFixture(server: TestServer): Promise<FrontOfficeFixture> {
  await insertUser(server.db, { username: CHIEF.username, displayName: '財產稅科科長', roles: ['supervisor'], passwordHash: await hashPassword(CHIEF.password) });
  await addMembership(server.db, { unit: 'PROPERTY', username: CHIEF.username, position: 'chief' });
  await insertQueueTickets(server.db, fixtureTickets);
  await server.db.query(
    `INSERT INTO queue_counter_days (office_day, station_code, label, groups, set_by, set_at) VALUES ('2026-03-02', 'KL01', '1號櫃台', '{A,D}', 'supervisor', now())`,
  );
  const propertyCase = await seedCase(server, 901, { serviceId: 'LVT-SELF-USE' });
  const serviceCase = await seedCase(server, 902, { serviceId: 'GEN-CERT', dueDate: '2026-02-20' });
  const ratings = await seedRatings(server, propertyCase, serviceCase);
  await seedComplaint(server, ratings.R4, serviceCase.id, '2026-03-04T10:00:00+08:00', '民眾反映態度');
  await seedComplaint(server, ratings.R5, propertyCase.id, '2026-02-21T10:00:00+08:00', '二月的陳情');
  return { propertyCase, serviceCase, ratings };
}
