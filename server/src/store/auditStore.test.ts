import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit/verifyAuditChain';
import type { Database } from '../db/database';
import { openTestDatabase } from '../testing/testDatabase';
import { appendAudit, appendAudits, readAuditHead, readAuditPage } from './auditStore';

describe('appendAudits', () => {
  let db: Database;
  const at = new Date('2026-03-02T01:00:00.000Z');

  beforeAll(async () => {
    db = await openTestDatabase();
  });
  afterAll(() => db.close());

  it('appends a batch as consecutive chained entries, interleaved with single appends and concurrent batches', async () => {
    const before = await readAuditHead(db);
    await db.transaction((tx) => appendAudit(tx, { at, action: 'test.single', details: { n: 0 } }));
    const batch = (tag: string, size: number) =>
      db.transaction((tx) =>
        appendAudits(
          tx,
          Array.from({ length: size }, (_, i) => ({ at, userName: `user-${tag}`, action: 'test.batch', caseId: null, details: { tag, i, quote: `it's "${tag}"` } })),
        ),
      );
    const [first, second] = await Promise.all([batch('a', 7), batch('b', 5)]);
    expect(first?.map((entry) => entry.seq)).toHaveLength(7);
    expect(await db.transaction((tx) => appendAudits(tx, []))).toEqual([]);

    const head = await readAuditHead(db);
    expect(head.seq).toBe(before.seq + 1 + 7 + 5);
    const entries = await readAuditPage(db, before.seq, 100);
    expect(entries.map((entry) => entry.seq)).toEqual(Array.from({ length: 13 }, (_, i) => before.seq + 1 + i));
    // Each batch is a run of consecutive entries in the order given, never interleaved with the other.
    for (const appended of [first ?? [], second ?? []]) {
      const seqs = appended.map((entry) => entry.seq);
      expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => (seqs[0] ?? 0) + i));
      const run = entries.filter((entry) => seqs.includes(entry.seq));
      expect(run.map((entry) => entry.details.i)).toEqual(seqs.map((_, i) => i));
      expect(run.map((entry) => entry.hash)).toEqual(appended.map((entry) => entry.hash));
    }
    expect(head.hash).toBe(entries.at(-1)?.hash);
    expect(await verifyAuditChain(db)).toEqual({ ok: true, entries: head.seq, headHash: head.hash, anchorsChecked: 0 });
  });

  it('rolls a batch back whole when its transaction fails', async () => {
    const before = await readAuditHead(db);
    await expect(
      db.transaction(async (tx) => {
        await appendAudits(tx, [{ at, action: 'test.lost' }, { at, action: 'test.lost' }]);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await readAuditHead(db)).toEqual(before);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });
});
