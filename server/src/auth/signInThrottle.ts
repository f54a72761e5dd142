/**
 * Lock-out and sign-in rate limits, kept in the database so that every server behind a load balancer
 * counts the same failures, and measured by the server's clock.
 *
 * - At most ACCOUNT_FAILURE_LIMIT failed sign-ins for one username in WINDOW_MS: after that the
 *   account is locked (423 `account_locked`) until the oldest of those failures leaves the window,
 *   even for the right password. Counted by the username as typed, existing or not, so a lock-out
 *   does not reveal whether an account exists.
 * - At most ADDRESS_FAILURE_LIMIT failed sign-ins from one address in WINDOW_MS: after that the
 *   address gets 429 `rate_limited`, whatever username it tries.
 * - A successful sign-in (and an administrator's password reset) clears the username's failures.
 */
import type { Queryable } from '../db/database';
import { DomainError } from '../domain/domainError';

export const WINDOW_MS = 15 * 60 * 1000;
export const ACCOUNT_FAILURE_LIMIT = 10;
export const ADDRESS_FAILURE_LIMIT = 20;

interface Attempt {
  username: string;
  address: string;
  now: Date;
}

const windowStart = (now: Date): Date => new Date(now.getTime() - WINDOW_MS);

/** Throws 429 or 423 when this attempt may not even be checked. */
export async function assertSignInAllowed(db: Queryable, attempt: Attempt): Promise<void> {
  const username = attempt.username.toLowerCase();
  const { rows } = await db.query<{ by_user: number; by_address: number }>(
    `SELECT count(*) FILTER (WHERE username = $1)::int AS by_user,
            count(*) FILTER (WHERE address = $2)::int AS by_address
       FROM sign_in_failures
      WHERE at > $3 AND (username = $1 OR address = $2)`,
    [username, attempt.address, windowStart(attempt.now)],
  );
  const counts = rows[0];
  if (!counts) return;
  if (counts.by_address >= ADDRESS_FAILURE_LIMIT) {
    throw new DomainError('rate_limited', 'Too many failed sign-ins from this address: wait 15 minutes and try again');
  }
  if (counts.by_user >= ACCOUNT_FAILURE_LIMIT) {
    throw new DomainError('account_locked', 'This account is locked after too many failed sign-ins: wait 15 minutes or ask an administrator to reset the password');
  }
}

export async function recordSignInFailure(db: Queryable, attempt: Attempt): Promise<void> {
  await db.query('INSERT INTO sign_in_failures (username, address, at) VALUES ($1, $2, $3)', [attempt.username.toLowerCase(), attempt.address, attempt.now]);
  // Rows older than the window count for nothing; dropping them here keeps the table small.
  await db.query('DELETE FROM sign_in_failures WHERE at < $1', [new Date(attempt.now.getTime() - 2 * WINDOW_MS)]);
}

export async function clearSignInFailures(db: Queryable, username: string): Promise<void> {
  await db.query('DELETE FROM sign_in_failures WHERE username = $1', [username.toLowerCase()]);
}
