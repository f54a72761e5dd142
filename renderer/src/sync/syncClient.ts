import { MAX_PUSH_BATCH, PROTOCOL_HEADER, PROTOCOL_VERSION, pullResponseSchema, pushResponseSchema } from '../../../shared/sync/protocol';
import { applyPullPage, getPullCursor, resetPulledCopy } from '../db/syncedCopy';
import { settleSyncStates } from '../db/syncStates';
import { getClientId, recordPushOutcome, reopenOutboxFrom, waitingOutboxEntries } from '../db/outbox';
import type { CounterDeskDb } from '../db/database';
import { listUploads } from '../db/documentStore';
import { ApiError, apiRequest, type ApiOptions } from './api';
import type { SyncProgress } from './syncStatus';
import { measureClockOffset } from './clockOffset';
import { reserveCaseNumbers } from './reserveCaseNumbers';
import { uploadPendingDocuments } from './uploadDocuments';

/**
 * One sync run of one device: upload waiting documents, push the outbox, pull the server's changes.
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
  let pendingEntries = await waitingOutboxEntries(db);
  const pendingUploads = await listUploads('pending', db);
  const stillUploading = new Set(pendingUploads.map((row) => row.documentId));
  // Cases finish when their last pending mutation is answered; counted from the batches sent, so the
  // progress never rereads the outbox.
  const pendingPerCase = new Map<string, number>();
  for (const entry of pendingEntries) pendingPerCase.set(entry.caseId, (pendingPerCase.get(entry.caseId) ?? 0) + 1);
  const progress: SyncProgress = { phase: 'upload', casesTotal: pendingPerCase.size, casesDone: 0, bytesTotal: 0, bytesDone: 0 };
  const emit = () => options.onProgress?.({ ...progress });
  emit();

  // Uploads and the push run together: the push sends the outbox up to the first attachment whose
  // document is still travelling, then waits for the next confirmed upload and goes on. A large offline
  // backlog thus costs about the longer of the two, not their sum.
  let uploadsRunning = true;
  let wakePush: (() => void) | undefined;
  const wake = () => {
    wakePush?.();
    wakePush = undefined;
  };
  const uploading = uploadPendingDocuments({
    db,
    api,
    pendingMutations: pendingEntries,
    pendingUploads,
    concurrency: options.uploadConcurrency,
    chunkSize: options.chunkSize,
    stallTimeoutMs: options.stallTimeoutMs,
    onProgress: (upload) => {
      progress.bytesTotal = upload.bytesTotal;
      progress.bytesDone = upload.bytesDone;
      emit();
    },
    onDocumentsSettled: (documentIds) => {
      for (const id of documentIds) stillUploading.delete(id);
      wake();
    },
  })
    // Held as a value until the push is done: a rejection must not go unobserved meanwhile.
    .then(
      (report) => ({ report }),
      (error: unknown) => ({ failure: error }),
    )
    .finally(() => {
      uploadsRunning = false;
      progress.phase = 'push';
      emit();
      wake();
    });

  const timed = async <T extends { serverTime: string }>(call: () => Promise<T>): Promise<T> => {
    const sentAt = now().getTime();
    const response = await call();
    options.onClockOffset?.(measureClockOffset(sentAt, now().getTime(), response.serverTime));
    return response;
  };

  let pushed = 0;
  /** Cases the push found synced and left for the pull to rewrite with the server's copy. */
  const leftToPull = new Set<string>();
  let heldBack = false;
  let gapRecoveries = 0;
  let pushFailure: unknown;
  /** How many of `pendingEntries` have been answered. */
  let sent = 0;
  /**
   * The next batch: the entries after `sent` up to the first attachment whose document is still
   * uploading; that one and all after it wait, so the server sees the outbox in order. A document
   * flagged corrupt does not hold the outbox back: its mutation goes out and the server decides
   * (applied when it holds those bytes from elsewhere, else `document_missing`, which the clerk sees).
   */
  const nextBatch = (): { entries: typeof pendingEntries; heldBack: boolean } => {
    const entries: typeof pendingEntries = [];
    for (let index = sent; index < pendingEntries.length && entries.length < MAX_PUSH_BATCH; index += 1) {
      const entry = pendingEntries[index];
      if (!entry) break;
      if (entry.mutation.name === 'attachDocument' && stillUploading.has(entry.mutation.args.documentId)) return { entries, heldBack: true };
      entries.push(entry);
    }
    return { entries, heldBack: false };
  };
  try {
    for (;;) {
      const batch = nextBatch();
      heldBack = batch.heldBack;
      const waitingForUploads = heldBack && uploadsRunning;
      if (batch.entries.length === 0 && !waitingForUploads) break;
      // While documents are still travelling, a short batch waits for more: each push costs the server a
      // transaction and the device one to record the answers, whatever the batch's size.
      if (waitingForUploads && batch.entries.length < MAX_PUSH_BATCH / 2) {
        await new Promise<void>((resolve) => {
          wakePush = resolve;
          if (!uploadsRunning) resolve();
        });
        continue;
      }
      let response;
      try {
        response = await timed(() =>
          apiRequest(api, 'POST', '/v1/sync/push', pushResponseSchema, { protocolVersion: PROTOCOL_VERSION, clientId, mutations: batch.entries.map((entry) => entry.mutation) }),
        );
      } catch (error) {
        // A gap: the server no longer holds mutations this device saw acknowledged (a restored backup).
        const from = error instanceof ApiError && error.code === 'mutation_gap' ? error.facts.resendFrom : undefined;
        if (from === undefined || gapRecoveries > 0) throw error;
        gapRecoveries += 1;
        // The server lost what it had acknowledged (restored from a backup): send those mutations again.
        pendingEntries = await reopenOutboxFrom(from, db);
        sent = 0;
        continue;
      }
      for (const caseId of await recordPushOutcome(response.results, db, { sent: batch.entries, deferSynced: true })) leftToPull.add(caseId);
      pushed += response.results.length;
      sent += batch.entries.length;
      for (const entry of batch.entries) {
        const left = (pendingPerCase.get(entry.caseId) ?? 1) - 1;
        pendingPerCase.set(entry.caseId, left);
        if (left === 0) progress.casesDone += 1;
      }
      emit();
    }
  } catch (error) {
    pushFailure = error;
  }
  // Never leave uploads running behind a finished run: the next run would race them.
  const uploadOutcome = await uploading;
  try {
    if ('failure' in uploadOutcome) throw uploadOutcome.failure;
    const uploads = uploadOutcome.report;
    if (uploads.error instanceof ApiError && (uploads.error.code === 'unauthorized' || uploads.error.code === 'protocol_outdated')) throw uploads.error;
    if (pushFailure !== undefined) throw pushFailure;

    progress.phase = 'pull';
    emit();
    const pulled = await pullChanges(api, db, timed);
    if (uploads.error) throw uploads.error;
    const reservation = await reserving;
    if (reservation) throw reservation.failure;
    return { pushed, pulled, uploaded: uploads.uploaded, corruptDocuments: uploads.corrupt, heldBack };
  } finally {
    // Also when the run failed before or during the pull: no case keeps a stale "waiting" mark, and no
    // reservation is left running behind the run.
    await reserving;
    await settleSyncStates([...leftToPull], db);
  }
}

