/**
 * Walks the audit log in seq order and recomputes every hash: plain SHA-256 before the keyed boundary
 * (`audit_head.keyed_from`), HMAC-SHA-256 under the audit key from it on. It reports the first place
 * the chain breaks: a seq gap (an entry removed), a prev_hash that is not the previous entry's hash, a
 * hash that does not match the entry's content (an entry altered, or re-hashed without the key), or a
 * head that does not match the last entry (entries removed from the end).
 *
 * Against anchors (heads written outside the database, audit/auditAnchor.ts) it also fails where the
 * database cannot be trusted even with the key in the wrong hands: an anchored entry whose hash is
 * not the anchor's (history before the anchor rewritten), an anchor beyond the log's end (the tail
 * deleted), or an anchor that names another keyed boundary (keyed entries passed off as legacy ones).
 */
import type { Queryable } from '../db/database';
import { GENESIS_HASH, keyedEntryHash, legacyEntryHash } from '../domain/auditChain';
import type { AuditKey } from '../domain/auditChain';
import { readAuditHead, readAuditPage } from '../store/auditStore';
import type { StoredAuditEntry } from '../store/auditStore';
import { installedAuditKey } from '../store/installedAuditKey';
import type { AuditAnchor } from './auditAnchor';

export type AuditVerification =
  | { ok: true; entries: number; headHash: string; anchorsChecked: number }
  | { ok: false; entries: number; seq: number; problem: string };

export interface VerifyOptions {
  /** The installed key when absent. */
  key?: AuditKey;
  /** Anchors already checked to be signed with `key`. */
  anchors?: readonly AuditAnchor[];
  /** Verify only what follows this head (an anchor known good), not the whole log. */
  after?: { seq: number; hash: string };
}

const PAGE = 1_000;

function entryProblem(entry: StoredAuditEntry, expectedSeq: number, prevHash: string, key: AuditKey, keyedFrom: number): string | undefined {
  if (entry.seq !== expectedSeq) return `entry ${expectedSeq} is missing (the next one is ${entry.seq})`;
  if (entry.prevHash !== prevHash) return `entry ${entry.seq} does not chain to entry ${entry.seq - 1}`;
  const hash = entry.seq >= keyedFrom ? keyedEntryHash(key, prevHash, entry) : legacyEntryHash(prevHash, entry);
  if (hash !== entry.hash) return `entry ${entry.seq} was altered: its content does not match its hash`;
  return undefined;
}

function anchorProblem(anchor: AuditAnchor, hashAtSeq: string): string | undefined {
  if (anchor.hash === hashAtSeq) return undefined;
  return `entry ${anchor.seq} is not the one anchored on ${anchor.day}: the log was rewritten up to there`;
}

function boundaryProblem(anchors: readonly AuditAnchor[], keyedFrom: number): { seq: number; problem: string } | undefined {
  const other = anchors.find((anchor) => anchor.keyedFrom !== keyedFrom);
  if (!other) return undefined;
  return {
    seq: Math.min(other.keyedFrom, keyedFrom),
    problem: `the log says keyed entries start at ${keyedFrom}, the anchor of ${other.day} says ${other.keyedFrom}: keyed entries were passed off as legacy ones`,
  };
}

export async function verifyAuditChain(db: Queryable, options: VerifyOptions = {}): Promise<AuditVerification> {
  const key = options.key ?? installedAuditKey();
  const anchors = options.anchors ?? [];
  // The head first, and the walk stops there: entries appended while it runs are the next run's.
  const head = await readAuditHead(db);
  const { keyedFrom } = head;
  const boundary = boundaryProblem(anchors, keyedFrom);
  if (boundary) return { ok: false, entries: 0, ...boundary };
  const anchorsAt = new Map<number, AuditAnchor[]>();
  for (const anchor of anchors) anchorsAt.set(anchor.seq, [...(anchorsAt.get(anchor.seq) ?? []), anchor]);
  let expectedSeq = (options.after?.seq ?? 0) + 1;
  let prevHash = options.after?.hash ?? GENESIS_HASH;
  const verified = () => expectedSeq - 1;
  for (const anchor of anchorsAt.get(0) ?? []) {
    const problem = anchorProblem(anchor, GENESIS_HASH);
    if (problem) return { ok: false, entries: 0, seq: 0, problem };
  }
  for (;;) {
    const page = await readAuditPage(db, expectedSeq - 1, PAGE);
    for (const entry of page) {
      if (entry.seq > head.seq) break;
      const problem =
        entryProblem(entry, expectedSeq, prevHash, key, keyedFrom) ??
        (anchorsAt.get(entry.seq) ?? []).map((anchor) => anchorProblem(anchor, entry.hash)).find((found) => found !== undefined);
      if (problem) return { ok: false, entries: verified(), seq: Math.min(entry.seq, expectedSeq), problem };
      prevHash = entry.hash;
      expectedSeq += 1;
    }
    if (page.length < PAGE || expectedSeq > head.seq) break;
  }
  const beyond = anchors.filter((anchor) => anchor.seq > verified()).sort((a, b) => b.seq - a.seq)[0];
  if (beyond) {
    return { ok: false, entries: verified(), seq: verified() + 1, problem: `the anchor of ${beyond.day} names entry ${beyond.seq}, beyond the log's end at entry ${verified()}: entries were removed from the end` };
  }
  if (head.seq !== verified() || head.hash !== prevHash) {
    return { ok: false, entries: verified(), seq: verified() + 1, problem: `the log ends at entry ${verified()} but its head says ${head.seq}: entries were removed from the end` };
  }
  return { ok: true, entries: verified(), headHash: prevHash, anchorsChecked: anchors.length };
}
