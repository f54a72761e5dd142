import { z } from 'zod';
import { MAX_DOCUMENT_BYTES, type CaseDocument } from '../../../shared/sync/protocol';
import { sha256Schema } from '../../../shared/schemas/primitives';
import { queueMutations } from './outbox';
import { documentRowSchema, type DocumentRow } from './counterRecords';
import { getDb, type CounterDeskDb } from './database';
import { openBlob, openBytes, sealBlob } from './documentCipher';

/**
 * Scanned documents and their upload bookkeeping.
 *
 * Invariants:
 * - `addDocument` hashes the bytes first (outside the transaction: IndexedDB transactions close on a
 *   foreign await), then writes the document row with its Blob, its upload row and the
 *   `attachDocument` mutation in ONE transaction: a document is never queued without its bytes, nor
 *   stored without the mutation that tells the server about it.
 * - The Blob stays on the device until the server confirmed the upload (state `uploaded`); it is kept
 *   afterwards too, for viewing offline — eviction is a separate decision.
 * - A document whose stored bytes no longer hash to its id is marked `corrupt` and never uploaded.
 * - On an encrypting database the Blob is stored sealed (documentCipher.ts), sealed before the
 *   transaction and opened after it; every read here returns the plain bytes.
 * - A document another computer attached is stored only from bytes proven to hash to its SHA-256
 *   (`VerifiedDocumentBytes`), sealed the same way, with no upload row and no mutation: the server
 *   has it already. It never replaces a document this device made (those have an upload row).
 */

export const uploadStateSchema = z.enum(['pending', 'uploaded', 'corrupt']);
export type UploadState = z.infer<typeof uploadStateSchema>;

export const uploadRowSchema = z.object({
  documentId: z.string(),
  caseId: z.string(),
  sha256: sha256Schema,
  size: z.number().int().nonnegative(),
  state: uploadStateSchema,
  /** The tus upload URL once the server made one: a restart resumes there instead of from byte 0. */
  uploadUrl: z.string().optional(),
  attempts: z.number().int().nonnegative(),
  lastError: z.string().optional(),
  confirmedAt: z.string().optional(),
});
export type UploadRow = z.infer<typeof uploadRowSchema>;

export function uploadsTable(db: CounterDeskDb) {
  return db.table<UploadRow, string>('uploads');
}

export class DocumentTooLargeError extends Error {
  constructor(size: number) {
    super(`A document may hold at most ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB; this one has ${(size / 1024 / 1024).toFixed(1)} MB`);
    this.name = 'DocumentTooLargeError';
  }
}

export async function sha256Hex(data: Blob | ArrayBuffer): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', data instanceof Blob ? await data.arrayBuffer() : data);
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

export interface AddDocumentOptions {
  db?: CounterDeskDb;
  /** The document's id (a UUID); made here when absent. */
  id?: string;
  capturedAt?: string;
}

/** Stores a scanned document for a case and queues its upload and `attachDocument` mutation. */
export async function addDocument(caseId: string, kind: string, blob: Blob, options: AddDocumentOptions = {}): Promise<DocumentRow> {
  const db = options.db ?? getDb();
  if (blob.size > MAX_DOCUMENT_BYTES) throw new DocumentTooLargeError(blob.size);
  const sha256 = await sha256Hex(blob);
  const row: DocumentRow = documentRowSchema.parse({
    id: options.id ?? crypto.randomUUID(),
    caseId,
    kind,
    mime: blob.type || 'application/octet-stream',
    size: blob.size,
    sha256,
    capturedAt: options.capturedAt ?? new Date().toISOString(),
    blob,
  });
  const uploads = uploadsTable(db);
  const stored: DocumentRow = db.encryption ? { ...row, blob: await sealBlob(db.encryption, blob, row.id), sealed: true } : row;
  await db.transaction('rw', [db.cases, db.documents, uploads, db.outbox, db.meta], async () => {
    const local = await db.cases.get(caseId);
    if (!local) throw new Error(`case ${caseId} is not on this device`);
    await db.documents.add(stored);
    await uploads.add({ documentId: row.id, caseId, sha256, size: row.size, state: 'pending', attempts: 0 });
    await queueMutations(caseId, [{ name: 'attachDocument', args: { caseId, documentId: row.id, sha256, kind, mime: row.mime, size: row.size } }], db);
    await db.cases.update(caseId, { syncState: 'pending' });
  });
  return row;
}

