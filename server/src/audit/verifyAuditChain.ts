/**
 * Walks the whole audit log in seq order and recomputes every hash. It reports the first place the
 * chain breaks: a seq gap (an entry removed), a prev_hash that is not the previous entry's hash, a
 * hash that does not match the entry's content (an entry altered), or a head that does not match the
 * last entry (entries removed from the end).
 */
import type { Queryable } from '../db/database';
import { readAuditHead, readAuditPage } from '../store/auditStore';
import { GENESIS_HASH, entryHash } from '../domain/auditChain';

export type AuditVerification =
  | { ok: true; entries: number; headHash: string }
  | { ok: false; entries: number; seq: number; problem: string };

const PAGE = 1_000;

export async function verifyAuditChain(db: Queryable): Promise<AuditVerification> {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let count = 0;
  for (;;) {
    const page = await readAuditPage(db, expectedSeq - 1, PAGE);
    for (const entry of page) {
      if (entry.seq !== expectedSeq) {
        return { ok: false, entries: count, seq: expectedSeq, problem: `entry ${expectedSeq} is missing (the next one is ${entry.seq})` };
      }
      if (entry.prevHash !== prevHash) {
        return { ok: false, entries: count, seq: entry.seq, problem: `entry ${entry.seq} does not chain to entry ${entry.seq - 1}` };
      }
      if (entryHash(prevHash, entry) !== entry.hash) {
        return { ok: false, entries: count, seq: entry.seq, problem: `entry ${entry.seq} was altered: its content does not match its hash` };
      }
      prevHash = entry.hash;
      expectedSeq += 1;
      count += 1;
    }
    if (page.length < PAGE) break;
  }
  const head = await readAuditHead(db);
  if (head.seq !== count || head.hash !== prevHash) {
    return { ok: false, entries: count, seq: count + 1, problem: `the log ends at entry ${count} but its head says ${head.seq}: entries were removed from the end` };
  }
  return { ok: true, entries: count, headHash: prevHash };
}
