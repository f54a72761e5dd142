import type { CounterDeskDb } from '../db/database';
import type { UploadRow } from '../db/documentStore';
import type { OutboxEntry } from '../db/records';
import type { ApiOptions } from './api';
import type { SyncProgress } from './syncStatus';
import { uploadPendingDocuments, type UploadReport } from './uploadDocuments';

export interface UploadsInFlight {
  /** Documents this run has not yet settled (uploaded, found on the server, or flagged corrupt). */
  stillUploading: ReadonlySet<string>;
  running: () => boolean;
  /** Resolves when the next documents settle, or at once when the uploads have ended. */
  nextSettled: () => Promise<void>;
  /** The uploads' report, or why they failed: held as a value, so a rejection is never left unobserved. */
  outcome: Promise<{ report: UploadReport } | { failure: unknown }>;
}

export interface StartUploadsOptions {
  db: CounterDeskDb;
  api: ApiOptions;
  pendingEntries: readonly OutboxEntry[];
  pendingUploads: readonly UploadRow[];
  concurrency?: number;
  chunkSize?: number;
  stallTimeoutMs?: number;
  /** The run's progress: the uploads write its bytes, and move it to `push` when they end. */
  progress: SyncProgress;
  emit: () => void;
}

/**
 * The upload phase of a sync run, started beside the push: the push sends the outbox up to the first
 * attachment whose document is still travelling, then waits for `nextSettled` and goes on. A large
 * offline backlog thus costs about the longer of the two, not their sum.
 */
export function startUploads(options: StartUploadsOptions): UploadsInFlight {
  const { progress, emit } = options;
  const stillUploading = new Set(options.pendingUploads.map((row) => row.documentId));
  let running = true;
  let wakePush: (() => void) | undefined;
  const wake = () => {
    wakePush?.();
    wakePush = undefined;
  };
  const outcome = uploadPendingDocuments({
    db: options.db,
    api: options.api,
    pendingMutations: options.pendingEntries,
    pendingUploads: options.pendingUploads,
    concurrency: options.concurrency,
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
    .then(
      (report) => ({ report }),
      (error: unknown) => ({ failure: error }),
    )
    .finally(() => {
      running = false;
      progress.phase = 'push';
      emit();
      wake();
    });
  return {
    stillUploading,
    running: () => running,
    nextSettled: () =>
      new Promise<void>((resolve) => {
        wakePush = resolve;
        if (!running) resolve();
      }),
    outcome,
  };
}
