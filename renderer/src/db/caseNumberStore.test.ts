import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { ServerCase } from '../../../shared/sync/protocol';
import { caseRecordFixture } from '../testing/caseRecordFixture';
import { CaseNumbersUsedUp, caseNumberReport, remainingCaseNumbers, storeCaseNumberBlocks } from './caseNumberStore';
import { createCase, getCase, listCases } from './caseStore';
import { applyPullPage } from './syncedCopy';
import { pendingMutations, recordPushOutcome } from './outbox';
import { CounterDeskDb } from './database';

/** Saving numbers cases from the install's blocks (decision 0016), in the same transaction as before. */
let counter = 0;
const dbs: CounterDeskDb[] = [];
function freshDb(): CounterDeskDb {
  counter += 1;
  const db = new CounterDeskDb(`case-numbers-${counter}-${Date.now()}`);
  dbs.push(db);
  return db;
}
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

const save = (db: CounterDeskDb, overrides: Parameters<typeof caseRecordFixture>[1] = {}) =>
  createCase({ stationCode: 'KL01', rocYear: 115, build: (sequence) => caseRecordFixture(sequence, overrides) }, db);
const give = (db: CounterDeskDb, ...blocks: Array<[number, number]>) =>
  storeCaseNumberBlocks(
    db,
    'KL01',
    blocks.map(([first, last]) => ({ rocYear: 115, first, last, highestUsed: 0 })),
  );
const sequences = async (db: CounterDeskDb) => (await listCases(db)).map((c) => Number(c.caseNo.split('-')[2])).sort((a, b) => a - b);

describe('numbering from blocks', () => {
  it('refuses a save with no number left, writing nothing and consuming no mutation id', async () => {
    const db = freshDb();
    await expect(save(db)).rejects.toBeInstanceOf(CaseNumbersUsedUp);
    expect(await listCases(db)).toEqual([]);
    await give(db, [7, 7]);
    const saved = await save(db);
    expect(saved.caseNo).toBe('115-KL01-000007-X');
    expect((await pendingMutations(10, db)).map((entry) => entry.id)).toEqual([1]);
    await expect(save(db)).rejects.toThrow(/connect to the server/);
  });

  it('takes the numbers of its blocks in order, across blocks, and never one twice', async () => {
    const db = freshDb();
    await give(db, [20, 21], [5, 6]);
    for (let i = 0; i < 4; i += 1) await save(db);
    expect(await sequences(db)).toEqual([5, 6, 20, 21]);
    await expect(save(db)).rejects.toBeInstanceOf(CaseNumbersUsedUp);
    expect(await remainingCaseNumbers(db, 'KL01', 115)).toBe(0);
  });

  it('keeps a block reserved between two saves (the quick save path does not write over it)', async () => {
    const db = freshDb();
    await give(db, [1, 2]);
    await save(db);
    await give(db, [100, 101]);
    await save(db);
    await save(db);
    expect(await sequences(db)).toEqual([1, 2, 100]);
    expect(await remainingCaseNumbers(db, 'KL01', 115)).toBe(1);
  });

  it('brings a restored copy forward to the highest number the server has seen from its blocks', async () => {
    const db = freshDb();
    await give(db, [1, 1000]);
    await save(db);
    await storeCaseNumberBlocks(db, 'KL01', [{ rocYear: 115, first: 1, last: 1000, highestUsed: 40 }]);
    expect((await save(db)).caseNo).toBe('115-KL01-000041-X');
    // An answer that knows less never moves the install back.
    await storeCaseNumberBlocks(db, 'KL01', [{ rocYear: 115, first: 1, last: 1000, highestUsed: 3 }]);
    expect((await save(db)).caseNo).toBe('115-KL01-000042-X');
  });

  it('skips a number another case on this device already holds instead of failing every save', async () => {
    const db = freshDb();
    await give(db, [1, 1000]);
    // A case of another install under number 1, pulled before this install had blocks.
    const pulled: ServerCase = { ...caseRecordFixture(1, { id: '0190f0e0-0000-7000-8000-0000000000aa' }), syncedAt: '2026-11-27T03:00:00.000Z' };
    await applyPullPage([{ seq: 1, kind: 'case', id: pulled.id, data: pulled }], 1, db);
    expect((await save(db)).caseNo).toBe('115-KL01-000002-X');
    expect(await sequences(db)).toEqual([1, 2]);
  });

  it('does not let a pulled case fail the pull when a refused local case holds its number', async () => {
    const db = freshDb();
    await give(db, [1, 1000]);
    const mine = await save(db);
    const [entry] = await pendingMutations(10, db);
    await recordPushOutcome([{ id: entry?.id ?? 0, status: 'rejected', code: 'case_no_taken', message: 'taken' }], db);
    const theirs: ServerCase = { ...caseRecordFixture(1, { id: '0190f0e0-0000-7000-8000-0000000000bb' }), syncedAt: '2026-11-27T03:00:00.000Z' };
    const other: ServerCase = { ...caseRecordFixture(500, { id: '0190f0e0-0000-7000-8000-0000000000cc' }), syncedAt: '2026-11-27T03:00:00.000Z' };
    await applyPullPage(
      [
        { seq: 1, kind: 'case', id: theirs.id, data: theirs },
        { seq: 2, kind: 'case', id: other.id, data: other },
      ],
      2,
      db,
    );
    expect(await getCase(mine.id, db)).toMatchObject({ caseNo: mine.caseNo, syncState: 'rejected' });
    expect(await getCase(theirs.id, db)).toBeUndefined();
    expect(await getCase(other.id, db)).toBeDefined();
    expect((await db.meta.get('pullCursor'))?.value).toBe(2);
  });

  it('reports the numbers left and the highest used, counting the counter of older versions', async () => {
    const db = freshDb();
    await db.meta.put({ key: 'caseSequence:KL01:115', value: 42 });
    await give(db, [43, 1042]);
    await save(db);
    expect(await caseNumberReport(db, 'KL01', [115, 116])).toEqual([
      { rocYear: 115, remaining: 999, highestUsed: 43 },
      { rocYear: 116, remaining: 0, highestUsed: 0 },
    ]);
    await db.meta.put({ key: 'caseNumbers:KL01:116', value: 'not what this version stores' });
    expect((await caseNumberReport(db, 'KL01', [116]))[0]).toEqual({ rocYear: 116, remaining: 0, highestUsed: 0 });
  });
});
