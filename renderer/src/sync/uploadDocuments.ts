import { Upload } from 'tus-js-client';
import type { DetailedError } from 'tus-js-client';
import { z } from 'zod';
import {
  BUNDLE_MAX_DOCUMENTS,
  DOCUMENT_BUNDLE_HEADER,
  DOCUMENT_UPLOAD_PATH,
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
  WHOLE_UPLOAD_MAX_BYTES,
  WHOLE_UPLOAD_PATH,
  bundleHeaderOf,
  bundleResponseSchema,
  type BundleOutcome,
} from '../../../shared/sync/protocol';
import { sha256Schema } from '../../../shared/schemas/primitives';
import { waitingOutboxEntries } from '../db/outbox';
import type { CounterDeskDb } from '../db/database';
import type { OutboxEntry } from '../db/records';
import { getDocumentsBytes, listUploads, sha256Hex, updateUpload, updateUploads, type StoredBytes, type UploadRow } from '../db/documentStore';
import { ApiError, NetworkError, apiRequest, type ApiOptions } from './api';
import { blobFileReader } from './blobFileReader';

/**
 * Uploads the documents waiting on this device, before the mutations that attach them are pushed.
 *
 * Invariants:
 * - One round trip first asks which hashes the server already holds (another device, or an upload
 *   whose confirmation was lost): those are confirmed without sending a byte.
 * - Before sending, the stored bytes are checked; a document that no longer matches its hash is
 *   marked `corrupt` and never sent. A sealed document is checked by opening it: AES-GCM's tag proves
 *   its bytes are those that matched the hash when sealed (documentStore.getDocumentsBytes). A plain one
 *   is hashed again.
 * - Documents of at most WHOLE_UPLOAD_MAX_BYTES (and one chunk) go whole, packed in the order of their
 *   attachments into bundles of up to WHOLE_UPLOAD_MAX_BYTES that list their hashes: a request per
 *   bundle, not per scan. A dropped connection costs that one bundle again, less the documents the
 *   server kept whole (docs/decisions/0015-whole-document-upload.md).
 * - A larger one goes with tus. Its upload URL is saved as soon as the server makes it, so after a
 *   dropped connection or an app restart the upload continues from the server's offset (tus HEAD),
 *   not from byte 0.
 * - A document counts as uploaded only when the server answered the last byte, which it does only
 *   after verifying the SHA-256 of the whole file.
 * - An upload that makes no progress for `stallTimeoutMs` is aborted (a silently dead connection
 *   would otherwise hang the sync run for ever).
 */

export interface UploadProgress {
  bytesTotal: number;
  bytesDone: number;
  documentsTotal: number;
  documentsDone: number;
}

export interface UploadOptions {
  db: CounterDeskDb;
  api: ApiOptions;
  concurrency?: number;
  /** Bytes per PATCH request; the unit that a dropped connection can cost at most twice. */
  chunkSize?: number;
  stallTimeoutMs?: number;
  onProgress?: (progress: UploadProgress) => void;
  /** The outbox's pending entries when the caller has just read them (the order of the attachments). */
  pendingMutations?: readonly OutboxEntry[];
  /** The uploads waiting when the caller has just read them (`listUploads('pending')`). */
  pendingUploads?: readonly UploadRow[];
  /**
   * Called as soon as documents stop waiting in this run — the server holds them, or their local
   * bytes were flagged corrupt — so the mutations held back behind them can be pushed at once. Their
   * new state reaches IndexedDB in batches (a crash before that only makes the next run ask the
   * server again, which answers that it holds them).
   */
  onDocumentsSettled?: (documentIds: readonly string[]) => void;
}

const DEFAULT_CHUNK_SIZE = 8 * 1024 * 1024;

/** Upload outcomes written to IndexedDB together: one transaction for this many documents. */
const OUTCOME_BATCH = 32;

export interface UploadReport {
  uploaded: number;
  corrupt: number;
  failed: number;
  /** The first failure, rethrown by the caller after pushing what could be pushed. */
  error?: Error;
}

const checkResponseSchema = z.object({ present: z.array(sha256Schema) });

function isDetailedError(error: unknown): error is DetailedError {
  return error instanceof Error && 'originalResponse' in error;
}

function toSyncError(error: unknown): Error {
  if (isDetailedError(error) && error.originalResponse) {
    const status = error.originalResponse.getStatus();
    if (status === 401) return new ApiError(401, 'unauthorized', 'The session has ended: sign in again');
    if (status === 426) return new ApiError(426, 'protocol_outdated', 'Update CounterDesk to sync again');
    return new ApiError(status, status >= 500 ? 'internal_error' : 'bad_response', `upload failed with HTTP ${status}: ${error.originalResponse.getBody().slice(0, 200)}`);
  }
  return new NetworkError(error instanceof Error ? error.message : String(error));
}

