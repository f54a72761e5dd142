/**
 * The server's audit log: appended to, never changed (a trigger refuses UPDATE, DELETE and TRUNCATE).
 *
 * Invariants:
 * - `appendAudit` runs inside the caller's transaction, so an audited change and its entry commit
 *   together or not at all. It locks the chain head row until that transaction ends: appends are
 *   serialised, seq has no gaps, and each entry chains to the one committed before it. Call it as
 *   late in the transaction as possible, since every other audited transaction waits on that lock.
 * - Never call `appendAudit` on the pool outside a transaction: the head lock would end with the
 *   statement. `appendAuditNow` opens the transaction for a lone entry.
 * - Every entry is hashed with the installed audit key (HMAC-SHA-256, domain/auditChain.ts): migration
 *   011 made every entry after the head it found a keyed one.
 */
import { randomUUID } from 'node:crypto';
import type { Database, Queryable } from '../db/database';
import { unnestRows } from '../db/unnestRows';
import type { UnnestTypes } from '../db/unnestRows';
import { keyedEntryHash } from '../domain/auditChain';
import type { AuditDetails, AuditEntry } from '../domain/auditChain';
import { installedAuditKey } from './installedAuditKey';

export interface AuditInput {
  /** The entry's id; a device's entries keep theirs so that pushing them again is a no-op. */
  entryId?: string;
  at: Date;
  source?: 'server' | 'device';
  userName?: string | null;
  deviceId?: string | null;
  /** Dotted verb: `auth.sign-in`, `case.create`, `case.transition`, `case.view`, `device.revoke`… */
  action: string;
  /** Why the access happened (例如 受理、審核、補正), as the person or the code path gave it. */
  purpose?: string | null;
  caseId?: string | null;
  details?: AuditDetails;
}

export interface AppendedAudit {
  seq: number;
  hash: string;
}

/** An `audit_log` row as inserted, with each column's element type for `unnest`. */
interface AuditLogInsert extends Record<string, unknown> {
  seq: number;
  entry_id: string;
  at: Date;
  source: string;
  user_name: string | null;
  device_id: string | null;
  action: string;
  purpose: string | null;
  case_id: string | null;
  details: string;
  prev_hash: string;
  hash: string;
}

const auditLogInsertTypes: UnnestTypes<AuditLogInsert> = {
  seq: 'bigint', entry_id: 'uuid', at: 'timestamptz', source: 'text', user_name: 'text', device_id: 'text', action: 'text',
  purpose: 'text', case_id: 'text', details: 'text', prev_hash: 'text', hash: 'text',
};

export async function appendAudit(tx: Queryable, input: AuditInput): Promise<AppendedAudit> {
  const [appended] = await appendAudits(tx, [input]);
  if (!appended) throw new Error('appendAudits returned nothing for one entry');
  return appended;
}

/**
 * Appends entries in the order given, chained one to the next, in two statements whatever their
 * number: lock and read the head, then one statement that inserts every entry and moves the head.
 * Entry ids, times and hashes are all computed before the second statement, so the head is held for
 * two round trips plus the caller's COMMIT.
 */
