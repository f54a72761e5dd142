/** Users and the device record a sign-in checks. */
import type { UserSummary } from '../../../shared/schemas/auth';
import type { Queryable } from '../db/database';
import { DomainError } from '../domain/domainError';

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

/** Passwords people choose: long enough that the lock-out, not luck, is what stops guessing. */
export const MIN_PASSWORD_LENGTH = 12;

export const usernamePattern = /^[a-z0-9][a-z0-9._-]{0,63}$/;

export interface NewUser {
  username: string;
  displayName: string;
  roles: readonly string[];
  passwordHash: string;
}

/** Inserts a user; a taken username is a 409 `conflict`. */
export async function insertUser(db: Queryable, user: NewUser): Promise<number> {
  const { rows } = await db.query<{ id: number }>(
    `INSERT INTO users (username, display_name, roles, password_hash) VALUES ($1, $2, $3::text[], $4)
     ON CONFLICT (username) DO NOTHING RETURNING id`,
    [user.username.toLowerCase(), user.displayName, [...user.roles], user.passwordHash],
  );
  const row = rows[0];
  if (!row) throw new DomainError('conflict', `A user named ${user.username.toLowerCase()} exists already`);
  return row.id;
}

/**
 * Sets a new password hash, ends every session of the user and clears their failed sign-ins (an
 * administrator's reset is also how a locked account is unlocked). False when there is no such user.
 */
export async function replacePasswordHash(db: Queryable, username: string, passwordHash: string): Promise<boolean> {
  const { rows } = await db.query<{ id: number }>('UPDATE users SET password_hash = $2 WHERE username = $1 RETURNING id', [username.toLowerCase(), passwordHash]);
  const row = rows[0];
  if (!row) return false;
  await db.query('DELETE FROM sessions WHERE user_id = $1', [row.id]);
  await db.query('DELETE FROM sign_in_failures WHERE username = $1', [username.toLowerCase()]);
  return true;
}

export async function listUsers(db: Queryable): Promise<UserSummary[]> {
  const { rows } = await db.query<{ username: string; display_name: string; roles: string[]; disabled: boolean }>(
    'SELECT username, display_name, roles, disabled_at IS NOT NULL AS disabled FROM users ORDER BY username',
  );
  return rows.map((row) => ({ username: row.username, displayName: row.display_name, roles: row.roles, disabled: row.disabled }));
}
