/**
 * Devices: one-time enrolment codes, enrolment, revocation.
 *
 * Invariants:
 * - An enrolment code is used at most once and only before it expires: enrolment locks the code's
 *   row, so two devices racing with the same code cannot both enrol.
 * - Only hashes are stored, of the code and of the device secret; each is shown once.
 * - A station code is never given to a second device, revoked ones included: case numbers are unique
 *   per station by their sequence, which a new device would start again from 1.
 * - Revocation also ends every session on the device; enrolment and revocation are audited in the
 *   same transaction.
 */
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { STATION_CODE_PATTERN } from '../../../shared/domain/caseNumber';
import { hashDeviceSecret, newDeviceSecret } from '../domain/deviceSecret';
import type { Database, Queryable } from '../db/database';
import { DomainError } from '../domain/domainError';
import { appendAudit } from './auditStore';
import { deleteEscrowKeys } from './escrowKeyStore';

/** Crockford's base32 without I, L, O, U: nothing to misread when typed from a sheet of paper. */
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_LENGTH = 12;
export const ENROLMENT_CODE_TTL_MS = 24 * 60 * 60 * 1000;

export function normaliseEnrolmentCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

function hashCode(code: string): string {
  return createHash('sha256').update(normaliseEnrolmentCode(code), 'utf8').digest('hex');
}

function newEnrolmentCode(): string {
  const chars = Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)] ?? '0').join('');
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
}

async function stationCodeTaken(db: Queryable, stationCode: string, now: Date): Promise<boolean> {
  const { rows } = await db.query(
    `SELECT 1 FROM devices WHERE station_code = $1
     UNION ALL SELECT 1 FROM enrolment_codes WHERE station_code = $1 AND used_at IS NULL AND expires_at > $2
     LIMIT 1`,
    [stationCode, now],
  );
  return rows.length > 0;
}

export interface EnrolmentCode {
  code: string;
  stationCode: string;
  expiresAt: Date;
}

/** Makes a one-time code that enrols one device under `stationCode`. */
export async function createEnrolmentCode(
  db: Database,
  input: { stationCode: string; createdBy: string; now: Date; ttlMs?: number; deviceId?: string | null },
): Promise<EnrolmentCode> {
  const stationCode = input.stationCode.toUpperCase();
  if (!STATION_CODE_PATTERN.test(stationCode)) throw new DomainError('validation_failed', 'A station code is 2–6 capital letters or digits, e.g. KL03');
  return db.transaction(async (tx) => {
    if (await stationCodeTaken(tx, stationCode, input.now)) throw new DomainError('conflict', `Station code ${stationCode} is already used by another device`);
    const code = newEnrolmentCode();
    const expiresAt = new Date(input.now.getTime() + (input.ttlMs ?? ENROLMENT_CODE_TTL_MS));
    await tx.query('INSERT INTO enrolment_codes (code_hash, station_code, created_by, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)', [
      hashCode(code),
      stationCode,
      input.createdBy,
      input.now,
      expiresAt,
    ]);
    await appendAudit(tx, { at: input.now, userName: input.createdBy, deviceId: input.deviceId ?? null, action: 'device.enrolment-code', details: { stationCode } });
    return { code, stationCode, expiresAt };
  });
}

export interface EnrolledDevice {
  deviceId: string;
  deviceSecret: string;
  name: string;
  stationCode: string;
}

/** Exchanges a one-time code for a device credential; a wrong, used or expired code is one same 401. */
export async function enrolDevice(db: Database, input: { code: string; name: string; now: Date }): Promise<EnrolledDevice> {
  const codeHash = hashCode(input.code);
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ station_code: string; created_by: string }>(
      'SELECT station_code, created_by FROM enrolment_codes WHERE code_hash = $1 AND used_at IS NULL AND expires_at > $2 FOR UPDATE',
      [codeHash, input.now],
    );
    const row = rows[0];
    if (!row) throw new DomainError('unauthorized', 'The enrolment code is wrong, used already or expired: ask an administrator for a new one');
    const deviceId = `${row.station_code.toLowerCase()}-${randomBytes(5).toString('hex')}`;
    const deviceSecret = newDeviceSecret();
    await tx.query('INSERT INTO devices (id, name, station_code, secret_hash, created_at) VALUES ($1, $2, $3, $4, $5)', [
      deviceId,
      input.name,
      row.station_code,
      hashDeviceSecret(deviceSecret),
      input.now,
    ]);
    await tx.query('UPDATE enrolment_codes SET used_at = $2, device_id = $3 WHERE code_hash = $1', [codeHash, input.now, deviceId]);
    await appendAudit(tx, { at: input.now, deviceId, action: 'device.enrol', details: { name: input.name, stationCode: row.station_code, codeBy: row.created_by } });
    return { deviceId, deviceSecret, name: input.name, stationCode: row.station_code };
  });
}

