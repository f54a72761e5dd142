/**
 * The scope each reader last pulled in (migration 010). A reader is an install (its sync client id)
 * or, for a client that does not name itself, its device. Written only when it changes, so a pull in
 * the same scope reads one row.
 */
import type { Queryable } from '../db/database';

/** Records `scopeKey` for the reader; true when it differs from the one it pulled in before (or it had none). */
export async function notePullScope(db: Queryable, input: { reader: string; deviceId: string; scopeKey: string; now: Date }): Promise<boolean> {
  const { rows } = await db.query<{ scope_key: string }>('SELECT scope_key FROM pull_scopes WHERE reader = $1', [input.reader]);
  if (rows[0]?.scope_key === input.scopeKey) return false;
  await db.query(
    `INSERT INTO pull_scopes (reader, device_id, scope_key, updated_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (reader) DO UPDATE SET device_id = EXCLUDED.device_id, scope_key = EXCLUDED.scope_key, updated_at = EXCLUDED.updated_at`,
    [input.reader, input.deviceId, input.scopeKey, input.now],
  );
  return true;
}
