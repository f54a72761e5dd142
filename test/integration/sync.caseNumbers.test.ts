import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCaseNo } from '../../shared/domain/caseNumber';
import { testDatabaseUrl } from '../../server/src/testing/testDatabase';
import { listCases } from '../../renderer/src/db/caseStore';
import { listRejectedMutations, countPending } from '../../renderer/src/db/outbox';
import { CaseNumbersUsedUp } from '../../renderer/src/db/caseNumberStore';
import { snapshotDevice, startWorld, type SimDevice, type World } from './support/syncWorld';

/**
 * Case numbers unique across every install of a station, offline (decision 0016): installs number
 * cases from blocks the server reserved for each, a reinstalled or restored install never reuses a
 * number, and a number that reaches the server twice is refused alone with its reason.
 */
const sequenceOf = (caseNo: string) => Number(caseNo.split('-')[2]);

async function takeCases(device: SimDevice, count: number): Promise<string[]> {
  const numbers: string[] = [];
  for (let i = 0; i < count; i += 1) numbers.push((await device.createCase()).caseNo);
  return numbers;
}

async function serverCaseNos(world: World, stationCode: string): Promise<string[]> {
  const { rows } = await world.db.query<{ case_no: string }>('SELECT case_no FROM cases WHERE station_code = $1 ORDER BY case_no', [stationCode]);
  return rows.map((row) => row.case_no);
}

describe(`case numbers across the installs of one station (${testDatabaseUrl ? 'PostgreSQL' : 'PGlite'})`, () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(() => world.close());

  it('two installs sharing one device credential take 500 cases each offline, then sync: 1,000 distinct valid numbers', { timeout: 120_000 }, async () => {
    // Both sign in while online (and so get their blocks), then work offline.
    const a = await world.addDevice({ direct: true });
    const b = await world.addDevice({ direct: true, installOf: a });
    const [fromA, fromB] = await Promise.all([takeCases(a, 500), takeCases(b, 500)]);
    expect(new Set([...fromA, ...fromB]).size).toBe(1000);

    await a.sync();
    await b.sync();
    await a.sync();
    const stored = await serverCaseNos(world, a.stationCode);
    expect(stored).toHaveLength(1000);
    expect(new Set(stored).size).toBe(1000);
    expect(stored.filter((caseNo) => !parseCaseNo(caseNo).ok)).toEqual([]);
    expect(stored.sort()).toEqual([...fromA, ...fromB].sort());
    for (const device of [a, b]) {
      expect(await listRejectedMutations(device.db)).toEqual([]);
      expect(await countPending(device.db)).toBe(0);
      // Each holds the other's cases too, pulled without a clash.
      expect(await listCases(device.db)).toHaveLength(1000);
    }

    // A fresh install of the same device (a reinstall) numbers above everything the station has used.
    const reinstalled = await world.addDevice({ direct: true, installOf: a });
    const first = sequenceOf((await reinstalled.createCase()).caseNo);
    expect(first).toBeGreaterThan(Math.max(...stored.map(sequenceOf)));
  });

  it('brings a restored copy of an install forward past the numbers it used after the copy was made', { timeout: 60_000 }, async () => {
    const a = await world.addDevice({ direct: true });
    await takeCases(a, 5);
    const backup = await snapshotDevice(a);
    const later = await takeCases(a, 10);
    await a.sync();

    const restored = await world.addDevice({ direct: true, installOf: a, restoreFrom: backup });
    const next = await restored.createCase();
    expect(sequenceOf(next.caseNo)).toBe(Math.max(...later.map(sequenceOf)) + 1);
    expect(await serverCaseNos(world, a.stationCode)).not.toContain(next.caseNo);
  });

  it('refuses a number that reaches the server twice alone, with its reason, applies the next case and sends it no more', { timeout: 60_000 }, async () => {
    const a = await world.addDevice({ direct: true });
    const [taken] = await takeCases(a, 1);
    await a.sync();
    // An install of an older version, or a forced copy: the same number, another case.
    const x = await world.addDevice({ direct: true, installOf: a });
    const clash = await x.createCase({ caseNo: taken ?? '' });
    const after = await x.createCase();
    const report = await x.sync();
    expect(report.pushed).toBe(2);

    const refused = await listRejectedMutations(x.db);
    expect(refused).toEqual([expect.objectContaining({ caseId: clash.id, code: 'case_no_taken', message: expect.stringContaining(taken ?? '?') })]);
    const { rows } = await world.db.query<{ id: string }>('SELECT id FROM cases WHERE case_no = ANY($1::text[]) ORDER BY case_no', [[taken, after.caseNo]]);
    expect(rows.map((row) => row.id)).toEqual([(await listCases(a.db)).find((c) => c.caseNo === taken)?.id, after.id]);

    // Not sent again, and the pull that brings a's case under the same number does not fail.
    expect(await countPending(x.db)).toBe(0);
    expect((await x.sync()).pushed).toBe(0);
    expect((await listCases(x.db)).find((c) => c.id === clash.id)).toMatchObject({ syncState: 'rejected', caseNo: taken });
  });

  it('refuses a save offline with no number left, writes nothing, and saves once the install has been online', { timeout: 60_000 }, async () => {
    const y = await world.addDevice({ direct: true, offline: true });
    await expect(y.createCase()).rejects.toBeInstanceOf(CaseNumbersUsedUp);
    expect(await listCases(y.db)).toEqual([]);
    expect(await countPending(y.db)).toBe(0);
    await y.sync();
    const saved = await y.createCase();
    expect(parseCaseNo(saved.caseNo).ok).toBe(true);
    expect(await countPending(y.db)).toBe(1);
  });
});
