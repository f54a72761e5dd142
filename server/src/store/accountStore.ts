/** Reads of users and devices, the two things a sign-in checks. */
import type { Queryable } from '../db/database';

export interface UserRecord {
  id: number;
  username: string;
  displayName: string;
  roles: string[];
  passwordHash: string;
  disabled: boolean;
}

export interface DeviceRecord {
  id: string;
  name: string;
  stationCode: string;
  revoked: boolean;
}

export async function findUserByUsername(db: Queryable, username: string): Promise<UserRecord | undefined> {
  const { rows } = await db.query<{
    id: number;
    username: string;
    display_name: string;
    roles: string[];
    password_hash: string;
    disabled: boolean;
  }>(
    'SELECT id, username, display_name, roles, password_hash, disabled_at IS NOT NULL AS disabled FROM users WHERE username = $1',
    [username.toLowerCase()],
  );
  const row = rows[0];
  if (!row) return undefined;
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    roles: row.roles,
    passwordHash: row.password_hash,
    disabled: row.disabled,
  };
}

export async function findDevice(db: Queryable, id: string): Promise<DeviceRecord | undefined> {
  const { rows } = await db.query<{ id: string; name: string; station_code: string; revoked: boolean }>(
    'SELECT id, name, station_code, revoked_at IS NOT NULL AS revoked FROM devices WHERE id = $1',
    [id],
  );
  const row = rows[0];
  return row ? { id: row.id, name: row.name, stationCode: row.station_code, revoked: row.revoked } : undefined;
}
