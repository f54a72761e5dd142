import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { CaseRecord } from '../../../shared/schemas/case';
import type { CaseDesk } from '../../../shared/schemas/caseDesk';
import { caseRecordFixture } from '../testing/caseRecordFixture';
import { CounterDeskDb } from './database';
import { DataKeyHolder } from './dataKeyHolder';
import { randomBytes } from './recordCipher';
import { deskQueueOf, officerQueue, unitQueue } from './deskIndex';
import { queryDesk } from './deskQuery';

let db: CounterDeskDb | undefined;
afterEach(async () => {
  await db?.delete();
  db = undefined;
});

function open(encryption?: DataKeyHolder): CounterDeskDb {
  db = new CounterDeskDb(`desk-${crypto.randomUUID()}`, encryption ? { encryption } : {});
  return db;
}

const desk = (unit: string, assignee?: string): CaseDesk => ({ unit, ...(assignee ? { assignee } : {}), notes: [] });

function deskCase(sequence: number, overrides: Partial<CaseRecord>): CaseRecord {
  return caseRecordFixture(sequence, { applicant: { kind: 'person', idNumber: 'A123456789', name: `申請人${sequence}`, phone: '' }, ...overrides });
}

async function store(database: CounterDeskDb, records: CaseRecord[]): Promise<void> {
  await database.cases.bulkPut(records.map((record) => ({ ...record, syncState: 'synced' as const })));
}

const caseNos = (rows: readonly { caseNo: string }[]) => rows.map((row) => row.caseNo);
const no = (sequence: number) => caseRecordFixture(sequence).caseNo;

describe('the desk queue of a case', () => {
  it('is its unit while open and unassigned, its officer while open and held, and none off the desk', () => {
    expect(deskQueueOf({ status: 'received', desk: desk('PROPERTY') })).toBe(unitQueue('PROPERTY'));
    expect(deskQueueOf({ status: 'in-review', desk: desk('PROPERTY', 'officer') })).toBe(officerQueue('officer'));
    expect(deskQueueOf({ status: 'approved', desk: desk('PROPERTY', 'officer') })).toBe(officerQueue('officer'));
    expect(deskQueueOf({ status: 'closed', desk: desk('PROPERTY', 'officer') })).toBeUndefined();
    expect(deskQueueOf({ status: 'withdrawn', desk: desk('PROPERTY') })).toBeUndefined();
    expect(deskQueueOf({ status: 'received' })).toBeUndefined();
  });

  it('is written with every stored case and follows it off the desk', async () => {
    const database = open();
    const record = deskCase(1, { desk: desk('PROPERTY') });
    await store(database, [record]);
    expect(await database.cases.get(record.id)).toHaveProperty('deskQueue', unitQueue('PROPERTY'));
    await database.cases.put({ ...record, desk: desk('PROPERTY', 'officer'), status: 'in-review', syncState: 'synced' });
    expect(await database.cases.get(record.id)).toHaveProperty('deskQueue', officerQueue('officer'));
    await database.cases.update(record.id, { status: 'closed' });
    expect(await database.cases.get(record.id)).not.toHaveProperty('deskQueue');
  });
});

