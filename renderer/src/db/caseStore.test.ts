import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createCase, getClientId, listCases, pendingMutations, recordPushResults, updateCase } from './caseStore';
import { CounterDeskDb } from './database';
import { caseRecordFixture } from '../testing/caseRecordFixture';

let counter = 0;
function freshDb(): CounterDeskDb {
  counter += 1;
  return new CounterDeskDb(`test-${counter}-${Date.now()}`);
}

const record = caseRecordFixture;

const dbs: CounterDeskDb[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

describe('caseStore', () => {
  it('writes each case with its createCase mutation, numbering both without gaps', async () => {
    const db = freshDb();
    dbs.push(db);
    const seen: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      await createCase({ stationCode: 'KL01', rocYear: 115, build: (sequence) => (seen.push(sequence), record(sequence)) }, db);
    }
    expect(seen).toEqual([1, 2, 3]);
    const pending = await pendingMutations(10, db);
    expect(pending.map((entry) => entry.id)).toEqual([1, 2, 3]);
    expect(pending.map((entry) => entry.mutation.name)).toEqual(['createCase', 'createCase', 'createCase']);
    expect((await listCases(db)).map((c) => c.syncState)).toEqual(['pending', 'pending', 'pending']);
  });

  it('leaves nothing behind and consumes no number when a write fails', async () => {
    const db = freshDb();
    dbs.push(db);
    await createCase({ stationCode: 'KL01', rocYear: 115, build: record }, db);
    // A second case with the same case number violates the unique index: the whole transaction aborts.
    await expect(createCase({ stationCode: 'KL01', rocYear: 115, build: (s) => record(s, { caseNo: '115-KL01-000001-X' }) }, db)).rejects.toThrow();
    expect(await listCases(db)).toHaveLength(1);
    expect((await pendingMutations(10, db)).map((e) => e.id)).toEqual([1]);
    const next = await createCase({ stationCode: 'KL01', rocYear: 115, build: record }, db);
    expect(next.caseNo).toBe('115-KL01-000002-X');
    expect((await pendingMutations(10, db)).map((e) => e.id)).toEqual([1, 2]);
  });

  it('numbers without gaps or repeats when another window or an edit consumed a counter between saves', async () => {
    const db = freshDb();
    // A second window on the same database: its saves make the first one's remembered counters stale.
    const other = new CounterDeskDb(db.name);
    dbs.push(db);
    const save = (on: CounterDeskDb) => createCase({ stationCode: 'KL01', rocYear: 115, build: (s) => record(s) }, on);
    const first = await save(db);
    await save(other);
    await save(db);
    await updateCase(first.id, (current) => ({ next: { ...current, applicant: { ...current.applicant, name: '王大明' } }, mutations: [{ name: 'setField', args: { caseId: current.id, field: 'applicant.name', base: current.applicant.name, value: '王大明' } }] }), db);
    await save(db);
    await save(other);
    other.close();
    const cases = await listCases(db);
    expect(cases.map((c) => c.caseNo).sort()).toEqual([1, 2, 3, 4, 5].map((n) => `115-KL01-${String(n).padStart(6, '0')}-X`));
    expect((await pendingMutations(10, db)).map((e) => e.id)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('marks a case synced when the server applied it, and keeps the reason when it refused', async () => {
    const db = freshDb();
    dbs.push(db);
    const first = await createCase({ stationCode: 'KL01', rocYear: 115, build: record }, db);
    const second = await createCase({ stationCode: 'KL01', rocYear: 115, build: record }, db);
    await recordPushResults(
      [
        { id: 1, status: 'applied' },
        { id: 2, status: 'rejected', code: 'unknown_service', message: '申請項目不存在 / unknown service' },
      ],
      db,
    );
    const byId = new Map((await listCases(db)).map((c) => [c.id, c]));
    expect(byId.get(first.id)?.syncState).toBe('synced');
    expect(byId.get(second.id)?.syncState).toBe('rejected');
    expect(byId.get(second.id)?.syncMessage).toContain('unknown service');
    expect(await pendingMutations(10, db)).toHaveLength(0);
  });

  it('keeps one client id for the life of the install', async () => {
    const db = freshDb();
    dbs.push(db);
    const id = await getClientId(db);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await getClientId(db)).toBe(id);
  });
});
