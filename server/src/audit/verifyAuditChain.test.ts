import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Queryable } from '../db/database';
import { DEVELOPMENT_AUDIT_KEY, GENESIS_HASH, generateAuditKey, keyedEntryHash, legacyEntryHash } from '../domain/auditChain';
import type { AuditEntry } from '../domain/auditChain';
import { appendAudit, appendAuditNow, readAuditHead, readAuditPage } from '../store/auditStore';
import { loadMigrations, migrate } from '../db/migrate';
import { rewriteAuditFrom } from '../testing/rewriteAuditFrom';
import { openEmptyTestDatabase, openTestDatabase } from '../testing/testDatabase';
import { signAnchor } from './auditAnchor';
import type { AuditAnchor } from './auditAnchor';
import { verifyAuditChain } from './verifyAuditChain';
import type { VerifyOptions } from './verifyAuditChain';

class RollBack extends Error {}

type Tamper = string | ((tx: Queryable) => Promise<void>);

/**
 * Tampers (with the append-only triggers out of the way, as an intruder with the owner's rights
 * would), verifies inside the same transaction, and rolls everything back for the next test.
 */
async function verifyTampered(db: Database, tamper: Tamper, options: VerifyOptions = {}): Promise<Awaited<ReturnType<typeof verifyAuditChain>>> {
  let result: Awaited<ReturnType<typeof verifyAuditChain>> | undefined;
  await db
    .transaction(async (tx: Queryable) => {
      await tx.query('ALTER TABLE audit_log DISABLE TRIGGER USER');
      await tx.query('ALTER TABLE audit_head DISABLE TRIGGER USER');
      if (typeof tamper === 'string') await tx.query(tamper);
      else await tamper(tx);
      result = await verifyAuditChain(tx, options);
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

  it('fails when an entry is rewritten and every later hash recomputed with plain SHA-256', async () => {
    const result = await verifyTampered(db, (tx) => rewriteAuditFrom(tx, 3, (entry) => ({ ...entry, userName: 'someone-else' }), legacyEntryHash));
    expect(result).toMatchObject({ ok: false, seq: 3, problem: expect.stringMatching(/altered/) });
  });

  it('fails under another key, and holds under its own', async () => {
    expect(await verifyAuditChain(db, { key: generateAuditKey() })).toMatchObject({ ok: false, seq: 1, problem: expect.stringMatching(/altered/) });
    expect(await verifyAuditChain(db, { key: DEVELOPMENT_AUDIT_KEY })).toMatchObject({ ok: true });
  });

  describe('against anchors', () => {
    let anchors: AuditAnchor[];
    beforeAll(async () => {
      const entries = await readAuditPage(db, 0, 10);
      const head = await readAuditHead(db);
      anchors = [0, 2, 4].map((seq) =>
        signAnchor(DEVELOPMENT_AUDIT_KEY, { day: `2026-03-0${seq + 1}`, seq, hash: entries[seq - 1]?.hash ?? '0'.repeat(64), keyedFrom: head.keyedFrom, keyId: DEVELOPMENT_AUDIT_KEY.id, writtenAt: at.toISOString() }),
      );
    });

    it('passes when every anchored entry is the one anchored', async () => {
      expect(await verifyAuditChain(db, { anchors })).toMatchObject({ ok: true, entries: 5, anchorsChecked: 3 });
    });

    it('fails when history before an anchored head is rewritten even with the key', async () => {
      const rewrite = (tx: Queryable) => rewriteAuditFrom(tx, 2, (entry) => ({ ...entry, action: 'case.print-notice' }), (prev, entry) => keyedEntryHash(DEVELOPMENT_AUDIT_KEY, prev, entry));
      expect(await verifyTampered(db, rewrite)).toMatchObject({ ok: true });
      expect(await verifyTampered(db, rewrite, { anchors })).toMatchObject({ ok: false, seq: 2, problem: expect.stringMatching(/not the one anchored on 2026-03-03/) });
    });

    it('reports an anchor beyond the log when the tail is cut off and the head moved back', async () => {
      const cut = 'DELETE FROM audit_log WHERE seq >= 3; UPDATE audit_head SET seq = 2, hash = (SELECT hash FROM audit_log WHERE seq = 2)';
      const cutScript = async (tx: Queryable) => {
        for (const sql of cut.split('; ')) await tx.query(sql);
      };
      expect(await verifyTampered(db, cutScript)).toMatchObject({ ok: true, entries: 2 });
      expect(await verifyTampered(db, cutScript, { anchors })).toMatchObject({ ok: false, problem: expect.stringMatching(/anchor of 2026-03-05 names entry 4, beyond the log's end at entry 2/) });
    });

    it('fails when the keyed boundary is moved to pass keyed entries off as legacy ones', async () => {
      const legacy = async (tx: Queryable) => {
        await tx.query('UPDATE audit_head SET keyed_from = 100');
        await rewriteAuditFrom(tx, 1, (entry) => entry, legacyEntryHash);
      };
      expect(await verifyTampered(db, legacy)).toMatchObject({ ok: true });
      expect(await verifyTampered(db, legacy, { anchors })).toMatchObject({ ok: false, problem: expect.stringMatching(/keyed entries start at 100/) });
    });
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

describe('an audit log begun before the key', () => {
  let db: Database;
  const at = new Date('2026-01-05T01:00:00.000Z');

  /** Entries as the server wrote them before migration 011: hashed with plain SHA-256. */
  async function appendLegacy(count: number): Promise<void> {
    for (let i = 0; i < count; i += 1) {
      const { rows } = await db.query<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_head');
      const head = rows[0] ?? { seq: 0, hash: GENESIS_HASH };
      const entry: AuditEntry = { seq: head.seq + 1, entryId: randomUUID(), at, source: 'server', userName: 'clerk', deviceId: null, action: 'case.view', purpose: null, caseId: `old-${i}`, details: { i } };
      const hash = legacyEntryHash(head.hash, entry);
      await db.query(
        `INSERT INTO audit_log (seq, entry_id, at, source, user_name, action, case_id, details, prev_hash, hash) VALUES ($1, $2, $3, 'server', $4, $5, $6, $7::jsonb, $8, $9)`,
        [entry.seq, entry.entryId, at, entry.userName, entry.action, entry.caseId, JSON.stringify(entry.details), head.hash, hash],
      );
      await db.query('UPDATE audit_head SET seq = $1, hash = $2', [entry.seq, hash]);
    }
  }

  beforeAll(async () => {
    db = await openEmptyTestDatabase();
    const migrations = await loadMigrations();
    await migrate(db, migrations.filter((migration) => migration.version < 11));
    await db.query('ALTER TABLE audit_head DISABLE TRIGGER USER');
    await appendLegacy(3);
    await db.query('ALTER TABLE audit_head ENABLE TRIGGER USER');
    await migrate(db, migrations);
    for (let i = 0; i < 3; i += 1) await appendAuditNow(db, { at, action: 'case.view', caseId: `new-${i}` });
  });
  afterAll(() => db.close());

  it('keys every entry after the head the migration found, and verifies both kinds', async () => {
    expect((await readAuditHead(db)).keyedFrom).toBe(4);
    const entries = await readAuditPage(db, 0, 10);
    expect(entries.map((entry) => entry.hash === legacyEntryHash(entry.prevHash, entry))).toEqual([true, true, true, false, false, false]);
    expect(entries.slice(3).every((entry) => entry.hash === keyedEntryHash(DEVELOPMENT_AUDIT_KEY, entry.prevHash, entry))).toBe(true);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, entries: 6 });
  });

  it('fails when a legacy entry is rewritten, though its SHA-256 chain is recomputed: the first keyed entry covers it', async () => {
    const rewrite = async (tx: Queryable) => {
      const entries = await readAuditPage(tx, 0, 3);
      let prev = GENESIS_HASH;
      for (const stored of entries) {
        const entry = stored.seq === 2 ? { ...stored, userName: 'someone-else' } : stored;
        const hash = legacyEntryHash(prev, entry);
        await tx.query('UPDATE audit_log SET user_name = $2, prev_hash = $3, hash = $4 WHERE seq = $1', [entry.seq, entry.userName, prev, hash]);
        prev = hash;
      }
    };
    expect(await verifyTampered(db, rewrite)).toMatchObject({ ok: false, seq: 4, problem: expect.stringMatching(/does not chain/) });
  });

  it('refuses to move the keyed boundary', async () => {
    await expect(db.query('UPDATE audit_head SET keyed_from = 10, seq = seq + 1')).rejects.toThrow(/forward/);
  });
});

