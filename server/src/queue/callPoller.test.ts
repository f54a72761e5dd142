import { describe, expect, it } from 'vitest';
import type { Queryable } from '../db/database';
import { createCallPoller } from './callPoller';

/** A database whose queue_calls holds `rows`, counting the reads. */
function fakeDb(rows: Array<Record<string, unknown>>) {
  let reads = 0;
  const db: Queryable = {
    async query<T extends object>(_sql: string, params?: readonly unknown[]) {
      reads += 1;
      const after = Number(params?.[0] ?? 0);
      return { rows: rows.filter((row) => Number(row.id) > after) as T[], rowCount: 0 };
    },
    async exec() {},
  };
  return { db, reads: () => reads };
}

const call = (id: number) => ({ id, number: `A00${id}`, queue_group: 'A', counter_label: 'KL01', called_at: new Date('2026-03-02T01:00:00Z'), recall: false, priority: false });

describe('the call poller', () => {
  it('reads only while someone listens, from where the first listener had read', async () => {
    const { db, reads } = fakeDb([call(1), call(2), call(3)]);
    const poller = createCallPoller(db, { intervalMs: 5, onError: (error) => { throw error; } });
    expect(poller.running).toBe(false);
    const seen: number[] = [];
    const stop = poller.listen((calls) => seen.push(...calls.map((c) => c.seq)), 1);
    expect(poller.running).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(seen).toEqual([2, 3]);
    stop();
    expect(poller.running).toBe(false);
    const after = reads();
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(reads()).toBe(after);
  });

  it('stops for good when the app closes', async () => {
    const { db, reads } = fakeDb([]);
    const poller = createCallPoller(db, { intervalMs: 5, onError: () => {} });
    poller.listen(() => {}, 0);
    poller.listen(() => {}, 0);
    poller.stop();
    const after = reads();
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect([poller.running, reads()]).toEqual([false, after]);
  });
});
