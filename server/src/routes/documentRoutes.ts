/**
 * Documents: uploads whole, packed several to one POST that lists their SHA-256s (up to
 * WHOLE_UPLOAD_MAX_BYTES, documentBundle.ts), resumable uploads with the tus 1.0 protocol (@tus/server over @tus/file-store) under
 * DOCUMENT_UPLOAD_PATH for larger ones, and reads by SHA-256 of a case's documents, for sessions that may see the case.
 *
 * Invariants:
 * - Every request needs a session (the same Bearer token as sync) and the current protocol version.
 * - An upload declares the SHA-256 its bytes must hash to (upload metadata `sha256`). When the last
 *   byte arrives the server has hashed the bytes as they streamed in (hashingFileStore.ts); only a
 *   match moves it into the blob store and records it in `document_blobs` (bytes first, row second, so a row always has its bytes). A mismatch deletes
 *   the upload and answers 460, so the device starts that document again.
 * - Bytes received before a dropped connection or a server crash stay in the upload file; the device
 *   asks for the offset (HEAD) and sends only the rest.
 * - A bundle's documents are verified the same way, each as it streams in: one that does not match
 *   is answered `checksum_mismatch` and nothing of it is kept.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Server as TusServer } from '@tus/server';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  DOCUMENT_BUNDLE_HEADER,
  DOCUMENT_UPLOAD_PATH,
  MAX_DOCUMENT_BYTES,
  WHOLE_UPLOAD_MAX_BYTES,
  WHOLE_UPLOAD_PATH,
  documentReadQuerySchema,
  documentUploadMetadataSchema,
  parseBundleHeader,
} from '../../../shared/sync/protocol';
import type { BundleResponse, BundledDocument } from '../../../shared/sync/protocol';
import { sha256Schema } from '../../../shared/schemas/primitives';
import type { AppContext } from '../context/appContext';
import { authenticate } from '../auth/sessions';
import { caseScopeOf } from '../authz/caseScope';
import { parseOrThrow } from '../domain/domainError';
import { HttpError } from '../http/httpError';
import { requireProtocol } from '../http/requireProtocol';
import { appendAuditNow } from '../store/auditStore';
import { findBlob, recordBlobs } from '../documents/blobRecords';
import type { BlobStore } from '../documents/blobStore';
import { createFileBlobStore } from '../documents/blobStore';
import { HashingFileStore } from '../documents/hashingFileStore';
import { uploadsDirOf } from '../documents/uploadsDirOf';
import { BundleOverrunError, receiveDocumentBundle } from '../documents/documentBundle';
import { findReadableDocument } from '../documents/readableDocument';

/** The uploading device, as the session says, for the tus hooks (see handleTus). */
const UPLOADER_HEADER = 'x-counterdesk-uploader';

/** Status for "the bytes do not hash to the declared SHA-256" (tus leaves 460 to applications). */
export const CHECKSUM_MISMATCH_STATUS = 460;

export const documentCheckRequestSchema = z.object({ sha256: z.array(sha256Schema).max(1000) });
export const documentCheckResponseSchema = z.object({ present: z.array(sha256Schema) });

export async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(path, { highWaterMark: 1024 * 1024 }), hash);
  return hash.digest('hex');
}


export interface DocumentRoutesOptions {
  /** Holds `uploads/` (tus files in progress) and `blobs/` (verified, by hash); one filesystem. */
  dir: string;
}

