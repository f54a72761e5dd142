/**
 * Escrow keys of device installs (docs/decisions/0017-shared-device-escrow.md).
 *
 * - One random 32-byte key per (device, install): an install is the device's sync client id, so two
 *   browsers sharing the demo device's credential never share a key.
 * - Made at the first release and never changed afterwards: the device's escrow copy was sealed
 *   under it. Revoking the device deletes its keys (deviceStore.revokeDevice).
 * - The key is read and written as base64 by the database (encode/decode), so the pg and PGlite
 *   drivers' different byte types never meet; it is never logged or audited.
 */
import { randomBytes } from 'node:crypto';
import type { Queryable } from '../db/database';

export const ESCROW_KEY_BYTES = 32;

/** The install's escrow key (base64), made now when it has none. Runs in the caller's transaction. */
export async function escrowKeyFor(tx: Queryable, input: { deviceId: string; clientId: string; now: Date }): Promise<string> {
  await tx.query(
    `INSERT INTO device_escrow_keys (device_id, client_id, escrow_key, created_at)
     VALUES ($1, $2, decode($3, 'base64'), $4) ON CONFLICT (device_id, client_id) DO NOTHING`,
    [input.deviceId, input.clientId, randomBytes(ESCROW_KEY_BYTES).toString('base64'), input.now],
  );
  const { rows } = await tx.query<{ key: string }>(`SELECT encode(escrow_key, 'base64') AS key FROM device_escrow_keys WHERE device_id = $1 AND client_id = $2`, [
    input.deviceId,
    input.clientId,
  ]);
  const key = rows[0]?.key;
  if (!key) throw new Error(`device_escrow_keys row for ${input.deviceId} vanished inside its transaction`);
  return key;
}

/** Forgets every escrow key of a device: its escrow copies can no longer be opened by anyone. */
export async function deleteEscrowKeys(tx: Queryable, deviceId: string): Promise<number> {
  const { rowCount } = await tx.query('DELETE FROM device_escrow_keys WHERE device_id = $1', [deviceId]);
  return rowCount;
}
