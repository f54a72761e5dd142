import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { formatCaseNo } from '../../../shared/domain/caseNumber';
import type { CaseRecord } from '../../../shared/schemas/case';
import { caseHistory, recordAudit } from './auditStore';
import { casesOfApplicant, classifySearchText, FIRST_PAGE, normaliseName, queryCases, taipeiDayStart } from './caseQuery';
import { updateCase } from './caseStore';
import { pendingMutations } from './outbox';
import { createCaseForTest } from './createCaseForTest';
import { CounterDeskDb } from './database';

let counter = 0;
const dbs: CounterDeskDb[] = [];
function freshDb(): CounterDeskDb {
  counter += 1;
  const db = new CounterDeskDb(`query-${counter}-${Date.now()}`);
  dbs.push(db);
  return db;
}
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

const people = [
  { idNumber: 'A123456789', name: '王小明', phone: '0912345678' },
  { idNumber: 'F131104093', name: '王大同', phone: '0922333444' },
  { idNumber: 'O158238845', name: '陳美麗', phone: '0933444555' },
];

function record(sequence: number, overrides: Partial<CaseRecord> = {}): CaseRecord {
  const who = people[sequence % people.length] ?? people[0];
  const day = String(1 + (sequence % 20)).padStart(2, '0');
  return {
    id: `0190f0e0-0000-7000-8000-${String(sequence).padStart(12, '0')}`,
    caseNo: formatCaseNo({ rocYear: 115, stationCode: 'KL01', sequence }),
    verifier: 'abcdefghijklmnopqrstuv',
    serviceId: sequence % 2 ? 'HT-REGISTER' : 'GEN-ADDRESS',
    channel: 'counter',
    applicant: { kind: 'person', idNumber: who?.idNumber ?? '', name: who?.name ?? '', phone: who?.phone ?? '' },
    checklist: [{ document: '申報書 / declaration form', state: 'provided' }],
    status: sequence % 3 === 0 ? 'awaiting-documents' : 'received',
    receivedOn: `2026-03-${day}`,
    receivedAt: `2026-03-${day}T0${sequence % 10}:00:00.000Z`,
    dueDate: `2026-04-${day}`,
    stationCode: 'KL01',
    createdBy: 'clerk',
    ...overrides,
  };
}

async function seed(db: CounterDeskDb, n: number): Promise<void> {
  for (let i = 1; i <= n; i += 1) await createCaseForTest({ stationCode: 'KL01', rocYear: 115, build: (s) => record(s) }, db);
}

describe('classifySearchText', () => {
  it('tells case numbers, ids, phones and names apart', () => {
    const caseNo = formatCaseNo({ rocYear: 115, stationCode: 'KL01', sequence: 42 });
    expect(classifySearchText(caseNo.toLowerCase().replaceAll('-', ' '))).toEqual({ kind: 'caseNo', value: caseNo });
    expect(classifySearchText(`${caseNo.slice(0, -1)}${caseNo.endsWith('0') ? '1' : '0'}`).kind).toBe('invalid');
    expect(classifySearchText(' a123456789 ')).toEqual({ kind: 'idNumber', value: 'A123456789' });
    expect(classifySearchText('0912-345-678')).toEqual({ kind: 'phone', value: '0912345678' });
    expect(classifySearchText(' 王小明 ')).toEqual({ kind: 'name', value: '王小明' });
    expect(classifySearchText('John   Smith')).toEqual({ kind: 'name', value: 'John Smith' });
    expect(classifySearchText('12345').kind).toBe('invalid');
  });
});

