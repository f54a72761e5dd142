import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/database';
import { entryHash } from '../audit/auditChain';
import type { AuditEntry } from '../audit/auditChain';
import type { AuditInput } from '../store/auditStore';
export const OLD = process.env.XX_OLD === '1';
export async function oldAppend(tx: Queryable, input: AuditInput): Promise<void> {
  const { rows } = await tx.query<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_head WHERE singleton FOR UPDATE');
  const head = rows[0]!;
  const entry: AuditEntry = { seq: head.seq + 1, entryId: input.entryId ?? randomUUID(), at: input.at, source: input.source ?? 'server', userName: input.userName ?? null, deviceId: input.deviceId ?? null, action: input.action, purpose: input.purpose ?? null, caseId: input.caseId ?? null, details: input.details ?? {} };
  const hash = entryHash(head.hash, entry);
  await tx.query(
    `INSERT INTO audit_log (seq, entry_id, at, source, user_name, device_id, action, purpose, case_id, details, prev_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11, $12)`,
    [entry.seq, entry.entryId, entry.at, entry.source, entry.userName, entry.deviceId, entry.action, entry.purpose, entry.caseId, JSON.stringify(entry.details), head.hash, hash],
  );
  await tx.query('UPDATE audit_head SET seq = $1, hash = $2 WHERE singleton', [entry.seq, hash]);
}
export async function oldStamp(tx: Queryable, caseIds: readonly string[]): Promise<void> {
  const unique = [...new Set(caseIds)];
  if (unique.length === 0) return;
  const { rows } = await tx.query<{ last_value: number }>('UPDATE change_sequence SET last_value = last_value + $1 RETURNING last_value', [unique.length]);
  const first = rows[0]!.last_value - unique.length + 1;
  await tx.query(`UPDATE cases SET server_seq = stamped.seq FROM unnest($1::uuid[], $2::bigint[]) AS stamped (id, seq) WHERE cases.id = stamped.id`, [unique, unique.map((_, i) => first + i)]);
}
