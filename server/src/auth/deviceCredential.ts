/**
 * The device credential check. A device proves itself on every request with `x-device-id` and
 * `x-device-secret` (over TLS); the server stores only the secret's SHA-256, which is enough for 32
 * random bytes (no dictionary to guess from) and cheap enough to run on every request. A wrong
 * secret and an unknown id get the same answer; only the holder of the right secret of a revoked
 * device hears `device_revoked`, which is its signal to wipe.
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { DEVICE_ID_HEADER, DEVICE_SECRET_HEADER, deviceIdSchema, deviceKindSchema, deviceSecretSchema } from '../../../shared/schemas/device';
import type { DeviceKind } from '../../../shared/schemas/device';
import type { Queryable } from '../db/database';
import { hashDeviceSecret } from '../domain/deviceSecret';
import { DomainError } from '../domain/domainError';

export interface AuthenticatedDevice {
  id: string;
  name: string;
  stationCode: string;
  /** A kiosk is refused by every route but the kiosk's own (authz/authorization.ts). */
  kind: DeviceKind;
  /** The kiosk's number, naming its offline ticket series; null for a workstation. */
  kioskNo: number | null;
}

const unknownDevice = () => new DomainError('device_unknown', 'This device is not enrolled with the server, or its credential is wrong');

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
}

/** The credential the request presents (well-formed, not yet checked), or a thrown 401/403. */
export function deviceCredentialOf(request: FastifyRequest): { id: string; secret: string } {
  const id = header(request, DEVICE_ID_HEADER);
  const secret = header(request, DEVICE_SECRET_HEADER);
  if (id === undefined || secret === undefined) {
    throw new DomainError('unauthorized', `This request needs the device's credential (${DEVICE_ID_HEADER} and ${DEVICE_SECRET_HEADER})`);
  }
  if (!deviceIdSchema.safeParse(id).success || !deviceSecretSchema.safeParse(secret).success) throw unknownDevice();
  return { id, secret };
}

/** The `devices` row a credential is checked against. */
export interface DeviceRow {
  id: string;
  name: string;
  station_code: string;
  secret_hash: string | null;
  revoked: boolean;
  kind: string;
  kiosk_no: number | null;
}

/** The device the credential proves, given the row stored under its id (if any), or a thrown 403. */
export function verifyDeviceCredential(row: DeviceRow | undefined, secret: string): AuthenticatedDevice {
  const given = Buffer.from(hashDeviceSecret(secret), 'hex');
  // Compare even when there is no row, so the timing does not tell enrolled ids from unknown ones.
  const expected = Buffer.from(row?.secret_hash ?? '0'.repeat(64), 'hex');
  const matches = timingSafeEqual(given, expected);
  if (!row || row.secret_hash === null || !matches) throw unknownDevice();
  if (row.revoked) throw new DomainError('device_revoked', 'This device has been revoked: its local taxpayer data must be removed');
  return { id: row.id, name: row.name, stationCode: row.station_code, kind: deviceKindSchema.parse(row.kind), kioskNo: row.kiosk_no };
}

/** The device behind the request's credential headers, or a thrown 401/403. */
export async function authenticateDevice(db: Queryable, request: FastifyRequest): Promise<AuthenticatedDevice> {
  const { id, secret } = deviceCredentialOf(request);
  const { rows } = await db.query<DeviceRow>('SELECT id, name, station_code, secret_hash, revoked_at IS NOT NULL AS revoked, kind, kiosk_no FROM devices WHERE id = $1', [id]);
  return verifyDeviceCredential(rows[0], secret);
}
