import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { formatCaseNo } from '../../../shared/domain/caseNumber';
import type { CaseRecord } from '../../../shared/schemas/case';
import { caseHistory, recordAudit } from './auditStore';
import { casesOfApplicant, classifySearchText, queryCases, taipeiDayStart } from './caseQuery';
import { createCase, pendingMutations, updateCase } from './caseStore';
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
  for (let i = 1; i <= n; i += 1) await createCase({ stationCode: 'KL01', rocYear: 115, build: (s) => record(s) }, db);
}

describe('classifySearchText', () => {
  it('tells case numbers, ids, phones and names apart', () => {
    const caseNo = formatCaseNo({ rocYear: 115, stationCode: 'KL01', sequence: 42 });
    expect(classifySearchText(caseNo.toLowerCase().replaceAll('-', ' '))).toEqual({ kind: 'caseNo', value: caseNo });
    expect(classifySearchText(`${caseNo.slice(0, -1)}${caseNo.endsWith('0') ? '1' : '0'}`).kind).toBe('invalid');
    expect(classifySearchText(' a123456789 ')).toEqual({ kind: 'idNumber', value: 'A123456789' });
    expect(classifySearchText('0912-345-678')).toEqual({ kind: 'phone', value: '0912345678' });
    expect(classifySearchText('王小')).toEqual({ kind: 'name', value: '王小' });
    expect(classifySearchText('12345').kind).toBe('invalid');
  });
});

describe('queryCases', () => {
  it('finds by case number, id, phone and name prefix, and applies the other filters', async () => {
    const db = freshDb();
    await seed(db, 30);
    const byCaseNo = await queryCases({ text: formatCaseNo({ rocYear: 115, stationCode: 'KL01', sequence: 7 }), sort: 'received-desc' }, db);
    expect(byCaseNo.total).toBe(1);
    expect((await byCaseNo.fetch(0, 10))[0]?.id).toBe(record(7).id);
    expect((await queryCases({ text: 'A123456789', sort: 'received-desc' }, db)).total).toBe(10);
    expect((await queryCases({ text: '0922 333 444', sort: 'received-desc' }, db)).total).toBe(10);
    expect((await queryCases({ text: '王', sort: 'received-desc' }, db)).total).toBe(20);
    // 王 are sequences ≡ 0, 1 (mod 3); awaiting documents are ≡ 0: ten of them.
    expect((await queryCases({ text: '王', status: 'awaiting-documents', sort: 'received-desc' }, db)).total).toBe(10);
  });

  it('pages an unfiltered or filtered list through the indexes in the order asked', async () => {
    const db = freshDb();
    await seed(db, 30);
    const all = Array.from({ length: 30 }, (_, i) => record(i + 1));
    const newest = await queryCases({ sort: 'received-desc' }, db);
    expect(newest.total).toBe(30);
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
    const created = await createCase({ stationCode: 'KL01', rocYear: 115, build: (s) => record(s) }, db);
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
    await createCase({ stationCode: 'KL01', rocYear: 115, build: (s) => record(s) }, db);
    expect((await pendingMutations(10, db)).map((e) => e.id)).toEqual([1, 2, 3, 4]);
    await recordAudit(created.id, 'clerk', 'printed-receipt', undefined, db);
    const history = await caseHistory(created.id, db);
    expect(history.map((h) => h.what)).toEqual(expect.arrayContaining(['createCase', 'setField', 'transition', 'printed-receipt']));
  });
});
