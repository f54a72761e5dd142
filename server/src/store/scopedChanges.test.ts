import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseScope } from '../authz/caseScope';
import { inScope, pullSelectionOf, scopeOfActor } from '../authz/caseScope';
import type { Database } from '../db/database';
import { buildCaseRecord } from '../testing/caseFixtures';
import { openTestDatabase } from '../testing/testDatabase';
import { findCasesByIds, insertCasesIfAbsent, markCaseDeleted, updateCase } from './caseStore';
import type { StoredCase } from './caseStore';
import { stampChanges } from './changeSequence';
import { listScopedChangesAfter } from './scopedChanges';

/**
 * The scope's SQL (pull) and its predicate (mutations, documents) must give the same cases: every
 * mix of station, intake person, unit and officer, read in small pages, against the predicate over
 * every case. Cases that moved away come back only to the scopes that held them.
 */
const stations = ['KL01', 'KL02'];
const people = ['ann', 'bob'];
const units = ['PROPERTY', 'CONSUMPTION'];

const scopes: Array<[string, CaseScope]> = [
  ['clerk at KL01', scopeOfActor({ username: 'ann', roles: ['clerk'], units: [] }, 'KL01')],
  ['officer of PROPERTY at KL02', scopeOfActor({ username: 'bob', roles: ['officer'], units: [{ unit: 'PROPERTY', position: 'officer' }] }, 'KL02')],
  ['chief of CONSUMPTION at KL03', scopeOfActor({ username: 'cid', roles: ['supervisor'], units: [{ unit: 'CONSUMPTION', position: 'chief' }] }, 'KL03')],
  ['director at KL03', scopeOfActor({ username: 'dee', roles: ['supervisor'], units: [{ unit: 'SERVICE', position: 'director' }] }, 'KL03')],
  ['field laptop KL02', scopeOfActor({ username: 'bob', roles: ['field-staff'], units: [] }, 'KL02')],
  ['administrator', scopeOfActor({ username: 'root', roles: ['admin'], units: [] }, 'KL01')],
];

describe('the scope in SQL and as a predicate', () => {
  let db: Database;
  const ids: string[] = [];
  const now = new Date('2026-03-02T01:00:00Z');

  beforeAll(async () => {
    db = await openTestDatabase();
    let sequence = 0;
    const records = stations.flatMap((stationCode) =>
      people.flatMap((createdBy) =>
        units.flatMap((unit) =>
          [undefined, ...people].map((assignee) => {
            sequence += 1;
            return buildCaseRecord(sequence, { stationCode, createdBy, desk: { unit, notes: [], ...(assignee ? { assignee } : {}) } });
          }),
        ),
      ),
    );
    await db.transaction(async (tx) => {
      await insertCasesIfAbsent(tx, records, now);
      await stampChanges(tx, records.map((record) => record.id));
    });
    ids.push(...records.map((record) => record.id));
    // Moves: a PROPERTY case leaves for CONSUMPTION, one of bob's goes to ann, an unassigned one is taken; one is deleted.
    const moved = records.filter((record) => record.stationCode === 'KL01' && record.createdBy === 'ann');
    await db.transaction(async (tx) => {
      const [toOtherUnit, bobs, pooled, deleted] = [
        moved.find((r) => r.desk?.unit === 'PROPERTY' && !r.desk.assignee),
        moved.find((r) => r.desk?.assignee === 'bob'),
        moved.find((r) => r.desk?.unit === 'CONSUMPTION' && !r.desk.assignee),
        moved.find((r) => r.desk?.unit === 'CONSUMPTION' && r.desk.assignee === 'ann'),
      ];
      if (!toOtherUnit || !bobs || !pooled || !deleted) throw new Error('fixture cases missing');
      await updateCase(tx, toOtherUnit.id, { desk: { unit: 'CONSUMPTION', notes: [] } }, now);
      await updateCase(tx, bobs.id, { desk: { unit: bobs.desk?.unit ?? 'PROPERTY', assignee: 'ann', notes: [] } }, now);
      await updateCase(tx, pooled.id, { desk: { unit: 'CONSUMPTION', assignee: 'bob', notes: [] } }, now);
      await markCaseDeleted(tx, deleted.id, now);
      await stampChanges(tx, [toOtherUnit.id, bobs.id, pooled.id, deleted.id]);
    });
  });
  afterAll(() => db.close());

  /** Everything the scope's pull serves, in pages of 5, with each row's verdict. */
  async function pullAll(scope: CaseScope): Promise<StoredCase[]> {
    const served: StoredCase[] = [];
    let cursor = 0;
    for (;;) {
      const page = await listScopedChangesAfter(db, pullSelectionOf(scope), cursor, 5, Number.MAX_SAFE_INTEGER);
      const last = page[page.length - 1];
      if (!last) return served;
      expect(page.map((row) => row.serverSeq)).toEqual([...page.map((row) => row.serverSeq)].sort((a, b) => a - b));
      served.push(...page);
      cursor = last.serverSeq;
    }
  }

  for (const [name, scope] of scopes) {
    it(`serves the ${name} exactly the cases the predicate allows`, async () => {
      const all = [...(await findCasesByIds(db, ids)).values()];
      const expected = all.filter((stored) => inScope(scope, stored)).map((stored) => stored.record.id).sort();
      const served = await pullAll(scope);
      expect(served.filter((stored) => inScope(scope, stored)).map((stored) => stored.record.id).sort()).toEqual(expected);
      expect(new Set(served.map((stored) => stored.record.id)).size).toBe(served.length);
    });
  }

  it('sends a case that moved away, as something to forget, to the scopes that held it and to no other', async () => {
    const forgotten = async (scope: CaseScope) => (await pullAll(scope)).filter((stored) => !inScope(scope, stored) && !stored.deleted).map((stored) => stored.record.caseNo);
    const [clerk, officer, chief, , field] = scopes.map(([, scope]) => scope);
    if (!clerk || !officer || !chief || !field) throw new Error('scopes missing');
    // bob, officer of PROPERTY, held: his own case given to ann, and the unassigned PROPERTY case moved to CONSUMPTION.
    expect(await forgotten(officer)).toHaveLength(2);
    // The clerk's station keeps every case it took in; the chief of CONSUMPTION lost nothing; a field laptop never held them.
    expect(await forgotten(clerk)).toEqual([]);
    expect(await forgotten(chief)).toEqual([]);
    expect(await forgotten(field)).toEqual([]);
  });
});
