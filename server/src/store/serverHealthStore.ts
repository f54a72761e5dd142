/** The counts the administrator's health view shows, in one round trip: no taxpayer data, only sizes. */
import type { Queryable } from '../db/database';

export interface HealthCounts {
  schemaVersion: number;
  pendingNotifications: number;
  failedNotifications: number;
  oldestPendingAt: Date | null;
  activeUsers: number;
  activeDevices: number;
  liveSessions: number;
}

export async function readHealthCounts(db: Queryable, now: Date): Promise<HealthCounts> {
  const { rows } = await db.query<{
    schema_version: number | null;
    pending: number;
    failed: number;
    oldest_pending_at: Date | null;
    active_users: number;
    active_devices: number;
    live_sessions: number;
  }>(
    `SELECT (SELECT max(version) FROM schema_migrations)::int AS schema_version,
            (SELECT count(*) FROM notifications WHERE status IN ('pending', 'sending'))::int AS pending,
            (SELECT count(*) FROM notifications WHERE status = 'failed')::int AS failed,
            (SELECT min(created_at) FROM notifications WHERE status IN ('pending', 'sending')) AS oldest_pending_at,
            (SELECT count(*) FROM users WHERE disabled_at IS NULL)::int AS active_users,
            (SELECT count(*) FROM devices WHERE revoked_at IS NULL AND secret_hash IS NOT NULL)::int AS active_devices,
            (SELECT count(*) FROM sessions WHERE expires_at > $1)::int AS live_sessions`,
    [now],
  );
  const row = rows[0];
  return {
    schemaVersion: row?.schema_version ?? 0,
    pendingNotifications: row?.pending ?? 0,
    failedNotifications: row?.failed ?? 0,
    oldestPendingAt: row?.oldest_pending_at ?? null,
    activeUsers: row?.active_users ?? 0,
    activeDevices: row?.active_devices ?? 0,
    liveSessions: row?.live_sessions ?? 0,
  };
}
