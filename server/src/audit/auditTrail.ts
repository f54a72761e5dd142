/**
 * The audit trail as one server process keeps it: full verification against the anchor file, anchors
 * written on request and once a day (jobs/registerJobs.ts: the first check runs at start), and the
 * status the administrator's console shows.
 *
 * - An anchor is written only for a head that extends the last anchor by a chain that verifies under
 *   the key (only the entries since that anchor are walked, so anchoring stays cheap); a broken chain
 *   gets no anchor, since an anchor vouches for what it covers. Each anchor is itself audited
 *   (`audit.anchor`), after it is on disk.
 * - The status's verification is the last full verification this process ran (a verify request, the
 *   daily anchor's); when it has run none yet, the status runs one.
 */
import { taipeiDate } from '../../../shared/domain/rocDate';
import type { AuditStatus } from '../../../shared/schemas/auditStatus';
import type { Database } from '../db/database';
import type { AuditKey } from '../domain/auditChain';
import { DomainError } from '../domain/domainError';
import { appendAuditNow, readAuditHead } from '../store/auditStore';
import { appendAnchorLine, readAnchorFile, signAnchor } from './auditAnchor';
import type { AuditAnchor } from './auditAnchor';
import { verifyAuditChain } from './verifyAuditChain';
import type { AuditVerification } from './verifyAuditChain';

export interface AuditTrailOptions {
  db: Database;
  key: AuditKey;
  /** Where anchors go; none are kept when absent (configurations built in code). */
  anchorFile: string | undefined;
  now: () => Date;
}

/** Who asked for an anchor: a signed-in administrator, the command line, or the server itself (null). */
export interface AnchorRequester {
  userName: string | null;
  deviceId?: string | null;
}

export interface AuditTrail {
  /** Verifies the whole chain with the key and against every anchor, and remembers the outcome. */
  verify(): Promise<AuditVerification>;
  status(): Promise<AuditStatus>;
  writeAnchor(by: AnchorRequester): Promise<AuditAnchor>;
  /** Verifies the whole chain and anchors it, unless today's anchor is written already. */
  writeDailyAnchor(): Promise<AuditAnchor | undefined>;
}

export function createAuditTrail(options: AuditTrailOptions): AuditTrail {
  const { db, key, anchorFile, now } = options;
  let lastVerification: { ok: boolean; checkedAt: string; problem: string | null } | undefined;

  const readAnchors = async (): Promise<AuditAnchor[]> => {
    if (!anchorFile) return [];
    const read = await readAnchorFile(anchorFile, key);
    if (!read.ok) throw new DomainError('conflict', read.problem);
    return read.anchors;
  };

  const verify = async (): Promise<AuditVerification> => {
    const checkedAt = now().toISOString();
    let result: AuditVerification;
    try {
      result = await verifyAuditChain(db, { key, anchors: await readAnchors() });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      result = { ok: false, entries: 0, seq: 0, problem: error.message };
    }
    lastVerification = { ok: result.ok, checkedAt, problem: result.ok ? null : `entry ${result.seq}: ${result.problem}` };
    return result;
  };

  const writeAnchor = async (by: AnchorRequester): Promise<AuditAnchor> => {
    if (!anchorFile) throw new DomainError('conflict', 'This server keeps no anchor file (AUDIT_ANCHOR_FILE)');
    const last = (await readAnchors()).at(-1);
    const { keyedFrom } = await readAuditHead(db);
    const checked = await verifyAuditChain(db, { key, anchors: last ? [last] : [], ...(last ? { after: { seq: last.seq, hash: last.hash } } : {}) });
    if (!checked.ok) throw new DomainError('conflict', `The audit chain does not verify at entry ${checked.seq}: ${checked.problem}. No anchor was written.`);
    const at = now();
    const anchor = signAnchor(key, { day: taipeiDate(at), seq: checked.entries, hash: checked.headHash, keyedFrom, keyId: key.id, writtenAt: at.toISOString() });
    await appendAnchorLine(anchorFile, anchor);
    await appendAuditNow(db, {
      at,
      userName: by.userName,
      deviceId: by.deviceId ?? null,
      action: 'audit.anchor',
      details: { day: anchor.day, seq: anchor.seq, hash: anchor.hash, keyId: key.id },
    });
    return anchor;
  };

  return {
    verify,
    writeAnchor,
    async writeDailyAnchor() {
      if (!anchorFile) return undefined;
      const last = (await readAnchors()).at(-1);
      if (last?.day === taipeiDate(now())) return undefined;
      const verified = await verify();
      if (!verified.ok) throw new Error(`The audit chain does not verify at entry ${verified.seq}: ${verified.problem}`);
      return writeAnchor({ userName: null });
    },
    async status() {
      if (!lastVerification) await verify();
      const head = await readAuditHead(db);
      const last = await readAnchors().then((anchors) => anchors.at(-1), () => undefined);
      return {
        entries: head.seq,
        head: { seq: head.seq, hash: head.hash, at: head.at ? head.at.toISOString() : null },
        lastAnchor: last ? { day: last.day, seq: last.seq, hash: last.hash, writtenAt: last.writtenAt } : null,
        verification: lastVerification ?? { ok: false, checkedAt: now().toISOString(), problem: 'not verified' },
      };
    },
  };
}
