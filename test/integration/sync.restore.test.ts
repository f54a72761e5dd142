import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countPending, getClientId } from '../../renderer/src/db/outbox';
import { startWorld, type World } from './support/syncWorld';

/**
 * A server restored from a backup has forgotten mutations it once acknowledged. It answers the next
 * push with `mutation_gap` and, as a typed fact of the error, where to resend from; the device opens
 * its outbox again from there and sends everything once more, so nothing it took is lost.
 */
describe('a server restored from an older backup', () => {
  let world: World;

  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(async () => {
    await world.close();
  });

  it('gets back what it forgot from the device, which resends from the id the error names', async () => {
    const device = await world.addDevice({ direct: true });
    const kept = await device.createCase();
    const forgotten = [await device.createCase(), await device.createCase()];
    await device.sync();
    // The backup predates the last two cases: the server remembers the first mutation only.
    const clientId = await getClientId(device.db);
    await world.db.query('UPDATE sync_clients SET last_mutation_id = 1 WHERE client_id = $1', [clientId]);
    await world.db.query('DELETE FROM mutations WHERE client_id = $1 AND mutation_id > 1', [clientId]);
    await world.db.query('DELETE FROM cases WHERE id = ANY($1::uuid[])', [forgotten.map((c) => c.id)]);

    const after = await device.createCase();
    await device.sync();

    const { rows } = await world.db.query<{ id: string }>('SELECT id FROM cases WHERE id = ANY($1::uuid[])', [[kept.id, ...forgotten.map((c) => c.id), after.id]]);
    expect(new Set(rows.map((row) => row.id))).toEqual(new Set([kept.id, ...forgotten.map((c) => c.id), after.id]));
    const last = await world.db.query<{ last_mutation_id: number }>('SELECT last_mutation_id FROM sync_clients WHERE client_id = $1', [clientId]);
    expect(last.rows[0]?.last_mutation_id).toBe(4);
    expect(await countPending(device.db)).toBe(0);
  });
});
