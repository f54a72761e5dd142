/**
 * An intruder's rewrite of the audit log, for tests: with the append-only triggers out of the way (as
 * the database owner can), changes entry `seq`, recomputes the hash of it and of every later entry with
 * `hash` (plain SHA-256 anyone can compute, or the key in the wrong hands) and moves the head to match.
 */
import type { Queryable } from '../db/database';
import { GENESIS_HASH } from '../domain/auditChain';
import type { AuditEntry } from '../domain/auditChain';
import { readAuditPage } from '../store/auditStore';

export async function rewriteAuditFrom(
  tx: Queryable,
  seq: number,
  change: (entry: AuditEntry) => AuditEntry,
  hash: (prev: string, entry: AuditEntry) => string,
): Promise<void> {
  await tx.exec('ALTER TABLE audit_log DISABLE TRIGGER USER; ALTER TABLE audit_head DISABLE TRIGGER USER;');
  const entries = await readAuditPage(tx, seq - 1, 100_000);
  let prev = seq === 1 ? GENESIS_HASH : ((await readAuditPage(tx, seq - 2, 1))[0]?.hash ?? GENESIS_HASH);
  for (const stored of entries) {
    const entry = stored.seq === seq ? change(stored) : stored;
    const next = hash(prev, entry);
    await tx.query('UPDATE audit_log SET action = $2, user_name = $3, prev_hash = $4, hash = $5 WHERE seq = $1', [entry.seq, entry.action, entry.userName, prev, next]);
    prev = next;
  }
  await tx.query('UPDATE audit_head SET hash = $1', [prev]);
  await tx.exec('ALTER TABLE audit_log ENABLE TRIGGER USER; ALTER TABLE audit_head ENABLE TRIGGER USER;');
}
