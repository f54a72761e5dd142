/**
 * The device credential and the session of one request, checked with ONE query rather than two round
 * trips one after the other: every guarded request of a signed-in user (each document upload and push
 * among them) pays it.
 *
 * Invariant: the answers are exactly those of authenticateDevice followed by authenticateSession —
 * the same checks on the same rows in the same order — so a request without a session still hears
 * about a bad device credential first.
 */
import type { FastifyRequest } from 'fastify';
import type { Queryable } from '../db/database';
import { authenticateDevice, deviceCredentialOf, verifyDeviceCredential } from './deviceCredential';
import type { AuthenticatedDevice, DeviceRow } from './deviceCredential';
import { liveSession, sessionTokenHashOf } from './sessions';
import type { Session, SessionRow } from './sessions';

/** One row whatever is found: every column is null where the device or the session is unknown. */
interface IdentityRow {
  id: string | null;
  name: string | null;
  station_code: string | null;
  secret_hash: string | null;
  revoked: boolean;
  kind: string | null;
  kiosk_no: number | null;
  token_hash: string | null;
  user_id: number | null;
  username: string | null;
  display_name: string | null;
  roles: string[] | null;
  user_disabled: boolean;
  session_device_id: string | null;
  session_device_name: string | null;
  session_station_code: string | null;
  session_device_revoked: boolean;
  expires_at: Date | null;
}

function deviceRowOf(row: IdentityRow): DeviceRow | undefined {
  if (row.id === null || row.name === null || row.station_code === null || row.kind === null) return undefined;
  return { id: row.id, name: row.name, station_code: row.station_code, secret_hash: row.secret_hash, revoked: row.revoked, kind: row.kind, kiosk_no: row.kiosk_no };
}

function sessionRowOf(row: IdentityRow): SessionRow | undefined {
  if (row.token_hash === null || row.user_id === null || row.username === null || row.display_name === null || row.roles === null) return undefined;
  if (row.session_device_id === null || row.session_device_name === null || row.session_station_code === null || row.expires_at === null) return undefined;
  return {
    token_hash: row.token_hash,
    user_id: row.user_id,
    username: row.username,
    display_name: row.display_name,
    roles: row.roles,
    user_disabled: row.user_disabled,
    device_id: row.session_device_id,
    device_name: row.session_device_name,
    station_code: row.session_station_code,
    device_revoked: row.session_device_revoked,
    expires_at: row.expires_at,
  };
}

export async function authenticateDeviceAndSession(db: Queryable, request: FastifyRequest, now: Date): Promise<{ device: AuthenticatedDevice; session: Session }> {
  const { id, secret } = deviceCredentialOf(request);
  let tokenHash: string;
  try {
    tokenHash = sessionTokenHashOf(request);
  } catch (noSession) {
    // No bearer token: the device's own verdict comes first, as when the two were checked apart.
    await authenticateDevice(db, request);
    throw noSession;
  }
  const { rows } = await db.query<IdentityRow>(
    `SELECT d.id, d.name, d.station_code, d.secret_hash, d.revoked_at IS NOT NULL AS revoked, d.kind, d.kiosk_no,
            s.token_hash, s.user_id, u.username, u.display_name, u.roles, u.disabled_at IS NOT NULL AS user_disabled,
            sd.id AS session_device_id, sd.name AS session_device_name, sd.station_code AS session_station_code,
            sd.revoked_at IS NOT NULL AS session_device_revoked, s.expires_at
       FROM (SELECT $1::text AS id) AS asked
       LEFT JOIN devices d ON d.id = asked.id
       LEFT JOIN sessions s ON s.token_hash = $2
       LEFT JOIN users u ON u.id = s.user_id
       LEFT JOIN devices sd ON sd.id = s.device_id`,
    [id, tokenHash],
  );
  const row = rows[0];
  const device = verifyDeviceCredential(row ? deviceRowOf(row) : undefined, secret);
  const session = liveSession(row ? sessionRowOf(row) : undefined, now);
  return { device, session };
}
