import { createHash, randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLE_MAX_DOCUMENTS, WHOLE_UPLOAD_MAX_BYTES, bundleHeaderOf, type BundledDocument } from '../../../shared/sync/protocol';
import { demoDevice } from '../db/seedDemo';
import { errorOf, startTestServer, syncHeaders } from '../testing/testServer';
import type { TestServer } from '../testing/testServer';
import { receiveDocumentBundle } from './documentBundle';
import { uploadsDirOf } from './uploadsDirOf';

const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const listed = (bytes: Buffer, sha256 = sha256Of(bytes)): BundledDocument => ({ sha256, size: bytes.length });

describe('POST /v1/documents: documents sent whole, packed into one request that lists their SHA-256s', () => {
  let server: TestServer;
  let token: string;

  beforeAll(async () => {
    server = await startTestServer();
    token = await server.signIn();
  });
  afterAll(() => server.close());

  const send = (documents: readonly BundledDocument[], body: Buffer, headers: Record<string, string> = {}) =>
    server.app.inject({
      method: 'POST',
      url: '/v1/documents',
      headers: { ...syncHeaders(token), 'content-type': 'application/octet-stream', 'x-counterdesk-documents': bundleHeaderOf(documents), ...headers },
      payload: body,
    });
  const blobRows = async (sha256s: readonly string[]) =>
    (
      await server.db.query<{ sha256: string; size: string | number; uploaded_by: string | null }>(
        'SELECT sha256, size, uploaded_by FROM document_blobs WHERE sha256 = ANY($1::text[]) ORDER BY sha256',
        [sha256s],
      )
    ).rows.map((row) => ({ sha256: row.sha256, size: Number(row.size), uploadedBy: row.uploaded_by }));
  // What the blob store holds under a hash (reading it over HTTP needs a case that holds it: documentRead.test.ts).
  const stored = async (sha256: string) => {
    const path = join(server.documentsDir, 'blobs', sha256.slice(0, 2), sha256.slice(2));
    return readFile(path).catch(() => undefined);
  };
  const leftovers = async () => (await readdir(uploadsDirOf(server.documentsDir))).filter((name) => name.startsWith('whole-'));

  it('stores every document that hashes to its address, records the uploading device, and files each under its hash', async () => {
    const scans = [randomBytes(300_000), randomBytes(1), randomBytes(120_000)];
    const documents = scans.map((bytes) => listed(bytes));
    const response = await send(documents, Buffer.concat(scans));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ documents: documents.map((document) => ({ ...document, status: 'stored' })) });
    const sha256s = documents.map((document) => document.sha256);
    expect(await blobRows(sha256s)).toEqual(documents.map((document) => ({ ...document, uploadedBy: demoDevice.id })).sort((a, b) => a.sha256.localeCompare(b.sha256)));
    for (const [index, document] of documents.entries()) {
      expect(Buffer.compare((await stored(document.sha256)) ?? Buffer.alloc(0), scans[index] ?? Buffer.alloc(1))).toBe(0);
    }
    // Sent again (the answer was lost): the same outcome, still one row each.
    expect((await send(documents, Buffer.concat(scans))).json()).toEqual({ documents: documents.map((document) => ({ ...document, status: 'stored' })) });
    expect(await blobRows(sha256s)).toHaveLength(3);
    expect(await leftovers()).toEqual([]);
  });

  it('keeps nothing of a document whose bytes do not hash to its address, and the others of the bundle all the same', async () => {
    const good = randomBytes(50_000);
    const bad = randomBytes(40_000);
    const claimed = sha256Of(randomBytes(40_000));
    const after = randomBytes(30_000);
    const response = await send([listed(good), listed(bad, claimed), listed(after)], Buffer.concat([good, bad, after]));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      documents: [
        { ...listed(good), status: 'stored' },
        { sha256: claimed, size: bad.length, status: 'checksum_mismatch', actual: sha256Of(bad) },
        { ...listed(after), status: 'stored' },
      ],
    });
    expect((await blobRows([claimed, sha256Of(bad)])).length).toBe(0);
    expect(await stored(claimed)).toBeUndefined();
    expect((await blobRows([sha256Of(good), sha256Of(after)])).length).toBe(2);
    expect(await leftovers()).toEqual([]);
  });

  it('sends bundles over the limit to the resumable upload', async () => {
    const bytes = randomBytes(WHOLE_UPLOAD_MAX_BYTES + 1);
    const response = await send([listed(bytes)], bytes);
    expect(response.statusCode).toBe(413);
    expect(errorOf(response)).toMatchObject({ code: 'payload_too_large', message: expect.stringContaining('/v1/documents/uploads') });
    expect(await blobRows([sha256Of(bytes)])).toEqual([]);
    const many = Array.from({ length: BUNDLE_MAX_DOCUMENTS + 1 }, () => randomBytes(10));
    const tooMany = await send(many.map((bytes) => listed(bytes)), Buffer.concat(many));
    expect([tooMany.statusCode, errorOf(tooMany).message]).toEqual([400, `A bundle holds at most ${BUNDLE_MAX_DOCUMENTS} documents; this one lists ${BUNDLE_MAX_DOCUMENTS + 1}`]);
  });

  it('refuses other content types, missing or malformed lists, a body of another length and requests without a session', async () => {
    const bytes = randomBytes(1000);
    const documents = [listed(bytes)];
    for (const [type, body] of [['image/png', bytes], ['application/json', Buffer.from('{}')]] as const) {
      const response = await send(documents, body, { 'content-type': type });
      expect([response.statusCode, errorOf(response).code]).toEqual([415, 'unsupported_media_type']);
    }
    for (const header of ['', `${sha256Of(bytes)}`, `${sha256Of(bytes)}:-1`, `${sha256Of(bytes).toUpperCase()}:1000`, `${sha256Of(bytes)}:1000,`, 'sha-256=:AAAA:']) {
      const response = await send(documents, bytes, { 'x-counterdesk-documents': header });
      expect([response.statusCode, errorOf(response).code]).toEqual([400, 'validation_failed']);
    }
    const longer = await send(documents, Buffer.concat([bytes, randomBytes(5)]));
    expect([longer.statusCode, errorOf(longer).message]).toEqual([400, 'The documents listed add up to 1000 bytes, but the body has 1005']);
    const anonymous = await server.app.inject({ method: 'POST', url: '/v1/documents', headers: { 'content-type': 'application/octet-stream', 'x-counterdesk-documents': bundleHeaderOf(documents) }, payload: bytes });
    expect(anonymous.statusCode).toBe(401);
    expect(await blobRows([sha256Of(bytes)])).toEqual([]);
  });
});

