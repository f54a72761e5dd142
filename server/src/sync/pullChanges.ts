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
 *
 * Scope (docs/decisions/0030-scope-by-work.md): a page holds only the cases of the session's scope
 * (authz/caseScope.ts), read in SQL (store/scopedChanges.ts). A case that LEFT the scope since the
 * cursor (reassigned to another unit or officer) travels as a tombstone, so the device forgets it; the
 * cursor is the same change number as before, so nothing in the scope is skipped. A reader whose scope
 * is not the one it last pulled in (another person signed in, a position given or taken) is told to
 * reset: what it holds was chosen by another rule, and only a pull from 0 brings what the new scope
 * adds below its cursor.
 */
import type { Change, PullResponse } from '../../../shared/sync/protocol';
import type { CaseScope } from '../authz/caseScope';
import { inScope, pullSelectionOf, scopeKeyOf } from '../authz/caseScope';
import type { Queryable } from '../db/database';
import { currentChangeSeq } from '../store/changeSequence';
import { notePullScope } from '../store/pullScopeStore';
import { listScopedChangesAfter } from '../store/scopedChanges';

export interface PullReader {
  scope: CaseScope;
  /** The install (device and sync client) or, without a client id, the device. */
  reader: string;
  deviceId: string;
}

/** The page, and how many of its changes were cases served (for the audit). */
export interface PulledPage {
  response: PullResponse;
  served: number;
}

export async function pullChanges(db: Queryable, query: { cursor: number; limit: number }, reader: PullReader, now: Date): Promise<PulledPage> {
  const serverTime = now.toISOString();
  const watermark = await currentChangeSeq(db);
  const resetTo: PulledPage = { response: { changes: [], cursor: 0, hasMore: false, reset: true, serverTime }, served: 0 };
  if (query.cursor > watermark) return resetTo;
  const moved = await notePullScope(db, { reader: reader.reader, deviceId: reader.deviceId, scopeKey: scopeKeyOf(reader.scope), now });
  if (moved && query.cursor > 0) return resetTo;
  const rows = await listScopedChangesAfter(db, pullSelectionOf(reader.scope), query.cursor, query.limit + 1, watermark);
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  let served = 0;
  const changes: Change[] = page.map((row) => {
    if (!inScope(reader.scope, row)) return { seq: row.serverSeq, kind: 'tombstone', entity: 'case', id: row.record.id };
    served += 1;
    return { seq: row.serverSeq, kind: 'case', id: row.record.id, data: row.record };
  });
  return { response: { changes, cursor: last ? last.serverSeq : query.cursor, hasMore: rows.length > query.limit, reset: false, serverTime }, served };
}