export async function registerDocumentRoutes(app: FastifyInstance, context: AppContext, options: DocumentRoutesOptions): Promise<BlobStore> {
  const uploadsDir = uploadsDirOf(options.dir);
  await mkdir(uploadsDir, { recursive: true });
  const blobs = createFileBlobStore(join(options.dir, 'blobs'));
  const { db } = context;

  const datastore = new HashingFileStore({ directory: uploadsDir });
  const tus = new TusServer({
    path: DOCUMENT_UPLOAD_PATH,
    datastore,
    maxSize: MAX_DOCUMENT_BYTES,
    relativeLocation: true,
    async onUploadCreate(_request, upload) {
      const metadata = documentUploadMetadataSchema.safeParse(upload.metadata ?? {});
      if (!metadata.success) throw { status_code: 400, body: 'Upload metadata must name the sha256 of the bytes\n' };
      if (upload.size === undefined) throw { status_code: 400, body: 'Upload-Length is required\n' };
      return {};
    },
    async onUploadFinish(request, upload) {
      const declared = documentUploadMetadataSchema.parse(upload.metadata ?? {}).sha256;
      const file = join(uploadsDir, upload.id);
      // Hashed while it streamed in; read back only when a PATCH failed or the server restarted midway.
      const actual = datastore.digestIfComplete(upload.id, upload.offset) ?? (await sha256OfFile(file));
      // Set by handleTus from the session (never the client's own header): the POST that carries a small
      // document whole (creation-with-upload) or the PATCH that ends a large one.
      const deviceId = request.headers.get(UPLOADER_HEADER) ?? undefined;
      if (actual !== declared) {
        await rm(file, { force: true });
        await rm(`${file}.json`, { force: true });
        throw { status_code: CHECKSUM_MISMATCH_STATUS, body: `The bytes hash to ${actual}, not ${declared}\n` };
      }
      await blobs.adoptVerifiedFile(declared, file);
      await recordBlobs(db, { blobs: [{ sha256: declared, size: upload.size ?? upload.offset }], deviceId, now: context.now() });
      await rm(`${file}.json`, { force: true });
      return {};
    },
  });

  // tus reads the request body itself: hand the stream through unread, whatever its length.
  app.addContentTypeParser('application/offset+octet-stream', (_request, _payload, done) => done(null));

  const handleTus = async (request: FastifyRequest, reply: FastifyReply) => {
    const session = await authenticate(db, request, context.now());
    requireProtocol(request);
    // tus hooks see only a web Request made from this one: the device travels as a header, written over
    // whatever the client sent under that name. That Request is built from rawHeaders, so both are set.
    const raw = request.raw.rawHeaders;
    const kept: string[] = [];
    for (let i = 0; i + 1 < raw.length; i += 2) if (raw[i]?.toLowerCase() !== UPLOADER_HEADER) kept.push(raw[i] ?? '', raw[i + 1] ?? '');
    raw.splice(0, raw.length, ...kept, UPLOADER_HEADER, session.deviceId);
    request.raw.headers[UPLOADER_HEADER] = session.deviceId;
    reply.hijack();
    await tus.handle(request.raw, reply.raw);
  };
  for (const url of [DOCUMENT_UPLOAD_PATH, `${DOCUMENT_UPLOAD_PATH}/*`]) {
    app.route({ method: ['POST', 'HEAD', 'PATCH', 'DELETE'], url, config: { action: 'document:upload' }, handler: handleTus });
  }

  // A bundle's body is read by its route, document by document, never buffered whole by a parser.
  app.addContentTypeParser('application/octet-stream', (_request, _payload, done) => done(null));
  app.post(WHOLE_UPLOAD_PATH, { config: { action: 'document:upload' } }, async (request, reply) => {
    const session = await authenticate(db, request, context.now());
    requireProtocol(request);
    const header = request.headers[DOCUMENT_BUNDLE_HEADER];
    const documents = parseBundleHeader(typeof header === 'string' ? header : undefined);
    if (typeof documents === 'string') throw new HttpError('validation_failed', documents);
    if (request.headers['content-type'] !== 'application/octet-stream') {
      throw new HttpError('unsupported_media_type', 'Send the documents as application/octet-stream');
    }
    const size = Number(request.headers['content-length']);
    if (!Number.isSafeInteger(size) || size < 0) throw new HttpError('validation_failed', 'Content-Length is required: send the documents whole');
    const declared = documents.reduce((sum, document) => sum + document.size, 0);
    if (size > WHOLE_UPLOAD_MAX_BYTES || declared > WHOLE_UPLOAD_MAX_BYTES) {
      throw new HttpError('payload_too_large', `A bundle holds at most ${WHOLE_UPLOAD_MAX_BYTES} bytes; larger documents go through the resumable upload (${DOCUMENT_UPLOAD_PATH})`);
    }
    if (size !== declared) throw new HttpError('validation_failed', `The documents listed add up to ${declared} bytes, but the body has ${size}`);
    const stored: BundledDocument[] = [];
    let receipt;
    try {
      receipt = await receiveDocumentBundle(request.raw, documents, async (document, parts) => {
        // Written whole under a name of its own, then moved in under its hash: a reader of the store
        // never sees part of a file. One left by a crash is removed by the upload cleanup job.
        const path = join(uploadsDir, `whole-${randomUUID()}`);
        try {
          // The pieces as they arrived, never copied together first (that would only feed the GC); `wx`: a new file.
          await writeFile(path, parts, { flag: 'wx' });
        } catch (error) {
          await rm(path, { force: true });
          throw error;
        }
        await blobs.adoptVerifiedFile(document.sha256, path);
        stored.push(document);
      });
    } catch (error) {
      if (error instanceof BundleOverrunError) throw new HttpError('validation_failed', error.message);
      throw error;
    } finally {
      // Also when the body broke off: what arrived whole is kept, and the next run is told so.
      await recordBlobs(db, { blobs: stored, deviceId: session.deviceId, now: context.now() });
    }
    if (receipt.received !== declared) throw new HttpError('validation_failed', `The body ended after ${receipt.received} of ${declared} bytes`);
    const answer: BundleResponse = { documents: receipt.outcomes };
    return reply.code(200).send(answer);
  });

  app.post('/v1/documents/check', { config: { action: 'document:upload' } }, async (request) => {
    await authenticate(db, request, context.now());
    requireProtocol(request);
    const { sha256 } = parseOrThrow(documentCheckRequestSchema, request.body, 'document check');
    if (sha256.length === 0) return { present: [] };
    const { rows } = await db.query<{ sha256: string }>('SELECT sha256 FROM document_blobs WHERE sha256 = ANY($1::text[])', [sha256]);
    return { present: rows.map((row) => row.sha256) };
  });

  // Another computer opening a case reads its documents here (decision 0018). The same answer for a
  // document the server lacks and one outside the reader's cases: a content address must not tell a
  // stranger that the bureau holds those bytes. Every read is audited (稅捐稽徵法 §33).
  app.get('/v1/documents/:sha256', { config: { action: 'document:read' } }, async (request, reply) => {
    const session = await authenticate(db, request, context.now());
    requireProtocol(request);
    const { sha256 } = parseOrThrow(z.object({ sha256: sha256Schema }), request.params, 'document address');
    const { case: caseId } = parseOrThrow(documentReadQuerySchema, request.query, 'document read');
    const document = await findReadableDocument(db, await caseScopeOf(db, session), caseId, sha256);
    const blob = document ? await findBlob(db, sha256) : undefined;
    if (!document || !blob) throw new HttpError('not_found', `No document ${sha256} in case ${caseId} for this session`);
    if (request.method === 'GET') {
      await appendAuditNow(db, {
        at: context.now(),
        userName: session.username,
        deviceId: session.deviceId,
        action: 'case.document-read',
        caseId,
        details: { documentId: document.id, sha256, kind: document.kind, size: Number(blob.size) },
      });
    }
    return reply
      .header('content-type', 'application/octet-stream')
      .header('content-length', String(blob.size))
      // Not kept by a browser's HTTP cache, in the clear on disk: the device keeps its own sealed copy (0011).
      .header('cache-control', 'private, no-store')
      .send(request.method === 'HEAD' ? undefined : blobs.read(sha256));
  });
  return blobs;
}
