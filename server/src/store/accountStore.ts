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

/** An account as the administrator changes it, locked for the rest of the transaction. */
export interface LockedUser {
  id: number;
  username: string;
  roles: string[];
  disabled: boolean;
}

export async function lockUser(db: Queryable, username: string): Promise<LockedUser | undefined> {
  const { rows } = await db.query<{ id: number; username: string; roles: string[]; disabled: boolean }>(
    'SELECT id, username, roles, disabled_at IS NOT NULL AS disabled FROM users WHERE username = $1 FOR UPDATE',
    [username.toLowerCase()],
  );
  return rows[0];
}

/**
 * The active administrators other than `username`, their rows locked: two administrators taking each
 * other's role at once are serialised here, so the last one standing cannot be removed by a race.
 */
export async function otherActiveAdmins(db: Queryable, username: string): Promise<number> {
  const { rows } = await db.query<{ id: number }>(
    "SELECT id FROM users WHERE 'admin' = ANY(roles) AND disabled_at IS NULL AND username <> $1 ORDER BY id FOR UPDATE",
    [username.toLowerCase()],
  );
  return rows.length;
}

/** Sets a user's roles and ends their sessions, so the next request is signed in with the new ones. */
export async function replaceRoles(db: Queryable, userId: number, roles: readonly string[]): Promise<number> {
  await db.query('UPDATE users SET roles = $2::text[] WHERE id = $1', [userId, [...roles]]);
  const { rowCount } = await db.query('DELETE FROM sessions WHERE user_id = $1', [userId]);
  return rowCount;
}

/** Disables (ending every session) or enables a user. */
export async function setUserDisabled(db: Queryable, userId: number, disabledAt: Date | null): Promise<number> {
  await db.query('UPDATE users SET disabled_at = $2 WHERE id = $1', [userId, disabledAt]);
  if (disabledAt === null) return 0;
  const { rowCount } = await db.query('DELETE FROM sessions WHERE user_id = $1', [userId]);
  return rowCount;
}
