/**
 * Pull: the cases changed after the client's cursor, in change order. Because change numbers are
 * handed out in commit order (store/changeSequence.ts), every snapshot holds a gap-free prefix of
 * them, so `server_seq > cursor` never skips a row that commits later. A cursor beyond anything this
 * server has handed out means the client synced with another database (restored, or reset): it is
 * told to reset and pull again from 0.
 */
import type { PullResponse } from '../../../shared/sync/protocol';
import type { Queryable } from '../db/database';
import { listCasesChangedAfter } from '../store/caseStore';
import { currentChangeSeq } from '../store/changeSequence';

export async function pullChanges(db: Queryable, query: { cursor: number; limit: number }, now: Date): Promise<PullResponse> {
  const serverTime = now.toISOString();
  const head = await currentChangeSeq(db);
  if (query.cursor > head) return { changes: [], cursor: 0, hasMore: false, reset: true, serverTime };
  const rows = await listCasesChangedAfter(db, query.cursor, query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    changes: page.map((row) => ({ seq: row.serverSeq, kind: 'case' as const, id: row.record.id, data: row.record })),
    cursor: last ? last.serverSeq : query.cursor,
    hasMore: rows.length > query.limit,
    reset: false,
    serverTime,
  };
}
