/**
 * The changed cases a scope's pull reads (authz/caseScope.ts): each part of the scope is one index
 * range in change order (migration 010), limited to the page, and the parts are merged; so a page of
 * a station's cases costs about what it did when pull served the whole city.
 *
 * What comes back is a superset of the scope: also the cases that left it (through `case_scope_exits`)
 * and deleted ones. The caller classifies each with `inScope`, the rule's one predicate, and sends the
 * others as tombstones, so a device forgets a case that moved away from it.
 */
import type { CaseScope } from '../authz/caseScope';
import { exitHoldersOf } from '../authz/caseScope';
import type { Queryable } from '../db/database';
import { caseColumns, fromRow, listCasesChangedAfter } from './caseStore';
import type { CaseRow, StoredCase } from './caseStore';

type Changed = StoredCase & { serverSeq: number };

/** One part of the scope: `where` over `cases`, as an index range in change order. */
const part = (where: string) => `(SELECT id, server_seq FROM cases WHERE ${where} AND server_seq > $1 AND server_seq <= $3 ORDER BY server_seq LIMIT $2)`;

/** The parts of a scope, as SQL over the parameters $4… it also returns. */
function partsOf(scope: Exclude<CaseScope, { kind: 'none' }>): { parts: string[]; parameters: unknown[] } {
  const station = part('station_code = $4');
  if (scope.kind === 'field') return { parts: [station], parameters: [scope.stationCode] };
  const perUnit = (units: string, extra: string) =>
    `(SELECT x.id, x.server_seq FROM unnest(${units}::text[]) AS u (code)
       CROSS JOIN LATERAL ${part(`unit = u.code${extra}`)} AS x)`;
  const overseen = scope.overseen === 'all' ? [] : scope.overseen;
  return {
    parts: [
      station,
      part('created_by = $5'),
      part('assignee = $5'),
      perUnit('$6', ''),
      perUnit('$7', ' AND assignee IS NULL'),
      `(SELECT c.id, c.server_seq FROM case_scope_exits e JOIN cases c ON c.id = e.case_id
         WHERE e.holder = ANY($8::text[]) AND c.server_seq > $1 AND c.server_seq <= $3 ORDER BY c.server_seq LIMIT $2)`,
    ],
    parameters: [scope.stationCode, scope.username, overseen, scope.pool, exitHoldersOf(scope)],
  };
}

/**
 * Up to `limit` cases in or once in the scope whose change number is in (cursor, watermark], in
 * change order. The director's scope is every case: the plain change-order read.
 */
export async function listScopedChangesAfter(db: Queryable, scope: CaseScope, cursor: number, limit: number, watermark: number): Promise<Changed[]> {
  if (scope.kind === 'none') return [];
  if (scope.kind === 'counter' && scope.overseen === 'all') return listCasesChangedAfter(db, cursor, limit, watermark);
  const { parts, parameters } = partsOf(scope);
  const { rows } = await db.query<CaseRow>(
    `WITH candidates AS (${parts.join(' UNION ')})
     SELECT ${caseColumns} FROM cases WHERE id IN (SELECT id FROM candidates ORDER BY server_seq LIMIT $2) ORDER BY server_seq`,
    [cursor, limit, watermark, ...parameters],
  );
  return rows.flatMap((row) => {
    const stored = fromRow(row);
    return stored.serverSeq === null ? [] : [{ ...stored, serverSeq: stored.serverSeq }];
  });
}
