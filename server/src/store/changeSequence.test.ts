import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import { pullChanges } from '../sync/pullChanges';
import type { PullReader } from '../sync/pullChanges';
import { buildCaseRecord } from '../testing/caseFixtures';
import { openTestDatabase } from '../testing/testDatabase';
import { insertCaseIfAbsent } from './caseStore';
import { stampChanges } from './changeSequence';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

/** A reader of the station every fixture case is taken in at. */
const station: PullReader = { scope: { kind: 'field', stationCode: 'KL01' }, reader: 'change-sequence-test', deviceId: 'change-sequence-test' };

describe('change sequence', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase();
  });
  afterAll(() => db.close());

  it('hands out numbers in commit order, so a pull never sees a later change without an earlier one', async () => {
    const now = new Date('2026-03-02T01:00:00Z');
    const slow = buildCaseRecord(101);
    const fast = buildCaseRecord(102);
    const slowStamped = deferred();
    const releaseSlow = deferred();
    const events: string[] = [];

    // The slow writer stamps first and then stays open; the fast writer starts after it and commits
    // as soon as it can. With a plain SEQUENCE the fast one could commit a higher number first.
    const slowWriter = db.transaction(async (tx) => {
      await insertCaseIfAbsent(tx, slow, now);
      await stampChanges(tx, [slow.id]);
      slowStamped.resolve();
      await releaseSlow.promise;
      events.push('slow committed');
    });
    await slowStamped.promise;
    const fastWriter = db
      .transaction(async (tx) => {
        await insertCaseIfAbsent(tx, fast, now);
        return stampChanges(tx, [fast.id]);
      })
      .then((seqs) => {
        events.push('fast committed');
        return seqs;
      });
    const pullDuring = pullChanges(db, { cursor: 0, limit: 100 }, station, now).then((page) => page.response);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const seenDuring = await Promise.race([pullDuring, Promise.resolve(undefined)]);
    expect(events).toEqual([]);
    releaseSlow.resolve();
    await slowWriter;
    await fastWriter;
    expect(events).toEqual(['slow committed', 'fast committed']);

    // PostgreSQL answered the pull at once with neither change; PGlite ran it after the writers.
    if (db.kind === 'postgres') expect(seenDuring?.changes).toEqual([]);
    const during = seenDuring ?? (await pullDuring);
    const ids = during.changes.map((change) => change.id);
    if (ids.includes(fast.id)) expect(ids).toContain(slow.id);

    const after = await pullChanges(db, { cursor: 0, limit: 100 }, station, now).then((page) => page.response);
    expect(after.changes.map((change) => [change.id, change.seq])).toEqual([
      [slow.id, 1],
      [fast.id, 2],
    ]);
  });

  it('gives the numbers back when the writer rolls back', async () => {
    const now = new Date('2026-03-02T01:00:00Z');
    const record = buildCaseRecord(103);
    await expect(
      db.transaction(async (tx) => {
        await insertCaseIfAbsent(tx, record, now);
        await stampChanges(tx, [record.id]);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    const next = buildCaseRecord(104);
    const seqs = await db.transaction(async (tx) => {
      await insertCaseIfAbsent(tx, next, now);
      return stampChanges(tx, [next.id, next.id]);
    });
    expect(seqs).toEqual([3]);
  });
});
