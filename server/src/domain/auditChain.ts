/**
 * The audit log's hash chain. Entry n's hash covers entry n-1's hash and the canonical JSON of entry n
 * (keys sorted, absent values as null, the time as an ISO string with milliseconds), so changing any
 * field of any entry, removing one, or reordering two changes every later hash. The first entry's
 * previous hash is 64 zeros. The head row (audit_head) holds the last seq and hash, so removing entries
 * from the end is noticed too.
 *
 * Two forms (docs/decisions/0031-audit-trail-keyed-and-anchored.md):
 * - keyed (every entry from `audit_head.keyed_from` on): HMAC-SHA-256 under the audit key, a secret the
 *   database does not hold, so someone who can write the database cannot recompute the chain;
 * - legacy (entries written before the key existed): plain SHA-256, kept as it was. They stay covered,
 *   because the first keyed entry's HMAC includes the last legacy hash.
 * The same key signs the anchors (a head written outside the database); a domain prefix keeps an
 * entry's MAC from ever being valid as an anchor's, and the reverse.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';

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

/** The chain's secret: 32 random bytes, and a public fingerprint that names it without revealing it. */
export interface AuditKey {
  readonly secret: Buffer;
  /** 16 hex digits of an HMAC of a fixed text: tells which key made an anchor, proves nothing. */
  readonly id: string;
}

export const AUDIT_KEY_BYTES = 32;

export function auditKeyFrom(secret: Buffer): AuditKey {
  if (secret.length !== AUDIT_KEY_BYTES) throw new Error(`an audit key is ${AUDIT_KEY_BYTES} bytes, not ${secret.length}`);
  const id = createHmac('sha256', secret).update('counterdesk-audit-key-id', 'utf8').digest('hex').slice(0, 16);
  return { secret: Buffer.from(secret), id };
}

export function generateAuditKey(): AuditKey {
  return auditKeyFrom(randomBytes(AUDIT_KEY_BYTES));
}

/**
 * The published development key: what a process chains under until it installs its own (tests do;
 * the server and the admin command line always install the key file's). Public, so it protects nothing.
 */
export const DEVELOPMENT_AUDIT_KEY: AuditKey = auditKeyFrom(createHash('sha256').update('counterdesk development audit key', 'utf8').digest());

export function canonicalJson(value: unknown): string {
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

/** The hash of a legacy entry: SHA-256, which anyone can recompute (verification only). */
export function legacyEntryHash(prevHash: string, entry: AuditEntry): string {
  return createHash('sha256').update(prevHash, 'utf8').update('\n', 'utf8').update(canonicalEntry(entry), 'utf8').digest('hex');
}

/** The hash of a keyed entry: HMAC-SHA-256 under the audit key. */
export function keyedEntryHash(key: AuditKey, prevHash: string, entry: AuditEntry): string {
  return createHmac('sha256', key.secret)
    .update('counterdesk-audit-entry/1\n', 'utf8')
    .update(prevHash, 'utf8')
    .update('\n', 'utf8')
    .update(canonicalEntry(entry), 'utf8')
    .digest('hex');
}

/** The MAC of an anchor's fields (canonical JSON), under the audit key. */
export function anchorMac(key: AuditKey, fields: Record<string, string | number>): string {
  return createHmac('sha256', key.secret).update('counterdesk-audit-anchor/1\n', 'utf8').update(canonicalJson(fields), 'utf8').digest('hex');
}
