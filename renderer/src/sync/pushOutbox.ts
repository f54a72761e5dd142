import { MAX_PUSH_BATCH, PROTOCOL_VERSION, pushResponseSchema } from '../../../shared/sync/protocol';
import type { CounterDeskDb } from '../db/database';
import { recordPushOutcome, reopenOutboxFrom } from '../db/outbox';
import { clearPushTrouble, readPushTrouble, recordPushFailure, type PushTrouble } from '../db/pushTrouble';
import type { OutboxEntry } from '../db/records';
import { ApiError, apiRequest, type ApiOptions } from './api';
import type { UploadsInFlight } from './startUploads';
import type { TimedCall } from './timedCall';

export interface PushOptions {
  api: ApiOptions;
  db: CounterDeskDb;
  clientId: string;
  /** The outbox's waiting entries, read once for the run in id order. */
  entries: OutboxEntry[];
  uploads: Pick<UploadsInFlight, 'stillUploading' | 'running' | 'nextSettled'>;
  timed: TimedCall;
  /** Called with each batch the server answered. */
  onAnswered: (entries: readonly OutboxEntry[]) => void;
  /** The device clock, for the time a failure is recorded at. */
  now?: () => Date;
}

export interface PushOutcome {
  pushed: number;
  /** Cases the push found synced and left for the pull to rewrite with the server's copy. */
  leftToPull: Set<string>;
  heldBack: boolean;
  /** Why the push stopped early; what was answered before stays recorded. */
  failure?: unknown;
  /** The outbox waits for the clerk: the server keeps failing its next mutation (db/pushTrouble.ts). */
  needsAttention?: PushTrouble;
}

/**
 * Refusals that say nothing about the batch (no network, a busy or unreachable server, the session
 * or the device, a gap the push recovers from) are retried with back-off as they are. Any other
 * refusal of a push — the server failed it (500), or refused it whole (400, 413) — counts towards
 * "needs attention", as resending the same batch is likely to meet the same answer.
 */
export function countsAgainstBatch(error: unknown): error is ApiError {
  if (!(error instanceof ApiError)) return false;
  if ([502, 503, 504, 401, 408, 426, 429].includes(error.status)) return false;
  return !['mutation_gap', 'device_revoked', 'device_unknown', 'unauthorized', 'protocol_outdated', 'rate_limited', 'unavailable'].includes(error.code);
}

/**
 * The push phase of a sync run: the outbox in id order, in batches, never past an attachment whose
 * document is still uploading. Each answer is recorded in the transaction that marks its entries.
 */
export async function pushOutbox({ api, db, clientId, entries, uploads, timed, onAnswered, now = () => new Date() }: PushOptions): Promise<PushOutcome> {
  let pendingEntries = entries;
  const outcome: PushOutcome = { pushed: 0, leftToPull: new Set(), heldBack: false };
  let trouble = await currentTrouble(db, entries[0]);
  if (trouble?.needsAttention) return { ...outcome, needsAttention: trouble };
  // Careful mode (db/pushTrouble.ts): after a failed push, one mutation at a time for the whole run.
  const batchSize = trouble ? 1 : MAX_PUSH_BATCH;
  let gapRecoveries = 0;
  /** How many of `pendingEntries` have been answered. */
  let sent = 0;
  try {
    for (;;) {
      const batch = nextBatch(pendingEntries, sent, batchSize, uploads.stillUploading);
      outcome.heldBack = batch.heldBack;
      const waitingForUploads = batch.heldBack && uploads.running();
      if (batch.entries.length === 0 && !waitingForUploads) break;
      // While documents are still travelling, a short batch waits for more: each push costs the server a
      // transaction and the device one to record the answers, whatever the batch's size.
      if (waitingForUploads && batch.entries.length < MAX_PUSH_BATCH / 2) {
        await uploads.nextSettled();
        continue;
      }
      let response;
      try {
        response = await timed(() =>
          apiRequest(api, 'POST', '/v1/sync/push', pushResponseSchema, { protocolVersion: PROTOCOL_VERSION, clientId, mutations: batch.entries.map((entry) => entry.mutation) }),
        );
      } catch (error) {
        trouble = (await troubleAfter(error, batch.entries, db, now())) ?? trouble;
        // Marked: the run goes on without the outbox (uploads, pull) instead of failing.
        if (trouble?.needsAttention) return { ...outcome, needsAttention: trouble };
        // A gap: the server no longer holds mutations this device saw acknowledged (a restored backup).
        const from = error instanceof ApiError && error.code === 'mutation_gap' ? error.facts.resendFrom : undefined;
        if (from === undefined || gapRecoveries > 0) throw error;
        gapRecoveries += 1;
        // The server lost what it had acknowledged (restored from a backup): send those mutations again.
        pendingEntries = await reopenOutboxFrom(from, db);
        sent = 0;
        continue;
      }
      for (const caseId of await recordPushOutcome(response.results, db, { sent: batch.entries, deferSynced: true })) outcome.leftToPull.add(caseId);
      outcome.pushed += response.results.length;
      sent += batch.entries.length;
      if (trouble && batch.entries.some((entry) => entry.id === trouble?.mutationId)) {
        // The troubled mutation got its answer: the trouble is over (careful mode lasts the run).
        await clearPushTrouble(db);
        trouble = undefined;
      }
      onAnswered(batch.entries);
    }
  } catch (error) {
    outcome.failure = error;
  }
  return outcome;
}

/** The recorded trouble while it is about the outbox's next entry; a stale one (answered meanwhile) is cleared. */
async function currentTrouble(db: CounterDeskDb, head: OutboxEntry | undefined): Promise<PushTrouble | undefined> {
  const trouble = await readPushTrouble(db);
  if (!trouble) return undefined;
  if (head?.id === trouble.mutationId) return trouble;
  await clearPushTrouble(db);
  return undefined;
}

/**
 * The next batch: the entries after `sent` up to the first attachment whose document is still
 * uploading; that one and all after it wait, so the server sees the outbox in order. A document
 * flagged corrupt does not hold the outbox back: its mutation goes out and the server decides
 * (applied when it holds those bytes from elsewhere, else `document_missing`, which the clerk sees).
 */
function nextBatch(pending: readonly OutboxEntry[], sent: number, size: number, stillUploading: ReadonlySet<string>): { entries: OutboxEntry[]; heldBack: boolean } {
  const batch: OutboxEntry[] = [];
  for (let index = sent; index < pending.length && batch.length < size; index += 1) {
    const entry = pending[index];
    if (!entry) break;
    if (entry.mutation.name === 'attachDocument' && stillUploading.has(entry.mutation.args.documentId)) return { entries: batch, heldBack: true };
    batch.push(entry);
  }
  return { entries: batch, heldBack: false };
}

/** A refused push counted against its first mutation (db/pushTrouble.ts); undefined when the refusal does not count. */
async function troubleAfter(error: unknown, batch: readonly OutboxEntry[], db: CounterDeskDb, now: Date): Promise<PushTrouble | undefined> {
  const [head] = batch;
  if (!head || !countsAgainstBatch(error)) return undefined;
  const failure = { status: error.status, code: error.code, message: error.message, ...(error.requestId ? { requestId: error.requestId } : {}) };
  return recordPushFailure(head, failure, batch.length === 1, now, db);
}
