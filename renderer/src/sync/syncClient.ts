import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../../shared/sync/protocol';
import { settleSyncStates } from '../db/syncStates';
import { getClientId, waitingOutboxEntries } from '../db/outbox';
import type { CounterDeskDb } from '../db/database';
import { listUploads } from '../db/documentStore';
import type { PushTrouble } from '../db/pushTrouble';
import { ApiError, type ApiOptions } from './api';
import type { SyncProgress } from './syncStatus';
import { pullChanges } from './pullChanges';
import { pushOutbox } from './pushOutbox';
import { reserveCaseNumbers } from './reserveCaseNumbers';
import { startUploads } from './startUploads';
import { timedCall } from './timedCall';

/**
 * One sync run of one device: upload waiting documents, push the outbox, pull the server's changes
 * (startUploads, pushOutbox and pullChanges, one phase each).
 * Independent of the window and of React, so tests run many of these in one Node process.
 *
 * Invariants:
 * - Documents go before the mutations that attach them: an attachDocument whose document the server
 *   has not confirmed holds itself and everything after it back.
 * - The outbox is pushed in id order; an answer is recorded in the same transaction that marks the
 *   entries, and a lost answer is harmless: the resend is answered `duplicate`.
 * - The pull cursor moves only in the transaction that stores the page it belongs to.
 * - Any failure leaves the outbox and the cursor as they were after the last completed step, so the
 *   next run simply continues; the caller decides when (sync/syncEngine.ts).
 * - With a station code, the run also keeps the install supplied with case numbers (decision 0016),
 *   beside the rest: a failed push does not leave the counter without numbers for the day.
 */

export interface SyncClientOptions {
  db: CounterDeskDb;
  serverUrl: string;
  token: string;
  /** Sent on every request besides the session (the device credential). */
  headers?: Record<string, string>;
  /** The device clock (tests skew it); only used to measure the offset to the server's. */
  now?: () => Date;
  uploadConcurrency?: number;
  chunkSize?: number;
  stallTimeoutMs?: number;
  requestTimeoutMs?: number;
  onProgress?: (progress: SyncProgress) => void;
  onClockOffset?: (offsetMs: number) => void;
  /** The station this install numbers cases for: given, the run reserves case numbers as needed. */
  stationCode?: string;
  /** `check` asks the server even with numbers enough (first run after sign-in); default `when-low`. */
  caseNumbers?: 'check' | 'when-low';
}

export interface SyncReport {
  pushed: number;
  pulled: number;
  uploaded: number;
  corruptDocuments: number;
  heldBack: boolean;
  /** The outbox waits for the clerk (db/pushTrouble.ts); the rest of the run went on. */
  needsAttention?: PushTrouble;
}

export async function syncOnce(options: SyncClientOptions): Promise<SyncReport> {
  const { db } = options;
  const now = options.now ?? (() => new Date());
  const api: ApiOptions = {
    serverUrl: options.serverUrl,
    token: options.token,
    headers: { ...options.headers, [PROTOCOL_HEADER]: String(PROTOCOL_VERSION) },
    timeoutMs: options.requestTimeoutMs ?? 30_000,
  };
  const clientId = await getClientId(db);
  const { stationCode } = options;
  const reserving: Promise<{ failure: unknown } | undefined> = stationCode
    ? reserveCaseNumbers({ api, db, stationCode, clientId, now: now(), mode: options.caseNumbers ?? 'when-low' }).then(
        () => undefined,
        (error: unknown) => ({ failure: error }),
      )
    : Promise.resolve(undefined);
  // Read once per run, in id order: the push plans its batches from this list and the uploads' outcomes
  // in memory, instead of reading the outbox again after every document. Mutations saved meanwhile
  // go in the run the save asks for right after this one (SyncEngine.syncSoon).
  const pendingEntries = await waitingOutboxEntries(db);
  const pendingUploads = await listUploads('pending', db);
  // Cases finish when their last pending mutation is answered; counted from the batches sent, so the
  // progress never rereads the outbox.
  const pendingPerCase = new Map<string, number>();
  for (const entry of pendingEntries) pendingPerCase.set(entry.caseId, (pendingPerCase.get(entry.caseId) ?? 0) + 1);
  const progress: SyncProgress = { phase: 'upload', casesTotal: pendingPerCase.size, casesDone: 0, bytesTotal: 0, bytesDone: 0 };
  const emit = () => options.onProgress?.({ ...progress });
  emit();

  const uploads = startUploads({
    db,
    api,
    pendingEntries,
    pendingUploads,
    concurrency: options.uploadConcurrency,
    chunkSize: options.chunkSize,
    stallTimeoutMs: options.stallTimeoutMs,
    progress,
    emit,
  });
  const timed = timedCall(now, options.onClockOffset);
  const push = await pushOutbox({
    api,
    db,
    clientId,
    entries: pendingEntries,
    uploads,
    timed,
    now,
    onAnswered: (entries) => {
      for (const entry of entries) {
        const left = (pendingPerCase.get(entry.caseId) ?? 1) - 1;
        pendingPerCase.set(entry.caseId, left);
        if (left === 0) progress.casesDone += 1;
      }
      emit();
    },
  });
  // Never leave uploads running behind a finished run: the next run would race them.
  const uploadOutcome = await uploads.outcome;
  try {
    if ('failure' in uploadOutcome) throw uploadOutcome.failure;
    const report = uploadOutcome.report;
    if (report.error instanceof ApiError && (report.error.code === 'unauthorized' || report.error.code === 'protocol_outdated')) throw report.error;
    if (push.failure !== undefined) throw push.failure;

    progress.phase = 'pull';
    emit();
    const pulled = await pullChanges(api, db, timed);
    if (report.error) throw report.error;
    const reservation = await reserving;
    if (reservation) throw reservation.failure;
    return {
      pushed: push.pushed,
      pulled,
      uploaded: report.uploaded,
      corruptDocuments: report.corrupt,
      heldBack: push.heldBack,
      ...(push.needsAttention ? { needsAttention: push.needsAttention } : {}),
    };
  } finally {
    // Also when the run failed before or during the pull: no case keeps a stale "waiting" mark, and no
    // reservation is left running behind the run.
    await reserving;
    await settleSyncStates([...push.leftToPull], db);
  }
}