/**
 * Pulls every change after this device's cursor, page by page; returns how many were applied. The next
 * page is asked for as soon as a page arrives, so that the server reads it while the device writes
 * this one (a page's writes wait mostly on IndexedDB, not on the page's own code).
 */
async function pullChanges(api: ApiOptions, db: CounterDeskDb, timed: <T extends { serverTime: string }>(call: () => Promise<T>) => Promise<T>): Promise<number> {
  const fetchPage = (from: number) => {
    const page = timed(() => apiRequest(api, 'GET', `/v1/sync/pull?cursor=${from}&limit=500`, pullResponseSchema));
    // Observed at once: a page asked for ahead may fail while this run fails for another reason.
    page.catch(() => undefined);
    return page;
  };
  let pulled = 0;
  let cursor = await getPullCursor(db);
  let resets = 0;
  let next = fetchPage(cursor);
  for (;;) {
    const page = await next;
    if (page.reset) {
      resets += 1;
      if (resets > 1) throw new ApiError(200, 'bad_response', 'the server asked for a reset twice in one run');
      await resetPulledCopy(db);
      cursor = 0;
      next = fetchPage(cursor);
      continue;
    }
    // Nothing new (most idle runs): no write transaction, which would make a save at that moment wait.
    if (page.changes.length === 0 && page.cursor === cursor) break;
    const more = page.hasMore && page.cursor !== cursor;
    if (more) next = fetchPage(page.cursor);
    pulled += await applyPullPage(page.changes, page.cursor, db);
    if (!more) break;
    cursor = page.cursor;
  }
  return pulled;
}
