/**
 * Pull: the cases changed after the client's cursor, in change order, read only up to a safe watermark.
 *
 * Why a plain sequence cursor is not enough: with `nextval()` numbers are handed out when a writer
 * asks, but writers commit in any order. Writer A takes 41, writer B takes 42 and commits first; a pull
 * now sees 42, returns it and moves the client's cursor to 42. When A commits, 41 lies below every
 * cursor that has passed it and those clients never receive A's change.
 *
 * The watermark: change numbers come from the single `change_sequence` row, taken as the last step of
 * the writer's transaction, so they are handed out in commit order (store/changeSequence.ts) and every
 * committed number ≤ `last_value` belongs to a committed row. The watermark is the `last_value` this
 * pull reads first: rows above it (a writer that stamped and committed between the two statements) are
 * left for the next pull, so a page never ends on a number whose predecessors this pull could not see.
 * A cursor beyond the watermark means the client synced with another database (restored from backup,
 * or reset): it is told to reset and pull again from 0. Deleted cases travel as tombstones.
 */
import type { Change, PullResponse } from '../../../shared/sync/protocol';
import type { Queryable } from '../db/database';
import { listCasesChangedAfter } from '../store/caseStore';
import { currentChangeSeq } from '../store/changeSequence';

export async function pullChanges(db: Queryable, query: { cursor: number; limit: number }, now: Date): Promise<PullResponse> {
  const serverTime = now.toISOString();
  const watermark = await currentChangeSeq(db);
  if (query.cursor > watermark) return { changes: [], cursor: 0, hasMore: false, reset: true, serverTime };
  const rows = await listCasesChangedAfter(db, query.cursor, query.limit + 1, watermark);
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  const changes: Change[] = page.map((row) =>
    row.deleted
      ? { seq: row.serverSeq, kind: 'tombstone', entity: 'case', id: row.record.id }
      : { seq: row.serverSeq, kind: 'case', id: row.record.id, data: row.record },
  );
  return { changes, cursor: last ? last.serverSeq : query.cursor, hasMore: rows.length > query.limit, reset: false, serverTime };
}