describe('queryCases', () => {
  it('finds by case number, id, phone and whole name, and applies the other filters', async () => {
    const db = freshDb();
    await seed(db, 30);
    const byCaseNo = await queryCases({ text: formatCaseNo({ rocYear: 115, stationCode: 'KL01', sequence: 7 }), sort: 'received-desc' }, db);
    expect(byCaseNo.total).toBe(1);
    expect((await byCaseNo.fetch(0, 10))[0]?.id).toBe(record(7).id);
    expect((await queryCases({ text: 'A123456789', sort: 'received-desc' }, db)).total).toBe(10);
    expect((await queryCases({ text: '0922 333 444', sort: 'received-desc' }, db)).total).toBe(10);
    expect((await queryCases({ text: ' 陳美麗 ', sort: 'received-desc' }, db)).total).toBe(10);
    // 王大同 is sequences ≡ 1 (mod 3), none awaiting documents (≡ 0); 陳美麗 (≡ 2) neither.
    expect((await queryCases({ text: '王大同', status: 'awaiting-documents', sort: 'received-desc' }, db)).total).toBe(0);
    expect((await queryCases({ text: '陳美麗', status: 'received', sort: 'received-desc' }, db)).total).toBe(10);
    // A name is matched whole: never by its beginning, which the hashed index of encrypted data cannot answer.
    expect((await queryCases({ text: '王', sort: 'received-desc' }, db)).total).toBe(0);
    expect((await queryCases({ text: '王小', sort: 'received-desc' }, db)).total).toBe(0);
  });

  it('matches a name typed with other spacing or composition, and a record stored with an inner double space', async () => {
    const db = freshDb();
    await createCaseForTest({ stationCode: 'KL01', rocYear: 115, build: (s) => record(s, { applicant: { kind: 'person', idNumber: 'A123456789', name: 'John Smith', phone: '' } }) }, db);
    await createCaseForTest({ stationCode: 'KL01', rocYear: 115, build: (s) => record(s, { applicant: { kind: 'person', idNumber: 'A800000014', name: 'Jane  Doe', phone: '' } }) }, db);
    await createCaseForTest({ stationCode: 'KL01', rocYear: 115, build: (s) => record(s, { applicant: { kind: 'person', idNumber: 'F131104093', name: 'Zoë Ng', phone: '' } }) }, db);
    expect((await queryCases({ text: '  John \t Smith ', sort: 'received-desc' }, db)).total).toBe(1);
    expect((await queryCases({ text: 'Jane  Doe', sort: 'received-desc' }, db)).total).toBe(1);
    // "e" + combining diaeresis is composed to "ë" before the look-up.
    expect(normaliseName('Zoe\u0308 Ng')).toBe('Zoë Ng');
    expect((await queryCases({ text: 'Zoe\u0308 Ng', sort: 'received-desc' }, db)).total).toBe(1);
  });

  it('paints a broad filter before counting it, and counts exactly after', async () => {
    const db = freshDb();
    await db.cases.bulkAdd(Array.from({ length: 500 }, (_, i) => ({ ...record(i + 1), syncState: 'synced' as const })));
    const all = await queryCases({ sort: 'received-desc' }, db);
    expect(all.firstPage).toHaveLength(FIRST_PAGE);
    expect(all.total).toBeUndefined();
    expect(await all.count()).toBe(500);
    const awaiting = await queryCases({ status: 'awaiting-documents', sort: 'received-asc' }, db);
    expect(awaiting.total).toBeUndefined();
    expect(await awaiting.count()).toBe(166);
    // Counted in slices: the running total only grows, ends at the exact count, and a cancelled count stops.
    const seen: number[] = [];
    const dated = await queryCases({ from: '2026-03-03', to: '2026-03-18', sort: 'received-desc' }, db);
    const want = (await db.cases.toArray()).filter((c) => c.receivedAt >= taipeiDayStart('2026-03-03') && c.receivedAt < taipeiDayStart('2026-03-19')).length;
    expect(await dated.count({ onProgress: (n) => seen.push(n) })).toBe(want);
    expect(seen.length).toBeGreaterThan(1);
    expect(seen).toEqual([...seen].sort((x, y) => x - y));
    expect(seen.at(-1)).toBe(want);
    const abort = new AbortController();
    abort.abort();
    await expect(all.count({ signal: abort.signal })).rejects.toThrow();
    // A first page that holds every match is its own count.
    const few = await queryCases({ status: 'awaiting-documents', from: '2026-03-01', to: '2026-03-02', sort: 'received-desc' }, db);
    expect(few.total).toBe(few.firstPage.length);
    expect(await few.count()).toBe(few.firstPage.length);
    expect(few.firstPage.every((c) => c.status === 'awaiting-documents' && c.receivedOn <= '2026-03-02')).toBe(true);
  });

  it('pages an unfiltered or filtered list through the indexes in the order asked', async () => {
    const db = freshDb();
    await seed(db, 30);
    const all = Array.from({ length: 30 }, (_, i) => record(i + 1));
    const newest = await queryCases({ sort: 'received-desc' }, db);
    expect(newest.total).toBe(30);
    expect(await newest.count()).toBe(30);
    const expected = [...all].sort((a, b) => (a.receivedAt < b.receivedAt ? 1 : -1)).map((c) => c.id);
    expect([...(await newest.fetch(0, 10)), ...(await newest.fetch(10, 25))].map((c) => c.id)).toEqual(expected);

    const filtered = await queryCases({ status: 'received', serviceId: 'HT-REGISTER', from: '2026-03-05', to: '2026-03-12', sort: 'received-asc' }, db);
    const want = all
      .filter((c) => c.status === 'received' && c.serviceId === 'HT-REGISTER' && c.receivedAt >= taipeiDayStart('2026-03-05') && c.receivedAt < taipeiDayStart('2026-03-13'))
      .sort((a, b) => (a.receivedAt < b.receivedAt ? -1 : 1))
      .map((c) => c.id);
    expect(want.length).toBeGreaterThan(0);
    expect(filtered.total).toBe(want.length);
    expect((await filtered.fetch(0, 100)).map((c) => c.id)).toEqual(want);

    const byDue = await queryCases({ status: 'awaiting-documents', sort: 'due-asc' }, db);
    const due = (await byDue.fetch(0, 100)).map((c) => c.dueDate);
    expect(due).toEqual([...due].sort());
    expect(due).toHaveLength(10);
  });

  it('offers a returning applicant only the cases of exactly that id', async () => {
    const db = freshDb();
    await seed(db, 6);
    const mine = await casesOfApplicant('A123456789', 5, db);
    expect(mine.length).toBe(2);
    expect(mine.every((c) => c.applicant.idNumber === 'A123456789')).toBe(true);
    expect(await casesOfApplicant('A12345678', 5, db)).toEqual([]);
  });
});

