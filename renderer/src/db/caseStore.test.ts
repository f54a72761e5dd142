import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { caseHistory } from './auditStore';
import { getCase, listCases, setCaseField, updateCase } from './caseStore';
import { applyPullPage } from './syncedCopy';
import { acknowledgeRejection, countPending, getClientId, listRejectedMutations, pendingMutations, recordPushOutcome, reopenOutboxFrom, waitingOutboxEntries } from './outbox';
import { answeredThrough } from './outboxProgress';
import { createCaseForTest } from './createCaseForTest';
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
      await createCaseForTest({ stationCode: 'KL01', rocYear: 115, build: (sequence) => (seen.push(sequence), record(sequence)) }, db);
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
    await createCaseForTest({ stationCode: 'KL01', rocYear: 115, build: record }, db);
    // A second case with the same case number violates the unique index: the whole transaction aborts.
    await expect(createCaseForTest({ stationCode: 'KL01', rocYear: 115, build: (s) => record(s, { caseNo: '115-KL01-000001-X' }) }, db)).rejects.toThrow();
    expect(await listCases(db)).toHaveLength(1);
    expect((await pendingMutations(10, db)).map((e) => e.id)).toEqual([1]);
    const next = await createCaseForTest({ stationCode: 'KL01', rocYear: 115, build: record }, db);
    expect(next.caseNo).toBe('115-KL01-000002-X');
    expect((await pendingMutations(10, db)).map((e) => e.id)).toEqual([1, 2]);
  });

  it('numbers without gaps or repeats when another window or an edit consumed a counter between saves', async () => {
    const db = freshDb();
    // A second window on the same database: its saves make the first one's remembered counters stale.
    const other = new CounterDeskDb(db.name);
    dbs.push(db);
    const save = (on: CounterDeskDb) => createCaseForTest({ stationCode: 'KL01', rocYear: 115, build: (s) => record(s) }, on);
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
    const first = await createCaseForTest({ stationCode: 'KL01', rocYear: 115, build: record }, db);
    const second = await createCaseForTest({ stationCode: 'KL01', rocYear: 115, build: record }, db);
    await recordPushOutcome(
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

  // 0: few entries wait, so they are opened outright; 70: a backlog, asked about case by case.
  it.each([0, 70])("derives each case's sync state from all its entries: waiting wins, then the newest refusal not dismissed (%i more cases waiting)", async (backlog) => {
    const db = freshDb();
    dbs.push(db);
    const refused = await createCaseForTest({ stationCode: 'KL01', rocYear: 115, build: record }, db);
    const waiting = await createCaseForTest({ stationCode: 'KL01', rocYear: 115, build: record }, db);
    await setCaseField(refused.id, 'applicant.phone', '0911111111', db);
    await setCaseField(refused.id, 'applicant.phone', '0922222222', db);
    await setCaseField(waiting.id, 'applicant.phone', '0933333333', db);
    for (let index = 0; index < backlog; index += 1) await createCaseForTest({ stationCode: 'KL01', rocYear: 115, build: record }, db);
    // Entries 1 and 2 create the cases; 3 and 4 edit the first, 5 the second.
    await recordPushOutcome(
      [
        { id: 1, status: 'applied' },
        { id: 2, status: 'applied' },
        { id: 3, status: 'rejected', code: 'invalid_value', message: 'first refusal' },
        { id: 4, status: 'rejected', code: 'invalid_value', message: 'second refusal' },
      ],
      db,
    );
    expect(await getCase(refused.id, db)).toMatchObject({ syncState: 'rejected', syncMessage: 'second refusal' });
    expect((await getCase(waiting.id, db))?.syncState).toBe('pending');

    await acknowledgeRejection(4, db);
    expect(await getCase(refused.id, db)).toMatchObject({ syncState: 'rejected', syncMessage: 'first refusal' });
    await acknowledgeRejection(3, db);
    // The server's copies arrive: the dismissed case takes it and is synced; the waiting one keeps its own.
    const server = (local: typeof refused, seq: number) => ({ seq, kind: 'case' as const, id: local.id, data: { ...local, applicant: { ...local.applicant, phone: '0200000000' }, syncedAt: '2026-03-02T01:00:00.000Z' } });
    expect(await applyPullPage([server(refused, 1), server(waiting, 2)], 2, db)).toBe(1);
    expect(await getCase(refused.id, db)).toMatchObject({ syncState: 'synced', applicant: { phone: '0200000000' } });
    expect(await getCase(refused.id, db)).not.toHaveProperty('syncMessage');
    expect(await getCase(waiting.id, db)).toMatchObject({ syncState: 'pending', applicant: { phone: '0933333333' } });
  });

  it('forgets a case the server says to forget, but keeps one while this device’s own work on it waits', async () => {
    const db = freshDb();
    dbs.push(db);
    const settled = await createCaseForTest({ stationCode: 'KL01', rocYear: 115, build: record }, db);
    const waiting = await createCaseForTest({ stationCode: 'KL01', rocYear: 115, build: record }, db);
    await recordPushOutcome([{ id: 1, status: 'applied' }, { id: 2, status: 'applied' }], db);
    await setCaseField(waiting.id, 'applicant.phone', '0933333333', db);
    const forget = (id: string, seq: number) => ({ seq, kind: 'tombstone' as const, entity: 'case' as const, id });
    expect(await applyPullPage([forget(settled.id, 1), forget(waiting.id, 2)], 2, db)).toBe(1);
    expect(await getCase(settled.id, db)).toBeUndefined();
    expect(await getCase(waiting.id, db)).toMatchObject({ syncState: 'pending', applicant: { phone: '0933333333' } });
    expect((await waitingOutboxEntries(db)).map((entry) => entry.caseId)).toEqual([waiting.id]);
    // Once the server has answered (here: refused as out of scope), the tombstone that comes again removes it.
    await recordPushOutcome([{ id: 3, status: 'rejected', code: 'out_of_scope', message: 'outside' }], db);
    expect(await applyPullPage([forget(waiting.id, 3)], 3, db)).toBe(1);
    expect(await getCase(waiting.id, db)).toBeUndefined();
  });

  it('records answers up to the highest id as one number, writing only refusals, and lets the outbox be sent again from an id', async () => {
    const db = freshDb();
    dbs.push(db);
    const cases = [];
    for (let index = 0; index < 4; index += 1) cases.push(await createCaseForTest({ stationCode: 'KL01', rocYear: 115, build: record }, db));
    const [first, second, third, fourth] = cases;
    if (!first || !second || !third || !fourth) throw new Error('four cases expected');
    await recordPushOutcome(
      [
        { id: 1, status: 'applied' },
        { id: 2, status: 'rejected', code: 'unknown_service', message: 'unknown service' },
        { id: 3, status: 'duplicate' },
      ],
      db,
    );
    expect(await answeredThrough(db)).toBe(3);
    expect((await waitingOutboxEntries(db)).map((entry) => entry.id)).toEqual([4]);
    expect(await countPending(db)).toBe(1);
    expect((await listRejectedMutations(db)).map((entry) => [entry.id, entry.message])).toEqual([[2, 'unknown service']]);
    expect((await listCases(db)).map((c) => [c.id, c.syncState]).sort()).toEqual(
      [
        [first.id, 'synced'],
        [second.id, 'rejected'],
        [third.id, 'synced'],
        [fourth.id, 'pending'],
      ].sort(),
    );
    expect((await caseHistory(first.id, db)).map((entry) => entry.sync)).toEqual(['applied']);
    expect((await caseHistory(fourth.id, db)).map((entry) => entry.sync)).toEqual(['pending']);

    // A replayed answer changes nothing.
    await recordPushOutcome([{ id: 1, status: 'rejected', code: 'late', message: 'too late' }], db);
    expect((await listRejectedMutations(db)).map((entry) => entry.id)).toEqual([2]);

    // The server lost what it acknowledged from id 2 on: those entries wait again, in order.
    expect((await reopenOutboxFrom(2, db)).map((entry) => entry.id)).toEqual([2, 3, 4]);
    expect(await answeredThrough(db)).toBe(1);
    expect((await pendingMutations(10, db)).map((entry) => entry.id)).toEqual([2, 3, 4]);
    expect((await caseHistory(first.id, db)).map((entry) => entry.sync)).toEqual(['applied']);
    expect((await caseHistory(third.id, db)).map((entry) => entry.sync)).toEqual(['pending']);
  });

  it('does not count past an entry the answers skipped', async () => {
    const db = freshDb();
    dbs.push(db);
    for (let index = 0; index < 3; index += 1) await createCaseForTest({ stationCode: 'KL01', rocYear: 115, build: record }, db);
    await recordPushOutcome(
      [
        { id: 1, status: 'applied' },
        { id: 3, status: 'applied' },
      ],
      db,
    );
    expect((await waitingOutboxEntries(db)).map((entry) => entry.id)).toEqual([2]);
    expect(await answeredThrough(db)).toBe(0);
    await recordPushOutcome([{ id: 2, status: 'applied' }], db);
    expect(await countPending(db)).toBe(0);
    expect(await answeredThrough(db)).toBe(2);
    expect((await listCases(db)).map((c) => c.syncState)).toEqual(['synced', 'synced', 'synced']);
  });

  it('keeps one client id for the life of the install', async () => {
    const db = freshDb();
    dbs.push(db);
    const id = await getClientId(db);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await getClientId(db)).toBe(id);
  });
});
