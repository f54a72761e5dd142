import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getPullCursor } from '../../renderer/src/db/syncedCopy';
import { startFaultProxy, type FaultProxy } from './support/faultProxy';
import { startWorld, type SimDevice, type World } from './support/syncWorld';

/**
 * The pull reads the server's changes in pages of 500 and asks for the next page while it writes the
 * one it has. A page asked for ahead that fails must leave the pages before it written, with the
 * cursor after them, so the next run goes on from there.
 */
describe('a pull over several pages', () => {
  let world: World;
  let proxy: FaultProxy;
  let author: SimDevice;
  const created = new Set<string>();

  beforeAll(async () => {
    world = await startWorld();
    proxy = await startFaultProxy({ target: world.url, seed: 11, rate: 0 });
    author = await world.addDevice({ direct: true });
    // Syncing as it goes, as a counter does: it keeps the device supplied with case numbers.
    for (let index = 0; index < 1050; index += 1) {
      created.add((await author.createCase()).id);
      if (index % 500 === 499) await author.sync();
    }
    await author.sync();
  }, 120_000);
  afterAll(async () => {
    await proxy.close();
    await world.close();
  });

  it('keeps the pages written before a failed one and goes on from its cursor next time', { timeout: 120_000 }, async () => {
    const reader = await world.addDevice({ direct: true, serverUrl: proxy.url });
    let pulls = 0;
    let failNext = false;
    proxy.onRequest = (method, path) => {
      const pull = method === 'GET' && path === '/v1/sync/pull';
      if (pull) pulls += 1;
      // The second page of the first run answers 503; nothing else fails.
      proxy.rate = pull && pulls === 2 && failNext ? 1 : 0;
      if (proxy.rate === 1) failNext = false;
    };
    failNext = true;
    proxy.kinds = ['server-error'];

    await expect(reader.sync()).rejects.toThrow();
    const afterFailure = await reader.db.cases.toCollection().primaryKeys();
    expect(afterFailure).toHaveLength(500);
    for (const id of afterFailure) expect(created.has(String(id))).toBe(true);
    const cursor = await getPullCursor(reader.db);
    expect(cursor).toBeGreaterThan(0);
    const { rows } = await world.db.query<{ n: number }>('SELECT count(*)::int AS n FROM cases WHERE server_seq <= $1', [cursor]);
    expect(rows[0]?.n).toBe(500);

    pulls = 0;
    await reader.sync();
    // Pages two and three only: the run started from the cursor the first page left.
    expect(pulls).toBe(2);
    const all = (await reader.db.cases.toCollection().primaryKeys()).map(String);
    expect(new Set(all)).toEqual(created);
  });
});
