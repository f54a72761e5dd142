/**
 * The changed cases a scope's pull reads (authz/caseScope.ts): each part of the scope is one index
 * range in change order (migration 010), limited to the page, and the parts are merged; so a page of
 * a station's cases costs about what it did when pull served the whole city.
 *
 * What comes back is a superset of the scope: also the cases that left it (through `case_scope_exits`)
 * and deleted ones. The caller classifies each with `inScope`, the rule's one predicate, and sends the
 * others as tombstones, so a device forgets a case that moved away from it. The director's scope is
 * every case: the plain change-order read.
 */
import type { Queryable } from '../db/database';
import { caseColumns, fromRow, listCasesChangedAfter } from './caseStore';
import type { CaseRow, StoredCase } from './caseStore';

/** What a scope's pull reads, as the SQL needs it (authz/caseScope.ts `pullSelectionOf` makes it). */
export type PullSelection =
  | { kind: 'nothing' }
  | { kind: 'everything' }
  | {
      kind: 'parts';
      stationCode: string;
      /** The person whose intakes and assigned cases are in; null for a field laptop. */
      username: string | null;
      overseen: readonly string[];
      pool: readonly string[];
      /** `case_scope_exits` holders: the cases that left through them come back to be forgotten. */
      holders: readonly string[];
    };

type Changed = StoredCase & { serverSeq: number };

/** One part of the scope: `where` over `cases`, as an index range in change order. */
const part = (where: string) => `(SELECT id, server_seq FROM cases WHERE ${where} AND server_seq > $1 AND server_seq <= $3 ORDER BY server_seq LIMIT $2)`;

/** The cases of each unit the parameter `units` names, unit by unit, so each is one index range. */
const perUnit = (units: string, extra: string) =>
  `(SELECT x.id, x.server_seq FROM unnest(${units}::text[]) AS u (code) CROSS JOIN LATERAL ${part(`unit = u.code${extra}`)} AS x)`;

/** The parts of a selection, as SQL over $4 (units), $5 (pool), $6 (holders), $7 (station), $8 (person). */
const scopeCandidates = [
  part('station_code = $7'),
  // A field laptop names no person ($8 is then ''), which no case was taken in by or assigned to.
  part('created_by = $8::text'),
  part('assignee = $8::text'),
  perUnit('$4', ''),
  perUnit('$5', ' AND assignee IS NULL'),
  `(SELECT c.id, c.server_seq FROM case_scope_exits e JOIN cases c ON c.id = e.case_id
     WHERE e.holder = ANY($6::text[]) AND c.server_seq > $1 AND c.server_seq <= $3 ORDER BY c.server_seq LIMIT $2)`,
].join(' UNION ');

/** Up to `limit` cases in or once in the selection whose change number is in (cursor, watermark], in change order. */
export async function listScopedChangesAfter(db: Queryable, selection: PullSelection, cursor: number, limit: number, watermark: number): Promise<Changed[]> {
  if (selection.kind === 'nothing') return [];
  if (selection.kind === 'everything') return listCasesChangedAfter(db, cursor, limit, watermark);
  const { rows } = await db.query<CaseRow>(
    `WITH candidates AS (${scopeCandidates})
     SELECT ${caseColumns} FROM cases WHERE id IN (SELECT id FROM candidates ORDER BY server_seq LIMIT $2) ORDER BY server_seq`,
    [cursor, limit, watermark, selection.overseen, selection.pool, selection.holders, selection.stationCode, selection.username ?? ''],
  );
  return rows.flatMap((row) => {
    const stored = fromRow(row);
    return stored.serverSeq === null ? [] : [{ ...stored, serverSeq: stored.serverSeq }];
  });
}
