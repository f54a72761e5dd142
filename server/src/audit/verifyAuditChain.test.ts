import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Queryable } from '../db/database';
import { appendAudit, appendAuditNow } from '../store/auditStore';
import { openTestDatabase } from '../testing/testDatabase';
import { verifyAuditChain } from './verifyAuditChain';

class RollBack extends Error {}

/**
 * Tampers (with the append-only triggers out of the way, as an intruder with the owner's rights
 * would), verifies inside the same transaction, and rolls everything back for the next test.
 */
async function verifyTampered(db: Database, sql: string): Promise<Awaited<ReturnType<typeof verifyAuditChain>>> {
  let result: Awaited<ReturnType<typeof verifyAuditChain>> | undefined;
  await db
    .transaction(async (tx: Queryable) => {
      await tx.query('ALTER TABLE audit_log DISABLE TRIGGER USER');
      await tx.query('ALTER TABLE audit_head DISABLE TRIGGER USER');
      await tx.query(sql);
      result = await verifyAuditChain(tx);
      throw new RollBack();
    })
    .catch((error: unknown) => {
      if (!(error instanceof RollBack)) throw error;
    });
  if (!result) throw new Error('not verified');
  return result;
}

describe('audit chain', () => {
  let db: Database;
  const at = new Date('2026-03-02T01:00:00.000Z');

  beforeAll(async () => {
    db = await openTestDatabase();
    for (let i = 1; i <= 5; i += 1) {
      await appendAuditNow(db, {
        at: new Date(at.getTime() + i * 1000),
        userName: 'clerk',
        deviceId: 'demo-counter-01',
        action: i % 2 ? 'case.view' : 'case.print-receipt',
        purpose: '受理',
        caseId: randomUUID(),
        details: { n: i, note: `第 ${i} 筆`, flag: i > 2, none: null, ratio: i / 3 },
      });
    }
  });
  afterAll(() => db.close());

  it('verifies an intact chain, seq without gaps, each entry chained to the previous', async () => {
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, entries: 5 });
    const { rows } = await db.query<{ seq: number; prev_hash: string; hash: string }>('SELECT seq, prev_hash, hash FROM audit_log ORDER BY seq');
    expect(rows.map((row) => row.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(rows[0]?.prev_hash).toBe('0'.repeat(64));
    for (let i = 1; i < rows.length; i += 1) expect(rows[i]?.prev_hash).toBe(rows[i - 1]?.hash);
  });

  it('refuses UPDATE, DELETE and TRUNCATE of the log, and moving the head back', async () => {
    await expect(db.query("UPDATE audit_log SET action = 'x' WHERE seq = 2")).rejects.toThrow(/append-only/);
    await expect(db.query('DELETE FROM audit_log WHERE seq = 5')).rejects.toThrow(/append-only/);
    await expect(db.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
    await expect(db.query('UPDATE audit_head SET seq = 0')).rejects.toThrow(/forward/);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, entries: 5 });
  });

  const alterations: Array<[string, string]> = [
    ['action', "UPDATE audit_log SET action = 'case.print-notice' WHERE seq = 3"],
    ['user', "UPDATE audit_log SET user_name = 'someone-else' WHERE seq = 3"],
    ['time', "UPDATE audit_log SET at = at + interval '1 second' WHERE seq = 3"],
    ['purpose', "UPDATE audit_log SET purpose = NULL WHERE seq = 3"],
    ['case', "UPDATE audit_log SET case_id = 'another-case' WHERE seq = 3"],
    ['details', `UPDATE audit_log SET details = jsonb_set(details, '{n}', '33') WHERE seq = 3`],
    ['device', "UPDATE audit_log SET device_id = 'demo-counter-02' WHERE seq = 3"],
  ];
  for (const [what, sql] of alterations) {
    it(`fails at the entry whose ${what} was altered`, async () => {
      const result = await verifyTampered(db, sql);
      expect(result).toMatchObject({ ok: false, seq: 3 });
      if (!result.ok) expect(result.problem).toMatch(/altered/);
    });
  }

  it('fails where an entry was removed from the middle', async () => {
    expect(await verifyTampered(db, 'DELETE FROM audit_log WHERE seq = 2')).toMatchObject({ ok: false, seq: 2, problem: expect.stringMatching(/missing/) });
  });

  it('fails when entries were removed from the end', async () => {
    expect(await verifyTampered(db, 'DELETE FROM audit_log WHERE seq >= 4')).toMatchObject({ ok: false, seq: 4, problem: expect.stringMatching(/removed from the end/) });
  });

  it('fails when an altered entry was re-hashed but the next one still chains to the old hash', async () => {
    expect(await verifyTampered(db, "UPDATE audit_log SET action = 'forged', hash = repeat('a', 64) WHERE seq = 2")).toMatchObject({ ok: false, seq: 2 });
  });

  it('is intact again after the rolled-back tampering', async () => {
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, entries: 5 });
  });

  it('keeps appends from concurrent transactions in one unbroken chain', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => db.transaction((tx) => appendAudit(tx, { at, action: 'case.view', caseId: `c${i}` }))),
    );
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, entries: 25 });
  });
});
