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
 * - A code has a kind: a workstation (counter PC, laptop) or an entrance ticket kiosk. A kiosk takes the
 *   lowest kiosk number (1–9) no unrevoked kiosk holds, which names its offline ticket series; with
 *   all nine taken its enrolment is refused (409) and the code stays unused.
 */
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { STATION_CODE_PATTERN } from '../../../shared/domain/caseNumber';
import { deviceKindSchema } from '../../../shared/schemas/device';
import type { DeviceKind } from '../../../shared/schemas/device';
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
  kind: DeviceKind;
}

/** Makes a one-time code that enrols one device under `stationCode`. */
export async function createEnrolmentCode(
  db: Database,
  input: { stationCode: string; createdBy: string; now: Date; ttlMs?: number; deviceId?: string | null; kind?: DeviceKind },
): Promise<EnrolmentCode> {
  const stationCode = input.stationCode.toUpperCase();
  if (!STATION_CODE_PATTERN.test(stationCode)) throw new DomainError('validation_failed', 'A station code is 2–6 capital letters or digits, e.g. KL03');
  return db.transaction(async (tx) => {
    if (await stationCodeTaken(tx, stationCode, input.now)) throw new DomainError('conflict', `Station code ${stationCode} is already used by another device`);
    const code = newEnrolmentCode();
    const kind = input.kind ?? 'workstation';
    const expiresAt = new Date(input.now.getTime() + (input.ttlMs ?? ENROLMENT_CODE_TTL_MS));
    await tx.query('INSERT INTO enrolment_codes (code_hash, station_code, created_by, created_at, expires_at, kind) VALUES ($1, $2, $3, $4, $5, $6)', [
      hashCode(code),
      stationCode,
      input.createdBy,
      input.now,
      expiresAt,
      kind,
    ]);
    await appendAudit(tx, { at: input.now, userName: input.createdBy, deviceId: input.deviceId ?? null, action: 'device.enrolment-code', details: { stationCode, kind } });
    return { code, stationCode, expiresAt, kind };
  });
}

export interface EnrolledDevice {
  deviceId: string;
  deviceSecret: string;
  name: string;
  stationCode: string;
  kind: DeviceKind;
  kioskNo: number | null;
}

export const MAX_KIOSKS = 9;

/** The lowest kiosk number no unrevoked kiosk holds, or a thrown 409 when all are taken. */
async function freeKioskNo(tx: Queryable): Promise<number> {
  // One enrolment at a time picks a number: two kiosks enrolling at once would otherwise pick the same.
  await tx.query("SELECT pg_advisory_xact_lock(hashtext('devices.kiosk_no'))");
  const { rows } = await tx.query<{ kiosk_no: number }>('SELECT kiosk_no FROM devices WHERE kiosk_no IS NOT NULL AND revoked_at IS NULL');
  const taken = new Set(rows.map((row) => row.kiosk_no));
  const free = Array.from({ length: MAX_KIOSKS }, (_, index) => index + 1).find((no) => !taken.has(no));
  if (free === undefined) throw new DomainError('conflict', `All ${MAX_KIOSKS} kiosk numbers are in use: revoke a kiosk no longer used first`);
  return free;
}

/** Exchanges a one-time code for a device credential; a wrong, used or expired code is one same 401. */
export async function enrolDevice(db: Database, input: { code: string; name: string; now: Date; kind?: DeviceKind }): Promise<EnrolledDevice> {
  const codeHash = hashCode(input.code);
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ station_code: string; created_by: string; kind: string }>(
      'SELECT station_code, created_by, kind FROM enrolment_codes WHERE code_hash = $1 AND used_at IS NULL AND expires_at > $2 FOR UPDATE',
      [codeHash, input.now],
    );
    const row = rows[0];
    if (!row) throw new DomainError('unauthorized', 'The enrolment code is wrong, used already or expired: ask an administrator for a new one');
    const kind = deviceKindSchema.parse(row.kind);
    // A counter PC given a kiosk's code (or a kiosk a counter's) is told so, and the code stays unused.
    if (input.kind !== undefined && input.kind !== kind) {
      const message = kind === 'kiosk' ? 'this code enrols an entrance ticket kiosk, not a counter PC or laptop' : 'this code enrols a counter PC or laptop, not a ticket kiosk';
      throw new DomainError('validation_failed', `The enrolment code is for another kind of device: ${message}`, { issues: [{ path: 'kind', message }] });
    }
    const kioskNo = kind === 'kiosk' ? await freeKioskNo(tx) : null;
    const deviceId = `${row.station_code.toLowerCase()}-${randomBytes(5).toString('hex')}`;
    const deviceSecret = newDeviceSecret();
    await tx.query('INSERT INTO devices (id, name, station_code, secret_hash, created_at, kind, kiosk_no) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
      deviceId,
      input.name,
      row.station_code,
      hashDeviceSecret(deviceSecret),
      input.now,
      kind,
      kioskNo,
    ]);
    await tx.query('UPDATE enrolment_codes SET used_at = $2, device_id = $3 WHERE code_hash = $1', [codeHash, input.now, deviceId]);
    await appendAudit(tx, { at: input.now, deviceId, action: 'device.enrol', details: { name: input.name, stationCode: row.station_code, codeBy: row.created_by, kind, kioskNo } });
    return { deviceId, deviceSecret, name: input.name, stationCode: row.station_code, kind, kioskNo };
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
  kind: DeviceKind;
  kioskNo: number | null;
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
    kind: string;
    kiosk_no: number | null;
  }>('SELECT id, name, station_code, created_at, revoked_at, revoked_reason, secret_hash IS NOT NULL AS has_credential, last_seen_at, kind, kiosk_no FROM devices ORDER BY station_code, id');
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    stationCode: row.station_code,
    createdAt: row.created_at.toISOString(),
    revokedAt: row.revoked_at?.toISOString() ?? null,
    revokedReason: row.revoked_reason,
    hasCredential: row.has_credential,
    lastSeenAt: row.last_seen_at?.toISOString() ?? null,
    kind: deviceKindSchema.parse(row.kind),
    kioskNo: row.kiosk_no,
  }));
}

export interface PendingEnrolmentCode {
  stationCode: string;
  createdBy: string;
  createdAt: string;
  expiresAt: string;
  kind: DeviceKind;
}

/** The codes not used yet and not expired, without the codes themselves (only their hashes are kept). */
export async function listPendingEnrolmentCodes(db: Queryable, now: Date): Promise<PendingEnrolmentCode[]> {
  const { rows } = await db.query<{ station_code: string; created_by: string; created_at: Date; expires_at: Date; kind: string }>(
    'SELECT station_code, created_by, created_at, expires_at, kind FROM enrolment_codes WHERE used_at IS NULL AND expires_at > $1 ORDER BY expires_at',
    [now],
  );
  return rows.map((row) => ({
    stationCode: row.station_code,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    expiresAt: row.expires_at.toISOString(),
    kind: deviceKindSchema.parse(row.kind),
  }));
}

/** Gives a device a known secret (the demo device, and test devices); never used for real devices. */
export async function setDeviceSecret(db: Queryable, deviceId: string, secret: string): Promise<void> {
  await db.query('UPDATE devices SET secret_hash = $2 WHERE id = $1', [deviceId, hashDeviceSecret(secret)]);
}
