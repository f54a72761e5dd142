/**
 * The audit log's hash chain. Entry n's hash is SHA-256 over entry n-1's hash and the canonical JSON
 * of entry n (keys sorted, absent values as null, the time as an ISO string with milliseconds), so
 * changing any field of any entry, removing one, or reordering two changes every later hash. The
 * first entry's previous hash is 64 zeros. The head row (audit_head) holds the last seq and hash, so
 * removing entries from the end is noticed too.
 */
import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/** A JSON value as it survives a round trip through jsonb unchanged. */
export type AuditDetailValue = string | number | boolean | null;
export type AuditDetails = Record<string, AuditDetailValue>;

export interface AuditEntry {
  seq: number;
  entryId: string;
  at: Date;
  source: 'server' | 'device';
  userName: string | null;
  deviceId: string | null;
  action: string;
  purpose: string | null;
  caseId: string | null;
  details: AuditDetails;
}

function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`).join(',')}}`;
}

export function canonicalEntry(entry: AuditEntry): string {
  return canonicalJson({
    seq: entry.seq,
    entryId: entry.entryId,
    at: entry.at.toISOString(),
    source: entry.source,
    userName: entry.userName,
    deviceId: entry.deviceId,
    action: entry.action,
    purpose: entry.purpose,
    caseId: entry.caseId,
    details: entry.details,
  });
}

export function entryHash(prevHash: string, entry: AuditEntry): string {
  return createHash('sha256').update(prevHash, 'utf8').update('\n', 'utf8').update(canonicalEntry(entry), 'utf8').digest('hex');
}