describe('updateCase', () => {
  it('queues the change with the next gap-free mutation ids, in one transaction with the case', async () => {
    const db = freshDb();
    const created = await createCaseForTest({ stationCode: 'KL01', rocYear: 115, build: (s) => record(s) }, db);
    const updated = await updateCase(
      created.id,
      (current) => ({
        next: { ...current, status: 'received' },
        mutations: [
          { name: 'setField', args: { caseId: current.id, field: 'checklist', base: [], value: [] } },
          { name: 'transition', args: { caseId: current.id, to: 'received' } },
        ],
      }),
      db,
    );
    expect(updated.syncState).toBe('pending');
    expect((await pendingMutations(10, db)).map((e) => [e.id, e.mutation.name])).toEqual([
      [1, 'createCase'],
      [2, 'setField'],
      [3, 'transition'],
    ]);
    // A refused change writes nothing and consumes no id.
    await expect(updateCase(created.id, () => { throw new Error('no'); }, db)).rejects.toThrow('no');
    await createCaseForTest({ stationCode: 'KL01', rocYear: 115, build: (s) => record(s) }, db);
    expect((await pendingMutations(10, db)).map((e) => e.id)).toEqual([1, 2, 3, 4]);
    await recordAudit(created.id, 'clerk', 'printed-receipt', undefined, db);
    const history = await caseHistory(created.id, db);
    expect(history.map((h) => h.what)).toEqual(expect.arrayContaining(['createCase', 'setField', 'transition', 'printed-receipt']));
  });
});