export async function listUploads(state: UploadState, db: CounterDeskDb = getDb()): Promise<UploadRow[]> {
  const rows = await uploadsTable(db).where('state').equals(state).toArray();
  return rows.map((row) => uploadRowSchema.parse(row));
}

export async function updateUpload(documentId: string, changes: Partial<Omit<UploadRow, 'documentId'>>, db: CounterDeskDb = getDb()): Promise<void> {
  await uploadsTable(db).update(documentId, changes);
}

/** Several uploads' changes in one transaction (the outcomes of a sync run's uploads). */
export async function updateUploads(updates: ReadonlyArray<{ key: string; changes: Partial<Omit<UploadRow, 'documentId'>> }>, db: CounterDeskDb = getDb()): Promise<void> {
  await uploadsTable(db).bulkUpdate([...updates]);
}

/**
 * A stored row with its plain bytes. A sealed Blob that does not open (damaged, another key) comes
 * back without bytes, which the upload treats as corrupt and the viewer as missing.
 */
export async function openDocumentRow(row: DocumentRow, db: CounterDeskDb = getDb()): Promise<DocumentRow> {
  if (!row.sealed || !(row.blob instanceof Blob)) return row;
  const { sealed: _sealed, blob, ...rest } = row;
  if (!db.encryption) return rest;
  try {
    return { ...rest, blob: await openBlob(db.encryption, blob, row.id, row.mime) };
  } catch (error) {
    if (error instanceof Error && error.name === 'DeviceLockedError') throw error;
    return rest;
  }
}

/** A stored document with its plain bytes, or undefined when the device holds none it can open. */
export async function openStoredDocument(documentId: string, db: CounterDeskDb = getDb()): Promise<(DocumentRow & { blob: Blob }) | undefined> {
  const row = await db.documents.get(documentId);
  const opened = row ? await openDocumentRow(row, db) : undefined;
  return opened?.blob ? { ...opened, blob: opened.blob } : undefined;
}

export interface StoredBytes {
  bytes: ArrayBuffer;
  authenticated: boolean;
}

/**
 * Documents' plain bytes, for the upload (a bundle's worth, their rows read in one request): opened
 * straight into memory, without making a Blob that the upload would read back again (in a browser a
 * Blob's bytes live in another process). Undefined for a row that is gone or whose sealed bytes do
 * not open.
 *
 * `authenticated`: the bytes were sealed, and AES-GCM's tag proves they are the bytes sealed, which
 * hashed to the document's SHA-256 then (addDocument hashes the bytes it seals; sealPlainDocuments
 * flags the ones that no longer did). Plain bytes carry no such proof: the caller hashes them.
 */
export async function getDocumentsBytes(documentIds: readonly string[], db: CounterDeskDb = getDb()): Promise<Array<StoredBytes | undefined>> {
  const rows = await db.documents.bulkGet([...documentIds]);
  return Promise.all(rows.map((row) => openStoredBytes(row, db)));
}

async function openStoredBytes(row: DocumentRow | undefined, db: CounterDeskDb): Promise<StoredBytes | undefined> {
  if (!row || !(row.blob instanceof Blob)) return undefined;
  if (!row.sealed) return { bytes: await row.blob.arrayBuffer(), authenticated: false };
  if (!db.encryption) return undefined;
  try {
    return { bytes: await openBytes(db.encryption, row.blob, row.id), authenticated: true };
  } catch (error) {
    if (error instanceof Error && error.name === 'DeviceLockedError') throw error;
    return undefined;
  }
}

export async function listCaseDocuments(caseId: string, db: CounterDeskDb = getDb()): Promise<Array<DocumentRow & { upload?: UploadRow }>> {
  const rows = await db.documents.where('caseId').equals(caseId).toArray();
  const uploads = await uploadsTable(db).where('caseId').equals(caseId).toArray();
  const opened = await Promise.all(rows.map((row) => openDocumentRow(row, db)));
  return opened.map((row) => ({ ...row, upload: uploads.find((upload) => upload.documentId === row.id) }));
}