/** The slowest link a whole upload is given time for (a weak mobile connection at a citizen's home). */
const SLOWEST_BYTES_PER_SECOND = 16 * 1024;

/**
 * A worker's bundle body, filled again for each request: fresh memory costs far more than copying into
 * memory already in use (every new page is zeroed and mapped), and bundles are 4 MiB each.
 */
interface BundleBuffer {
  bytes: Uint8Array<ArrayBuffer>;
}

/** Sends documents whole, packed into one request; the server answers for each whether it kept it. */
async function sendBundle(documents: ReadonlyArray<{ row: UploadRow; bytes: ArrayBuffer }>, options: UploadOptions, buffer: BundleBuffer): Promise<BundleOutcome[]> {
  const size = documents.reduce((sum, document) => sum + document.bytes.byteLength, 0);
  if (buffer.bytes.byteLength < size) buffer.bytes = new Uint8Array(Math.max(size, WHOLE_UPLOAD_MAX_BYTES));
  // fetch copies the body when called, so the same buffer serves the worker's next bundle.
  const body = buffer.bytes.subarray(0, size);
  let offset = 0;
  for (const document of documents) {
    body.set(new Uint8Array(document.bytes), offset);
    offset += document.bytes.byteLength;
  }
  const stallTimeoutMs = options.stallTimeoutMs ?? 30_000;
  // fetch reports no upload progress, so the whole request gets the time the slowest link needs.
  const timeoutMs = stallTimeoutMs + Math.ceil(size / SLOWEST_BYTES_PER_SECOND) * 1000;
  const header = bundleHeaderOf(documents.map(({ row }) => ({ sha256: row.sha256, size: row.size })));
  const api = { ...options.api, timeoutMs, headers: { ...options.api.headers, [DOCUMENT_BUNDLE_HEADER]: header } };
  const answer = await apiRequest(api, 'POST', WHOLE_UPLOAD_PATH, bundleResponseSchema, body);
  if (answer.documents.length !== documents.length || answer.documents.some((outcome, index) => outcome.sha256 !== documents[index]?.row.sha256)) {
    throw new ApiError(200, 'bad_response', `the server answered for ${answer.documents.length} documents of the ${documents.length} sent, or for others`);
  }
  return answer.documents;
}

/** A tus upload of one document larger than a bundle may hold. */
async function uploadWithTus(row: UploadRow, bytes: ArrayBuffer, options: UploadOptions, onBytes: (bytes: number) => void): Promise<void> {
  const { api, db } = options;
  const stallTimeoutMs = options.stallTimeoutMs ?? 30_000;
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
  const blob = new Blob([bytes]);
  await new Promise<void>((resolve, reject) => {
    let settled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      if (timer) clearTimeout(timer);
      if (error) reject(error);
      else resolve();
    };
    const upload = new Upload(blob, {
      endpoint: new URL(DOCUMENT_UPLOAD_PATH, api.serverUrl).toString(),
      uploadUrl: row.uploadUrl ?? null,
      uploadSize: blob.size,
      metadata: { sha256: row.sha256, documentId: row.documentId },
      headers: { ...api.headers, authorization: `Bearer ${api.token ?? ''}`, [PROTOCOL_HEADER]: String(PROTOCOL_VERSION) },
      chunkSize,
      // Created first, so that even the first chunk resumes from the server's offset.
      uploadDataDuringCreation: false,
      // The sync engine owns retries (capped back-off with jitter across the whole run).
      retryDelays: null,
      storeFingerprintForResuming: false,
      fingerprint: async () => `counterdesk-document-${row.documentId}`,
      fileReader: blobFileReader,
      onUploadUrlAvailable: () => {
        if (upload.url && upload.url !== row.uploadUrl) void updateUpload(row.documentId, { uploadUrl: upload.url }, db);
      },
      onProgress: (sent) => {
        arm();
        onBytes(sent);
      },
      onSuccess: () => finish(),
      onError: (error) => finish(toSyncError(error)),
    });
    const arm = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        void upload.abort();
        finish(new NetworkError(`upload of ${row.sha256.slice(0, 12)}… stalled for ${stallTimeoutMs} ms`));
      }, stallTimeoutMs);
    };
    arm();
    upload.start();
  });
}

type UploadChanges = Partial<Omit<UploadRow, 'documentId'>>;