describe('a desk list', () => {
  it("holds only its queues' open cases, the fewest days left first", async () => {
    const database = open();
    await store(database, [
      deskCase(1, { desk: desk('PROPERTY'), dueDate: '2026-12-20' }),
      deskCase(2, { desk: desk('PROPERTY'), dueDate: '2026-12-08' }),
      deskCase(3, { desk: desk('PROPERTY', 'officer'), dueDate: '2026-12-01' }),
      deskCase(4, { desk: desk('CONSUMPTION'), dueDate: '2026-12-02' }),
      deskCase(5, { desk: desk('PROPERTY'), dueDate: '2026-12-03', status: 'closed' }),
      deskCase(6, { dueDate: '2026-12-04' }),
      deskCase(7, { desk: desk('PROPERTY', 'another'), dueDate: '2026-12-05', status: 'in-review' }),
      deskCase(8, { desk: desk('PROPERTY', 'officer'), dueDate: '2026-12-09', status: 'pending-approval' }),
    ]);
    const unassigned = await queryDesk({ queues: [unitQueue('PROPERTY')] }, database);
    expect(caseNos(unassigned.firstPage)).toEqual([no(2), no(1)]);
    expect(unassigned.total).toBe(2);
    const mine = await queryDesk({ queues: [officerQueue('officer')] }, database);
    expect(caseNos(mine.firstPage)).toEqual([no(3), no(8)]);
  });

  it('merges the queues of several units by due date, page by page', async () => {
    const database = open();
    const records = Array.from({ length: 450 }, (_, i) =>
      deskCase(i + 1, { desk: desk(['PROPERTY', 'CONSUMPTION', 'SERVICE'][i % 3] ?? 'PROPERTY'), dueDate: `2026-12-${String(1 + ((i * 7) % 28)).padStart(2, '0')}` }),
    );
    await store(database, records);
    const results = await queryDesk({ queues: ['PROPERTY', 'CONSUMPTION', 'SERVICE'].map(unitQueue) }, database);
    expect(results.total).toBeUndefined();
    expect(await results.count()).toBe(450);
    const expected = [...records].sort((a, b) => (a.dueDate === b.dueDate ? (a.id < b.id ? -1 : 1) : a.dueDate < b.dueDate ? -1 : 1)).map((r) => r.caseNo);
    const pages = await Promise.all([results.fetch(0, 50), results.fetch(300, 50), results.fetch(50, 250), results.fetch(350, 200)]);
    expect(caseNos(results.firstPage)).toEqual(expected.slice(0, 50));
    expect(caseNos([pages[0], pages[2], pages[1], pages[3]].flat())).toEqual(expected);
  });

  it('filters by status and by service through their own ranges', async () => {
    const database = open();
    await store(database, [
      deskCase(1, { desk: desk('PROPERTY', 'officer'), status: 'in-review', serviceId: 'HT-REGISTER', dueDate: '2026-12-10' }),
      deskCase(2, { desk: desk('PROPERTY', 'officer'), status: 'received', serviceId: 'HT-REGISTER', dueDate: '2026-12-09' }),
      deskCase(3, { desk: desk('PROPERTY', 'officer'), status: 'in-review', serviceId: 'HT-LOW-INCOME', dueDate: '2026-12-08' }),
    ]);
    const queues = [officerQueue('officer')];
    expect(caseNos((await queryDesk({ queues, status: 'in-review' }, database)).firstPage)).toEqual([no(3), no(1)]);
    expect(caseNos((await queryDesk({ queues, serviceId: 'HT-REGISTER' }, database)).firstPage)).toEqual([no(2), no(1)]);
    expect(caseNos((await queryDesk({ queues, serviceId: 'HT-REGISTER', status: 'in-review' }, database)).firstPage)).toEqual([no(1)]);
  });

  it('pages sealed cases by their queue, which alone of the desk is stored in the clear', async () => {
    const holder = new DataKeyHolder();
    holder.set(randomBytes(32));
    const database = open(holder);
    await store(database, [deskCase(1, { desk: desk('PROPERTY'), dueDate: '2026-12-09' }), deskCase(2, { desk: desk('PROPERTY'), dueDate: '2026-12-08' })]);
    expect(caseNos((await queryDesk({ queues: [unitQueue('PROPERTY')] }, database)).firstPage)).toEqual([no(2), no(1)]);
    const raw = new Dexie(database.name);
    await raw.open();
    const [row] = await raw.table('cases').toArray();
    raw.close();
    expect(row).toMatchObject({ deskQueue: unitQueue('PROPERTY') });
    expect(row).not.toHaveProperty('desk');
    expect(JSON.stringify(row)).not.toContain('申請人');
  });

  it('finds a searched case only within its queues', async () => {
    const database = open();
    await store(database, [deskCase(1, { desk: desk('PROPERTY') }), deskCase(2, { desk: desk('CONSUMPTION') })]);
    expect(caseNos((await queryDesk({ queues: [unitQueue('PROPERTY')], text: '申請人1' }, database)).firstPage)).toEqual([no(1)]);
    expect((await queryDesk({ queues: [unitQueue('PROPERTY')], text: '申請人2' }, database)).total).toBe(0);
    expect((await queryDesk({ queues: [unitQueue('PROPERTY')], text: '123' }, database)).text.kind).toBe('invalid');
  });
});