/**
 * The one-time pass after the first unlock of a device that stored documents before encryption:
 * each plain Blob is sealed outside a transaction, then written back only if the row did not change.
 */
export async function sealPlainDocuments(db: CounterDeskDb = getDb()): Promise<number> {
  const holder = db.encryption;
  if (!holder) return 0;
  const plain = await db.documents.filter((row) => !row.sealed && row.blob instanceof Blob).primaryKeys();
  let sealedCount = 0;
  for (const id of plain) {
    const row = await db.documents.get(id);
    if (!row || row.sealed || !(row.blob instanceof Blob)) continue;
    const original = row.blob;
    // A sealed document's upload trusts AES-GCM instead of hashing again (getDocumentsBytes), so its
    // bytes must match their SHA-256 when sealed: ones that no longer do are flagged here, never sent.
    const intact = (await sha256Hex(original)) === row.sha256;
    const blob = await sealBlob(holder, original, row.id);
    await db.transaction('rw', [db.documents, uploadsTable(db)], async () => {
      const current = await db.documents.get(id);
      // Blobs read twice are different objects: a row sealed meanwhile, or replaced, is left alone.
      if (!current || current.sealed || !(current.blob instanceof Blob) || current.blob.size !== original.size) return;
      await db.documents.update(id, { blob, sealed: true });
      if (!intact && (await uploadsTable(db).get(id))?.state === 'pending') {
        await uploadsTable(db).update(id, { state: 'corrupt', lastError: 'the stored bytes no longer match their SHA-256' });
      }
      sealedCount += 1;
    });
  }
  return sealedCount;
}


declare const verifiedBrand: unique symbol;

/** Bytes proven to hash to `sha256` (`verifyDocumentBytes`): the only bytes `storeFetchedDocument` keeps. */
export interface VerifiedDocumentBytes {
  readonly sha256: string;
  readonly bytes: ArrayBuffer;
  readonly [verifiedBrand]: true;
}

/** Bytes that are not the document they were fetched as: wrong hash, or more or fewer bytes than listed. */
export class DocumentMismatchError extends Error {
  constructor(readonly sha256: string, detail: string) {
    super(`The bytes received are not document ${sha256.slice(0, 12)}…: ${detail}`);
    this.name = 'DocumentMismatchError';
  }
}

export async function verifyDocumentBytes(bytes: ArrayBuffer, sha256: string): Promise<VerifiedDocumentBytes> {
  const actual = await sha256Hex(bytes);
  if (actual !== sha256) throw new DocumentMismatchError(sha256, `they hash to ${actual.slice(0, 12)}…`);
  // The brand exists only in types: this function is the one place that makes a value of it.
  return { sha256, bytes } as VerifiedDocumentBytes;
}

/**
 * Keeps a document of a case that another computer attached, fetched from the server, so that it opens
 * offline from now on. Sealed with the device data key like a local document, in the same table, under
 * the server's document id; its date is when the server attached it. Returns the stored row (plain).
 */
export async function storeFetchedDocument(caseId: string, document: CaseDocument, verified: VerifiedDocumentBytes, db: CounterDeskDb = getDb()): Promise<DocumentRow> {
  if (verified.sha256 !== document.sha256) throw new DocumentMismatchError(document.sha256, `they were verified as ${verified.sha256.slice(0, 12)}…`);
  const blob = new Blob([verified.bytes], { type: document.mime });
  const row: DocumentRow = documentRowSchema.parse({ id: document.id, caseId, kind: document.kind, mime: document.mime, size: blob.size, sha256: document.sha256, capturedAt: document.attachedAt, blob });
  const stored: DocumentRow = db.encryption ? { ...row, blob: await sealBlob(db.encryption, blob, row.id), sealed: true } : row;
  const uploads = uploadsTable(db);
  return db.transaction('rw', [db.documents, uploads], async () => {
    // A document this device made has an upload row: its bytes are never replaced from the server.
    if (await uploads.get(row.id)) return row;
    await db.documents.put(stored);
    return row;
  });
}