describe('receiveDocumentBundle', () => {
  const collect = () => {
    const stored: Array<{ sha256: string; bytes: Buffer }> = [];
    return { stored, store: async (document: BundledDocument, parts: readonly Buffer[]) => void stored.push({ sha256: document.sha256, bytes: Buffer.concat(parts) }) };
  };

  it('splits documents across and within chunks of any size', async () => {
    const scans = [randomBytes(7), Buffer.alloc(0), randomBytes(100_000), randomBytes(3)];
    const whole = Buffer.concat(scans);
    for (const chunkSize of [1, 5, 64 * 1024, whole.length]) {
      const chunks: Buffer[] = [];
      for (let offset = 0; offset < whole.length; offset += chunkSize) chunks.push(whole.subarray(offset, offset + chunkSize));
      const { stored, store } = collect();
      const receipt = await receiveDocumentBundle(Readable.from(chunks), scans.map((bytes) => listed(bytes)), store);
      expect(receipt.received).toBe(whole.length);
      expect(receipt.outcomes.map((outcome) => outcome.status)).toEqual(['stored', 'stored', 'stored', 'stored']);
      expect(stored.map((entry) => sha256Of(entry.bytes))).toEqual(scans.map((bytes) => sha256Of(bytes)));
    }
  });

  it('keeps the documents that arrived whole when the body breaks off (a dropped connection)', async () => {
    const scans = [randomBytes(10_000), randomBytes(10_000), randomBytes(10_000)];
    const { stored, store } = collect();
    const receipt = await receiveDocumentBundle(Readable.from([Buffer.concat(scans).subarray(0, 15_000)]), scans.map((bytes) => listed(bytes)), store);
    expect(receipt).toEqual({ received: 15_000, outcomes: [{ ...listed(scans[0] ?? Buffer.alloc(0)), status: 'stored' }] });
    expect(stored.map((entry) => entry.sha256)).toEqual([sha256Of(scans[0] ?? Buffer.alloc(0))]);
  });

  it('stops reading at a byte beyond the declared total', async () => {
    const bytes = randomBytes(100);
    const { stored, store } = collect();
    await expect(receiveDocumentBundle(Readable.from([Buffer.concat([bytes, randomBytes(1)])]), [listed(bytes)], store)).rejects.toThrow('more than the 100 bytes');
    expect(stored).toEqual([]);
  });
});
