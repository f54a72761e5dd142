/**
 * The request counts behind authz/rateLimit.ts (table `rate_limit_windows`, migration 012): one row
 * per key and fixed window, counted by an upsert, so every server process on the same database draws
 * on one budget. The upsert takes a row lock on its key only: clients never wait on each other.
 */
import { z } from 'zod';
import type { Queryable } from '../db/database';

/** How often the cleanup job looks for windows that have ended. */
export const RATE_LIMIT_CLEANUP_INTERVAL_MS = 60 * 1000;

const hitsRowSchema = z.object({ hits: z.number().int().positive() });

/** Counts one request against `key` in the window starting at `windowStart`; the window's count so far. */
export async function countHit(db: Queryable, key: string, windowStart: Date, windowEnd: Date): Promise<number> {
  const { rows } = await db.query(
    `INSERT INTO rate_limit_windows (key, window_start, expires_at, hits) VALUES ($1, $2, $3, 1)
     ON CONFLICT (key, window_start) DO UPDATE SET hits = LEAST(rate_limit_windows.hits, 2147483646) + 1
     RETURNING hits`,
    [key, windowStart, windowEnd],
  );
  return hitsRowSchema.parse(rows[0]).hits;
}

/** Removes the windows that ended before `now`; how many went. */
export async function deleteEndedWindows(db: Queryable, now: Date): Promise<number> {
  const { rowCount } = await db.query('DELETE FROM rate_limit_windows WHERE expires_at < $1', [now]);
  return rowCount;
}
