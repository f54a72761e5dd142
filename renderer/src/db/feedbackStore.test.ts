import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { caseRecordFixture } from '../testing/caseRecordFixture';
import { createCaseForTest } from './createCaseForTest';
import { CounterDeskDb } from './database';
import { feedbackFor, recordRating, storableComment } from './feedbackStore';
import { NEXT_MUTATION_ID, pendingMutations, recordPushOutcome } from './outbox';
import { getCase } from './caseStore';

const dbs: CounterDeskDb[] = [];
function freshDb(): CounterDeskDb {
  const db = new CounterDeskDb(`feedback-${dbs.length}-${Date.now()}`);
  dbs.push(db);
  return db;
}
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

const ratingId = '5b8f0a52-6d3c-4b1e-9f27-3a0c8e1d2f41';

describe('recordRating', () => {
  it('keeps the rating with its case and queues recordRating in the same transaction; the case waits for sync', async () => {
    const db = freshDb();
    const saved = await createCaseForTest({ stationCode: 'KL01', rocYear: 115, build: caseRecordFixture }, db);
    await recordPushOutcome([{ id: 1, status: 'applied' }], db);
    expect((await getCase(saved.id, db))?.syncState).toBe('synced');

    const stored = await recordRating({ ratingId, caseId: saved.id, caseNo: saved.caseNo, score: 1, comment: '等太久\t了', ratedAt: '2026-11-27T02:30:00.000Z' }, db);
    expect(stored).toBe(true);
    expect(await feedbackFor(saved.id, db)).toEqual([expect.objectContaining({ ratingId, caseId: saved.id, score: 1, comment: '等太久 了', at: '2026-11-27T02:30:00.000Z' })]);
    const pending = await pendingMutations(10, db);
    expect(pending.map((entry) => [entry.id, entry.caseId, entry.mutation.name])).toEqual([[2, saved.id, 'recordRating']]);
    expect(pending[0]?.mutation.args).toEqual({ ratingId, caseId: saved.id, score: 1, comment: '等太久 了', ratedAt: '2026-11-27T02:30:00.000Z' });
    expect((await getCase(saved.id, db))?.syncState).toBe('pending');

    // The same rating heard again (a second window): nothing more is kept or queued.
    expect(await recordRating({ ratingId, caseId: saved.id, caseNo: saved.caseNo, score: 1, ratedAt: '2026-11-27T02:30:00.000Z' }, db)).toBe(false);
    expect(await feedbackFor(saved.id, db)).toHaveLength(1);
    expect((await pendingMutations(10, db)).map((entry) => entry.id)).toEqual([2]);
  });

  it('keeps neither the rating nor its mutation when the outbox write fails', async () => {
    const db = freshDb();
    const saved = await createCaseForTest({ stationCode: 'KL01', rocYear: 115, build: caseRecordFixture }, db);
    // The next mutation id points at the case's own createCase: adding the rating's mutation collides.
    await db.meta.put({ key: NEXT_MUTATION_ID, value: 1 });
    await expect(recordRating({ ratingId, caseId: saved.id, caseNo: saved.caseNo, score: 2, ratedAt: '2026-11-27T02:30:00.000Z' }, db)).rejects.toThrow();
    expect(await feedbackFor(saved.id, db)).toEqual([]);
    expect((await pendingMutations(10, db)).map((entry) => entry.mutation.name)).toEqual(['createCase']);
  });

  it('stores a comment by the one text rule: control characters become spaces, line breaks stay, at most 500 characters', () => {
    expect(storableComment(' 很好\r\n謝謝\u0007 ')).toBe('很好\n謝謝');
    expect(storableComment('   ')).toBeUndefined();
    expect(storableComment('字'.repeat(600))).toHaveLength(500);
  });
});
