/**
 * Bearer sessions. The token is 32 random bytes (base64url) handed to the client once; the database
 * keeps only its SHA-256, so a leaked copy of the sessions table signs nobody in. A session is bound
 * to the device it signed in on, and stops working when it expires, when it is ended (sign-out, or
 * sign-out everywhere), when its user is disabled or has the password reset, or when that device is
 * revoked.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { roleSchema } from '../../../shared/schemas/auth';
import type { Role } from '../../../shared/schemas/auth';
import type { Queryable } from '../db/database';
import { DomainError } from '../domain/domainError';

declare module 'fastify' {
  interface FastifyRequest {
    /** The session the authorization guard checked (server/src/authz/authorization.ts), or null. */
    authSession: Session | null;
  }
}

export interface Session {
  tokenHash: string;
  userId: number;
  username: string;
  displayName: string;
  roles: Role[];
  deviceId: string;
  deviceName: string;
  stationCode: string;
  expiresAt: Date;
}

export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Keeps the roles this server knows; a role written by a newer version is ignored, not trusted. */
export function knownRoles(values: readonly string[]): Role[] {
  return values.flatMap((value) => {
    const parsed = roleSchema.safeParse(value);
    return parsed.success ? [parsed.data] : [];
  });
}

export async function createSession(
  db: Queryable,
  input: { userId: number; deviceId: string; now: Date; ttlMs: number },
): Promise<{ token: string; expiresAt: Date }> {
  const token = newSessionToken();
  const expiresAt = new Date(input.now.getTime() + input.ttlMs);
  await db.query('INSERT INTO sessions (token_hash, user_id, device_id, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)', [
    hashSessionToken(token),
    input.userId,
    input.deviceId,
    input.now,
    expiresAt,
  ]);
  return { token, expiresAt };
}

export async function endSession(db: Queryable, tokenHash: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
}

/** Drops a user's sessions that expired more than a day ago, so the table does not grow forever. */
export async function pruneExpiredSessions(db: Queryable, userId: number, now: Date): Promise<void> {
  await db.query("DELETE FROM sessions WHERE user_id = $1 AND expires_at < $2::timestamptz - interval '1 day'", [userId, now]);
}

const bearerPattern = /^Bearer ([A-Za-z0-9_-]{43})$/;

/** A session with its user and its device, as stored. */
export interface SessionRow {
  token_hash: string;
  user_id: number;
  username: string;
  display_name: string;
  roles: string[];
  user_disabled: boolean;
  device_id: string;
  device_name: string;
  station_code: string;
  device_revoked: boolean;
  expires_at: Date;
}

/**
 * The session the authorization guard checked for this request (with the device credential and the
 * route's permission); for a request that skipped the guard, the same session check on its own.
 */
export async function authenticate(db: Queryable, request: FastifyRequest, now: Date): Promise<Session> {
  return request.authSession ?? authenticateSession(db, request, now);
}

/** Ends every session of a user, on every device (sign-out everywhere); returns how many ended. */
export async function endAllSessions(db: Queryable, userId: number): Promise<number> {
  const { rowCount } = await db.query('DELETE FROM sessions WHERE user_id = $1', [userId]);
  return rowCount;
}

/** The SHA-256 of the request's bearer token, or a thrown 401 when it carries none. */
export function sessionTokenHashOf(request: FastifyRequest): string {
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? bearerPattern.exec(header) : null;
  if (!match?.[1]) throw new DomainError('unauthorized', 'Sign in first: this request needs a valid session');
  return hashSessionToken(match[1]);
}

/**
 * The live session a stored row describes, or a thrown 401 (`unauthorized`) or, when the session's
 * device was revoked, 403 `device_revoked` so the device knows to wipe itself.
 */
export function liveSession(row: SessionRow | undefined, now: Date): Session {
  if (!row || row.user_disabled || row.expires_at.getTime() <= now.getTime()) {
    throw new DomainError('unauthorized', 'The session has expired or ended: sign in again');
  }
  if (row.device_revoked) throw new DomainError('device_revoked', 'This device has been revoked');
  return {
    tokenHash: row.token_hash,
    userId: row.user_id,
    username: row.username,
    displayName: row.display_name,
    roles: knownRoles(row.roles),
    deviceId: row.device_id,
    deviceName: row.device_name,
    stationCode: row.station_code,
    expiresAt: row.expires_at,
  };
}

/** The session behind the request's `Authorization: Bearer …` header, or a thrown 401/403 (see liveSession). */
export async function authenticateSession(db: Queryable, request: FastifyRequest, now: Date): Promise<Session> {
  const tokenHash = sessionTokenHashOf(request);
  const { rows } = await db.query<SessionRow>(
    `SELECT s.token_hash, s.user_id, u.username, u.display_name, u.roles, u.disabled_at IS NOT NULL AS user_disabled,
            d.id AS device_id, d.name AS device_name, d.station_code, d.revoked_at IS NOT NULL AS device_revoked,
            s.expires_at
       FROM sessions s
       JOIN users u ON u.id = s.user_id
       JOIN devices d ON d.id = s.device_id
      WHERE s.token_hash = $1`,
    [tokenHash],
  );
  return liveSession(rows[0], now);
}
