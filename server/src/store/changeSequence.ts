/**
 * The change sequence that pull pages through (`cases.server_seq`).
 *
 * Why not a plain SEQUENCE: `nextval()` hands out numbers in call order, but transactions commit in
 * any order. Writer A takes 41, writer B takes 42, B commits first; a pull that runs now sees 42,
 * returns it and moves the client's cursor to 42. When A commits, 41 is below every cursor that has
 * already passed it, and those clients never receive the change.
 *
 * What we do instead: a writer stamps its rows as the last step of its transaction by updating the
 * single row of `change_sequence`. That row lock is held until commit, so the next writer cannot take
 * a number until this one has committed (or rolled back, which gives the numbers back). Numbers are
 * therefore handed out in commit order: every number up to the row's committed `last_value` belongs
 * to a committed row, which is the watermark pull reads below (sync/pullChanges.ts), so a pull never
 * passes a change that commits later. Writers serialise only for the one statement between stamping
 * and COMMIT; readers never wait.
 *
 * Contention: every push that touches a case locks this row, but one that audits something (any
 * applied change) takes it only after the audit chain's head (store/auditStore.ts), which it holds
 * until COMMIT too; such pushes therefore reach this row one at a time and wait here for nothing
 * but a push with nothing to audit (a no-op or a rejection that re-stamps a case), which holds it for
 * one statement and COMMIT. The audit head is the hot row (docs/decisions/0006-sync-protocol.md).
 *
 * Invariant for every writer: touch rows with `server_seq = NULL`, then call `stampChanges` right
 * before the transaction ends, and do nothing slow after it.
 */
import type { Queryable } from '../db/database';

/** Gives each changed case the next change number, in the order given; returns the numbers. */
export async function stampChanges(tx: Queryable, caseIds: readonly string[]): Promise<number[]> {
  const unique = [...new Set(caseIds)];
  if (unique.length === 0) return [];
  // One statement takes the numbers and stamps the rows, so once the row is locked only COMMIT follows.
  // (A data-modifying WITH runs whether or not the outer query reads it.)
  const { rows } = await tx.query<{ last_value: number }>(
    `WITH taken AS (
       UPDATE change_sequence SET last_value = last_value + cardinality($1::uuid[]) RETURNING last_value
     ), stamped AS (
       UPDATE cases SET server_seq = taken.last_value - cardinality($1::uuid[]) + given.ordinal
         FROM taken, unnest($1::uuid[]) WITH ORDINALITY AS given (id, ordinal)
        WHERE cases.id = given.id
     )
     SELECT last_value FROM taken`,
    [unique],
  );
  const last = rows[0]?.last_value;
  if (last === undefined) throw new Error('change_sequence has no row: migrations did not run');
  const first = last - unique.length + 1;
  return unique.map((_, index) => first + index);
}

/** The highest change number handed out so far (committed, as seen by this snapshot). */
export async function currentChangeSeq(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ last_value: number }>('SELECT last_value FROM change_sequence');
  return rows[0]?.last_value ?? 0;
}
