import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getCase, setCaseField, transitionCase } from '../../renderer/src/db/caseStore';
import { listRejectedMutations } from '../../renderer/src/db/outbox';
import { startWorld, type SimDevice, type World } from './support/syncWorld';

/**
 * The documented outcome (docs/decisions/0006-sync-protocol.md) of two clerks editing the same field
 * of a case from the same base while a supervisor takes it through review to approval, in every order
 * the three can reach the server:
 * - status: approved — server-owned, decided by the lifecycle and the desk; a clerk's transition into
 *   review (clerks no longer review, decision 0027) is refused with a readable reason, whether it comes
 *   before the supervisor's or after, and never overrides the supervisor;
 * - the phone: the first edit to arrive wins; the second was made from an old base, so the server keeps
 *   the first, flags the case "needs review" and records both values;
 * - all three devices end with the server's copy.
 */
const orders: Array<Array<'A' | 'B' | 'S'>> = [
  ['A', 'B', 'S'],
  ['A', 'S', 'B'],
  ['B', 'A', 'S'],
  ['B', 'S', 'A'],
  ['S', 'A', 'B'],
  ['S', 'B', 'A'],
];

describe('two clerks edit a case while a supervisor approves it', () => {
  let world: World;
  let a: SimDevice;
  let b: SimDevice;
  let s: SimDevice;
  beforeAll(async () => {
    world = await startWorld();
    a = await world.addDevice();
    b = await world.addDevice();
    s = await world.addDevice({ username: 'supervisor' });
  });
  afterAll(() => world.close());

  it.each(orders.map((order) => [order.join(' → '), order] as const))('reaches the documented outcome when they sync in the order %s', async (_label, order) => {
    const record = await a.createCase();
    await a.sync();
    await b.sync();
    await s.sync();
    const base = record.applicant.phone;

    // All three work offline from the same copy.
    await setCaseField(record.id, 'applicant.phone', '0911111111', a.db);
    await setCaseField(record.id, 'applicant.phone', '0922222222', b.db);
    await transitionCase(record.id, 'in-review', 'ready for review', b.db);
    for (const to of ['in-review', 'pending-approval', 'approved'] as const) await transitionCase(record.id, to, undefined, s.db);

    const devices = { A: a, B: b, S: s };
    for (const name of order) await devices[name].sync();
    for (const device of [a, b, s]) await device.sync();

    const { rows } = await world.db.query<{ status: string; applicant: { phone: string }; review: { needsReview: boolean; conflicts: Array<{ field: string; base: string; serverValue: string; clientValue: string }> } }>(
      'SELECT status, applicant, review FROM cases WHERE id = $1',
      [record.id],
    );
    const server = rows[0];
    const firstEditor = order.find((name) => name === 'A' || name === 'B');
    const [winner, loser] = firstEditor === 'A' ? ['0911111111', '0922222222'] : ['0922222222', '0911111111'];
    expect(server?.status).toBe('approved');
    expect(server?.applicant.phone).toBe(winner);
    expect(server?.review.needsReview).toBe(true);
    expect(server?.review.conflicts).toEqual([expect.objectContaining({ field: 'applicant.phone', base, serverValue: winner, clientValue: loser })]);

    for (const device of [a, b, s]) {
      const local = await getCase(record.id, device.db);
      expect(local).toMatchObject({ status: 'approved', applicant: expect.objectContaining({ phone: winner }), review: server?.review });
      expect(local?.syncState === 'synced' || local?.syncState === 'rejected').toBe(true);
    }
    // B's "in-review" was refused with a reason B can read: before the supervisor's steps, a review is
    // not a clerk's to start; after them, the case is decided. It never moved the case.
    const refused = (await listRejectedMutations(b.db)).filter((entry) => entry.caseId === record.id);
    expect(refused).toHaveLength(1);
    const supervisorFirst = order.indexOf('S') < order.indexOf('B');
    expect(refused[0]?.code).toBe(supervisorFirst ? 'invalid_transition' : 'not_in_unit');
    expect(refused[0]?.message).toMatch(supervisorFirst ? /案件狀態無法由.*in-review/ : /此案件不屬於您的單位/);
    expect(await listRejectedMutations(s.db)).toEqual([]);
  });
});
