import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseUrl } from '../../server/src/testing/testDatabase';
import { setCaseField, transitionCase } from '../../renderer/src/db/caseStore';
import { seededRandom } from '../../shared/domain/seededRandom';
import { startWorld, type SimDevice, type World } from './support/syncWorld';
import { answeredThrough, effectiveState } from '../../renderer/src/db/outboxProgress';

/**
 * 50 devices push at once, every batch touching the same shared cases in a different order. On
 * PostgreSQL (TEST_DATABASE_URL) the pushes really run side by side: the lock order of applyPush
 * (client row, cases by id, change sequence) must keep them free of deadlocks. On either database no
 * update may be lost: of all the edits made from the same base, one is the server's value and every
 * other is kept in the case's review record.
 */
const CLIENTS = 50;
const SHARED_CASES = 12;
const EDITS_PER_CLIENT = 6;

describe(`${CLIENTS} devices pushing concurrently (${testDatabaseUrl ? 'PostgreSQL' : 'PGlite'})`, () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(() => world.close());

  it('applies every mutation once, without deadlock or lost update', { timeout: 180_000 }, async () => {
    const owner = await world.addDevice({ direct: true });
    const shared: string[] = [];
    for (let i = 0; i < SHARED_CASES; i += 1) shared.push((await owner.createCase()).id);
    await owner.sync();
    // Clerks take cases in, officers start reviews, supervisors (each unit's chief) do both.
    const roleOf = (index: number) => (index % 10 === 0 ? 'supervisor' : index % 2 === 1 ? 'officer' : 'clerk');
    const devices: SimDevice[] = [];
    for (let i = 0; i < CLIENTS; i += 1) devices.push(await world.addDevice({ direct: true, username: roleOf(i) }));
    await Promise.all(devices.map((device) => device.sync()));
    const takers = devices.filter((_, index) => roleOf(index) !== 'officer');
    const reviewers = devices.filter((_, index) => roleOf(index) !== 'clerk');
    expect(reviewers.length).toBeGreaterThanOrEqual(2 * SHARED_CASES);

    /** caseId → device index → that device's edits, in order. */
    const edits = new Map<string, Map<number, string[]>>(shared.map((id) => [id, new Map()]));
    await Promise.all(
      devices.map(async (device, index) => {
        const random = seededRandom(1000 + index);
        for (let k = 0; k < EDITS_PER_CLIENT; k += 1) {
          const caseId = shared[Math.floor(random() * shared.length)] ?? '';
          const phone = `09${String(index).padStart(2, '0')}${String(k).padStart(6, '0')}`;
          await setCaseField(caseId, 'applicant.phone', phone, device.db);
          const byDevice = edits.get(caseId);
          byDevice?.set(index, [...(byDevice.get(index) ?? []), phone]);
        }
        if (takers.includes(device)) for (let k = 0; k < 3; k += 1) await device.createCase();
        // Every shared case is started by several reviewers at once: one applies, the others find it so.
        const reviewer = reviewers.indexOf(device);
        if (reviewer >= 0) await transitionCase(shared[reviewer % shared.length] ?? '', 'in-review', undefined, device.db);
      }),
    );
    const started = performance.now();
    const outcomes = await Promise.allSettled(devices.map((device) => device.sync({ requestTimeoutMs: 60_000 })));
    const elapsed = performance.now() - started;
    expect(outcomes.filter((outcome) => outcome.status === 'rejected')).toEqual([]);
    expect(elapsed).toBeLessThan(120_000);

    // Scope by work (decision 0030): an officer holds a case while it is unassigned or theirs, so once
    // another reviewer took it that officer's later changes are refused out_of_scope, visibly, not lost.
    const refusedPhones = new Set<string>();
    for (const [index, device] of devices.entries()) {
      const entries = await device.db.outbox.toArray();
      const through = await answeredThrough(device.db);
      expect(entries.filter((entry) => effectiveState(entry, through) === 'pending')).toEqual([]);
      for (const entry of entries.filter((candidate) => candidate.state === 'rejected')) {
        expect([roleOf(index), entry.code]).toEqual(['officer', 'out_of_scope']);
        if (entry.mutation.name === 'setField') refusedPhones.add(String(entry.mutation.args.value));
      }
      const clientId = (await device.db.meta.get('clientId'))?.value;
      const { rows } = await world.db.query<{ last_mutation_id: number }>('SELECT last_mutation_id FROM sync_clients WHERE client_id = $1', [clientId]);
      expect(rows[0]?.last_mutation_id).toBe(entries.length);
    }
    const { rows: counts } = await world.db.query<{ n: number }>('SELECT count(*)::int AS n FROM cases');
    expect(counts[0]?.n).toBe(SHARED_CASES + takers.length * 3);

    const { rows } = await world.db.query<{ id: string; status: string; applicant: { phone: string }; review: { conflicts: Array<{ clientValue: string }> } | null }>(
      'SELECT id, status, applicant, review FROM cases WHERE id = ANY($1::uuid[])',
      [shared],
    );
    expect(rows.map((row) => row.status)).toEqual(shared.map(() => 'in-review'));
    for (const row of rows) {
      const byDevice = edits.get(row.id);
      if (!byDevice || byDevice.size === 0) continue;
      // The first device to reach the case edits from the current base: all its edits apply in turn and
      // its last one is the server's value. Every other device edited from the old base: each of its
      // edits is kept, in the review record, for a person to decide. Nothing else may be missing.
      const winner = [...byDevice.entries()].find(([, phones]) => phones[phones.length - 1] === row.applicant.phone);
      expect(winner, `the server value of ${row.id} is some device's last edit`).toBeDefined();
      const others = [...byDevice.entries()].filter(([index]) => index !== winner?.[0]).flatMap(([, phones]) => phones.filter((phone) => !refusedPhones.has(phone)));
      expect((row.review?.conflicts ?? []).map((conflict) => conflict.clientValue).sort()).toEqual(others.sort());
    }
  });
});