export async function appendAudits(tx: Queryable, inputs: readonly AuditInput[]): Promise<AppendedAudit[]> {
  if (inputs.length === 0) return [];
  const { rows } = await tx.query<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_head WHERE singleton FOR UPDATE');
  const head = rows[0];
  if (!head) throw new Error('audit_head is missing: the 003 migration has not run');
  const entries: AuditLogInsert[] = [];
  const appended: AppendedAudit[] = [];
  const key = installedAuditKey();
  let prev = head;
  for (const input of inputs) {
    const entry: AuditEntry = {
      seq: prev.seq + 1,
      entryId: input.entryId ?? randomUUID(),
      at: input.at,
      source: input.source ?? 'server',
      userName: input.userName ?? null,
      deviceId: input.deviceId ?? null,
      action: input.action,
      purpose: input.purpose ?? null,
      caseId: input.caseId ?? null,
      details: input.details ?? {},
    };
    const hash = keyedEntryHash(key, prev.hash, entry);
    entries.push({
      seq: entry.seq,
      entry_id: entry.entryId,
      at: entry.at,
      source: entry.source,
      user_name: entry.userName,
      device_id: entry.deviceId,
      action: entry.action,
      purpose: entry.purpose,
      case_id: entry.caseId,
      details: JSON.stringify(entry.details),
      prev_hash: prev.hash,
      hash,
    });
    appended.push({ seq: entry.seq, hash });
    prev = { seq: entry.seq, hash };
  }
  const inserts = unnestRows('e', auditLogInsertTypes, entries);
  await tx.query(
    `INSERT INTO audit_log (seq, entry_id, at, source, user_name, device_id, action, purpose, case_id, details, prev_hash, hash)
     SELECT e.seq, e.entry_id, e.at, e.source, e.user_name, e.device_id, e.action, e.purpose, e.case_id, e.details::jsonb, e.prev_hash, e.hash
       FROM ${inserts.from}`,
    inserts.parameters,
  );
  // The head's trigger lets it move one entry per UPDATE, so it takes one UPDATE per entry; sent as
  // one script, that is still one round trip. Only numbers we counted and hex digests we computed
  // are inlined (checked here, since a script cannot take parameters).
  const moves = appended.map(({ seq, hash }) => {
    if (!Number.isSafeInteger(seq) || !/^[0-9a-f]{64}$/.test(hash)) throw new Error(`refusing to inline audit head ${seq}/${hash}`);
    return `UPDATE audit_head SET seq = ${seq}, hash = '${hash}' WHERE singleton;`;
  });
  await tx.exec(moves.join('\n'));
  return appended;
}

/** One entry in its own transaction (sign-in, sign-out, a public page view). */
export function appendAuditNow(db: Database, input: AuditInput): Promise<AppendedAudit> {
  return db.transaction((tx) => appendAudit(tx, input));
}

/** Which of these entry ids the log already holds (device entries pushed before). */
export async function existingEntryIds(tx: Queryable, entryIds: readonly string[]): Promise<Set<string>> {
  if (entryIds.length === 0) return new Set();
  const { rows } = await tx.query<{ entry_id: string }>('SELECT entry_id FROM audit_log WHERE entry_id = ANY($1::uuid[])', [entryIds]);
  return new Set(rows.map((row) => row.entry_id));
}

export interface StoredAuditEntry extends AuditEntry {
  prevHash: string;
  hash: string;
}

interface AuditRow {
  seq: number;
  entry_id: string;
  at: Date;
  source: 'server' | 'device';
  user_name: string | null;
  device_id: string | null;
  action: string;
  purpose: string | null;
  case_id: string | null;
  details: AuditDetails;
  prev_hash: string;
  hash: string;
}

const toEntry = (row: AuditRow): StoredAuditEntry => ({
  seq: row.seq,
  entryId: row.entry_id,
  at: row.at,
  source: row.source,
  userName: row.user_name,
  deviceId: row.device_id,
  action: row.action,
  purpose: row.purpose,
  caseId: row.case_id,
  details: row.details,
  prevHash: row.prev_hash,
  hash: row.hash,
});

const columns = 'seq, entry_id, at, source, user_name, device_id, action, purpose, case_id, details, prev_hash, hash';

/** Entries with seq > `afterSeq`, in order, at most `limit`. */
export async function readAuditPage(db: Queryable, afterSeq: number, limit: number): Promise<StoredAuditEntry[]> {
  const { rows } = await db.query<AuditRow>(`SELECT ${columns} FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2`, [afterSeq, limit]);
  return rows.map(toEntry);
}

export async function readCaseAudit(db: Queryable, caseId: string, limit = 500): Promise<StoredAuditEntry[]> {
  const { rows } = await db.query<AuditRow>(`SELECT ${columns} FROM audit_log WHERE case_id = $1 ORDER BY seq LIMIT $2`, [caseId, limit]);
  return rows.map(toEntry);
}

export interface AuditHead {
  seq: number;
  hash: string;
  /** The first keyed entry's seq: entries before it are legacy (plain SHA-256). */
  keyedFrom: number;
  /** The time of the head's entry; null for an empty log, or a head whose entry is gone. */
  at: Date | null;
}

export async function readAuditHead(db: Queryable): Promise<AuditHead> {
  const { rows } = await db.query<AuditHead>(
    `SELECT h.seq, h.hash, h.keyed_from AS "keyedFrom", l.at FROM audit_head h LEFT JOIN audit_log l ON l.seq = h.seq WHERE h.singleton`,
  );
  const head = rows[0];
  if (!head) throw new Error('audit_head is missing');
  return head;
}