/** A document to send (the first row of its hash) with every row of that hash, and its plain bytes. */
interface OpenedDocument {
  rows: UploadRow[];
  row: UploadRow;
  bytes: ArrayBuffer;
}

/**
 * One run of uploads: its queue (one entry per distinct hash, rows of the same scan together), its
 * progress, its report, and the outcomes waiting to be written to IndexedDB in batches.
 */
class UploadRun {
  private readonly report: UploadReport = { uploaded: 0, corrupt: 0, failed: 0 };
  private readonly outcomes: Array<{ key: string; changes: UploadChanges }> = [];
  private readonly queue: UploadRow[][] = [];
  private readonly progress: UploadProgress = { bytesTotal: 0, bytesDone: 0, documentsTotal: 0, documentsDone: 0 };
  /** Documents up to this size go whole, in bundles; larger ones with tus. */
  private readonly wholeLimit: number;

  constructor(private readonly options: UploadOptions) {
    this.wholeLimit = Math.min(options.chunkSize ?? DEFAULT_CHUNK_SIZE, WHOLE_UPLOAD_MAX_BYTES);
  }

  async run(pending: readonly UploadRow[]): Promise<UploadReport> {
    try {
      const toSend = await this.confirmHeld(pending);
      await this.plan(toSend);
      await Promise.all(Array.from({ length: Math.max(1, this.options.concurrency ?? 4) }, () => this.work()));
    } finally {
      await this.flush();
    }
    return this.report;
  }

  private async flush(): Promise<void> {
    if (this.outcomes.length > 0) await updateUploads(this.outcomes.splice(0), this.options.db);
  }

  /** Records the rows' new state; `waiting`: they still wait for a later run (a failed attempt). */
  private async settle(rows: readonly UploadRow[], changes: UploadChanges, waiting: boolean): Promise<void> {
    for (const row of rows) this.outcomes.push({ key: row.documentId, changes });
    if (!waiting) this.options.onDocumentsSettled?.(rows.map((row) => row.documentId));
    if (this.outcomes.length >= OUTCOME_BATCH) await this.flush();
  }

  /** Confirms the documents the server already holds (one question per 1,000) and returns the others. */
  private async confirmHeld(pending: readonly UploadRow[]): Promise<UploadRow[]> {
    const held = new Set<string>();
    for (let index = 0; index < pending.length; index += 1000) {
      const slice = pending.slice(index, index + 1000);
      const { present } = await apiRequest(this.options.api, 'POST', '/v1/documents/check', checkResponseSchema, { sha256: [...new Set(slice.map((row) => row.sha256))] });
      for (const sha256 of present) held.add(sha256);
    }
    await this.settle(
      pending.filter((row) => held.has(row.sha256)),
      { state: 'uploaded', confirmedAt: new Date().toISOString() },
      false,
    );
    return pending.filter((row) => !held.has(row.sha256));
  }

  /** Fills the queue in the order of the mutations that attach the documents, one entry per hash. */
  private async plan(pending: UploadRow[]): Promise<void> {
    // The push, running alongside, can only send the outbox up to the first attachment whose document
    // the server does not hold yet.
    const attachOrder = new Map<string, number>();
    for (const entry of this.options.pendingMutations ?? (await waitingOutboxEntries(this.options.db))) {
      if (entry.mutation.name === 'attachDocument') attachOrder.set(entry.mutation.args.documentId, entry.id);
    }
    pending.sort((a, b) => (attachOrder.get(a.documentId) ?? Number.MAX_SAFE_INTEGER) - (attachOrder.get(b.documentId) ?? Number.MAX_SAFE_INTEGER));
    // One upload per distinct hash: the same scan attached to two cases travels once.
    const groups = new Map<string, UploadRow[]>();
    for (const row of pending) groups.set(row.sha256, [...(groups.get(row.sha256) ?? []), row]);
    this.queue.push(...groups.values());
    this.progress.bytesTotal = this.queue.reduce((sum, rows) => sum + (rows[0]?.size ?? 0), 0);
    this.progress.documentsTotal = pending.length;
    this.reportProgress();
  }

  private reportProgress(): void {
    this.options.onProgress?.({ ...this.progress });
  }

  /** `first` and the documents queued right after it that fit in one bundle with it. */
  private takeBundle(first: UploadRow[]): UploadRow[][] {
    const bundle = [first];
    let bytes = first[0]?.size ?? 0;
    for (let next = this.queue[0]; next?.[0] && bundle.length < BUNDLE_MAX_DOCUMENTS; next = this.queue[0]) {
      const size = next[0].size;
      if (size > this.wholeLimit || bytes + size > WHOLE_UPLOAD_MAX_BYTES) break;
      this.queue.shift();
      bundle.push(next);
      bytes += size;
    }
    return bundle;
  }