/** Revokes a device, ends its sessions and forgets its escrow keys; revoking a revoked device changes nothing. */
export async function revokeDevice(
  db: Database,
  input: { deviceId: string; reason: string; by: string; now: Date; byDeviceId?: string | null },
): Promise<{ revoked: boolean }> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ revoked: boolean }>('SELECT revoked_at IS NOT NULL AS revoked FROM devices WHERE id = $1 FOR UPDATE', [input.deviceId]);
    const row = rows[0];
    if (!row) throw new DomainError('not_found', `No device ${input.deviceId}`);
    if (row.revoked) return { revoked: false };
    await tx.query('UPDATE devices SET revoked_at = $2, revoked_reason = $3, revoked_by = $4 WHERE id = $1', [input.deviceId, input.now, input.reason, input.by]);
    await tx.query('DELETE FROM sessions WHERE device_id = $1', [input.deviceId]);
    await deleteEscrowKeys(tx, input.deviceId);
    await appendAudit(tx, {
      at: input.now,
      userName: input.by,
      deviceId: input.byDeviceId ?? null,
      action: 'device.revoke',
      details: { revokedDevice: input.deviceId, reason: input.reason },
    });
    return { revoked: true };
  });
}

export interface DeviceSummary {
  id: string;
  name: string;
  stationCode: string;
  createdAt: string;
  revokedAt: string | null;
  revokedReason: string | null;
  hasCredential: boolean;
  /** The last authenticated request, to the minute (auth/deviceLastSeen.ts); null before the first. */
  lastSeenAt: string | null;
}

export async function listDevices(db: Queryable): Promise<DeviceSummary[]> {
  const { rows } = await db.query<{
    id: string;
    name: string;
    station_code: string;
    created_at: Date;
    revoked_at: Date | null;
    revoked_reason: string | null;
    has_credential: boolean;
    last_seen_at: Date | null;
  }>('SELECT id, name, station_code, created_at, revoked_at, revoked_reason, secret_hash IS NOT NULL AS has_credential, last_seen_at FROM devices ORDER BY station_code, id');
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    stationCode: row.station_code,
    createdAt: row.created_at.toISOString(),
    revokedAt: row.revoked_at?.toISOString() ?? null,
    revokedReason: row.revoked_reason,
    hasCredential: row.has_credential,
    lastSeenAt: row.last_seen_at?.toISOString() ?? null,
  }));
}

export interface PendingEnrolmentCode {
  stationCode: string;
  createdBy: string;
  createdAt: string;
  expiresAt: string;
}

/** The codes not used yet and not expired, without the codes themselves (only their hashes are kept). */
export async function listPendingEnrolmentCodes(db: Queryable, now: Date): Promise<PendingEnrolmentCode[]> {
  const { rows } = await db.query<{ station_code: string; created_by: string; created_at: Date; expires_at: Date }>(
    'SELECT station_code, created_by, created_at, expires_at FROM enrolment_codes WHERE used_at IS NULL AND expires_at > $1 ORDER BY expires_at',
    [now],
  );
  return rows.map((row) => ({ stationCode: row.station_code, createdBy: row.created_by, createdAt: row.created_at.toISOString(), expiresAt: row.expires_at.toISOString() }));
}

/** Gives a device a known secret (the demo device, and test devices); never used for real devices. */
export async function setDeviceSecret(db: Queryable, deviceId: string, secret: string): Promise<void> {
  await db.query('UPDATE devices SET secret_hash = $2 WHERE id = $1', [deviceId, hashDeviceSecret(secret)]);
}