  private async fail(rows: readonly UploadRow[], failure: Error): Promise<void> {
    // A checksum mismatch means the server dropped the tus upload: start that document afresh.
    const restart = failure instanceof ApiError && (failure.status === 460 || failure.code === 'checksum_mismatch');
    const [row] = rows;
    if (row) await this.settle([row], { attempts: row.attempts + 1, lastError: failure.message, ...(restart ? { uploadUrl: undefined } : {}) }, true);
    this.report.failed += 1;
    this.report.error ??= failure;
    if (failure instanceof ApiError && (failure.code === 'unauthorized' || failure.code === 'protocol_outdated')) this.queue.length = 0;
  }

  private async uploaded(rows: readonly UploadRow[]): Promise<void> {
    this.report.uploaded += 1;
    this.progress.documentsDone += rows.length;
    this.reportProgress();
    await this.settle(rows, { state: 'uploaded', confirmedAt: new Date().toISOString(), lastError: undefined }, false);
  }

  /** Opens the documents' bytes; those that no longer match are flagged and left out. */
  private async openIntact(bundle: readonly UploadRow[][]): Promise<OpenedDocument[]> {
    const opened = await getDocumentsBytes(
      bundle.map((rows) => rows[0]?.documentId ?? ''),
      this.options.db,
    );
    const intact: OpenedDocument[] = [];
    for (const [index, rows] of bundle.entries()) {
      const [row] = rows;
      const stored = opened[index];
      if (!row) continue;
      if (stored && (await isIntact(row, stored))) {
        intact.push({ rows, row, bytes: stored.bytes });
        continue;
      }
      await this.settle([row], { state: 'corrupt', lastError: 'the stored bytes no longer match their SHA-256' }, false);
      this.report.corrupt += 1;
      // Another document with the same hash may still hold good bytes: give it its turn.
      if (rows.length > 1) this.queue.push(rows.slice(1));
    }
    return intact;
  }

  /** One of the run's concurrent workers: takes bundles (or one large document) off the queue until it is empty. */
  private async work(): Promise<void> {
    const bundleBuffer: BundleBuffer = { bytes: new Uint8Array(0) };
    for (let first = this.queue.shift(); first; first = this.queue.shift()) {
      const large = (first[0]?.size ?? 0) > this.wholeLimit;
      const bundle = large ? [first] : this.takeBundle(first);
      let documents: OpenedDocument[] = [];
      let outcomes: BundleOutcome[];
      try {
        documents = await this.openIntact(bundle);
        const [document] = documents;
        if (!document) continue;
        if (large) {
          await this.sendLarge(document);
          continue;
        }
        outcomes = await sendBundle(documents, this.options, bundleBuffer);
      } catch (error) {
        const failure = error instanceof Error ? error : new Error(String(error));
        // Nothing of the request is known to have arrived: each document counts an attempt.
        const failed = documents.length > 0 ? documents.map((entry) => entry.rows) : bundle;
        for (const rows of failed) await this.fail(rows, failure);
        continue;
      }
      for (const [index, outcome] of outcomes.entries()) {
        const document = documents[index];
        if (!document) continue;
        if (outcome.status === 'stored') {
          this.progress.bytesDone += outcome.size;
          await this.uploaded(document.rows);
        } else {
          await this.fail(document.rows, new ApiError(422, 'checksum_mismatch', `The server received bytes hashing to ${outcome.actual}, not ${outcome.sha256}`));
        }
      }
    }
  }

  private async sendLarge(document: OpenedDocument): Promise<void> {
    let sentForThis = 0;
    await uploadWithTus(document.row, document.bytes, this.options, (sent) => {
      this.progress.bytesDone += sent - sentForThis;
      sentForThis = sent;
      this.reportProgress();
    });
    await this.uploaded(document.rows);
  }
}

async function isIntact(row: UploadRow, stored: StoredBytes): Promise<boolean> {
  return stored.bytes.byteLength === row.size && (stored.authenticated || (await sha256Hex(stored.bytes)) === row.sha256);
}

/** Uploads every pending document; failures are counted and the first is returned, never thrown. */
export async function uploadPendingDocuments(options: UploadOptions): Promise<UploadReport> {
  const pending = options.pendingUploads ?? (await listUploads('pending', options.db));
  if (pending.length === 0) return { uploaded: 0, corrupt: 0, failed: 0 };
  return new UploadRun(options).run(pending);
}
