import { createHash, randomBytes } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WHOLE_UPLOAD_MAX_BYTES, contentDigestOf } from '../../../shared/sync/protocol';
import { demoDevice } from '../db/seedDemo';
import { errorOf, startTestServer, syncHeaders } from '../testing/testServer';
import type { TestServer } from '../testing/testServer';
import { uploadsDirOf } from './documentRoutes';

const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('POST /v1/documents: a document sent whole with its SHA-256 as Content-Digest', () => {
  let server: TestServer;
  let token: string;

  beforeAll(async () => {
    server = await startTestServer();
    token = await server.signIn();
  });
  afterAll(() => server.close());

  const send = (sha256: string, body: Buffer, headers: Record<string, string> = {}) =>
    server.app.inject({
      method: 'POST',
      url: '/v1/documents',
      headers: { ...syncHeaders(token), 'content-type': 'application/octet-stream', 'content-digest': contentDigestOf(sha256), ...headers },
      payload: body,
    });
  const blobRows = async (sha256: string) =>
    (await server.db.query<{ size: string | number; uploaded_by: string | null }>('SELECT size, uploaded_by FROM document_blobs WHERE sha256 = $1', [sha256])).rows.map((row) => ({ size: Number(row.size), uploadedBy: row.uploaded_by }));
  const leftovers = async () => (await readdir(uploadsDirOf(server.documentsDir))).filter((name) => name.startsWith('whole-'));

  it('stores bytes that hash to their address, records the uploading device, and serves them back', async () => {
    const bytes = randomBytes(300_000);
    const sha256 = sha256Of(bytes);
    const response = await send(sha256, bytes);
    expect(response.statusCode).toBe(201);
    expect(response.json()).toEqual({ sha256, size: bytes.length });
    expect(await blobRows(sha256)).toEqual([{ size: bytes.length, uploadedBy: demoDevice.id }]);
    const read = await server.app.inject({ method: 'GET', url: `/v1/documents/${sha256}`, headers: syncHeaders(token) });
    expect(read.statusCode).toBe(200);
    expect(sha256Of(read.rawPayload)).toBe(sha256);
    // Sent again (its answer was lost): the same outcome, still one row. Other digests beside it are allowed.
    expect((await send(sha256, bytes, { 'content-digest': `md5=:AAAA:, ${contentDigestOf(sha256)}` })).statusCode).toBe(201);
    expect(await blobRows(sha256)).toHaveLength(1);
    expect(await leftovers()).toEqual([]);
  });

  it('keeps nothing of bytes that do not hash to the digest they were sent with', async () => {
    const bytes = randomBytes(50_000);
    const claimed = sha256Of(randomBytes(50_000));
    const response = await send(claimed, bytes);
    expect(response.statusCode).toBe(422);
    expect(errorOf(response)).toEqual({ code: 'checksum_mismatch', message: `The bytes hash to ${sha256Of(bytes)}, not ${claimed}` });
    expect(await blobRows(claimed)).toEqual([]);
    expect(await blobRows(sha256Of(bytes))).toEqual([]);
    expect((await server.app.inject({ method: 'GET', url: `/v1/documents/${claimed}`, headers: syncHeaders(token) })).statusCode).toBe(404);
    expect(await leftovers()).toEqual([]);
  });

  it('sends a document over the whole-upload limit to the resumable upload', async () => {
    const bytes = randomBytes(WHOLE_UPLOAD_MAX_BYTES + 1);
    const response = await send(sha256Of(bytes), bytes);
    expect(response.statusCode).toBe(413);
    expect(errorOf(response)).toMatchObject({ code: 'payload_too_large', message: expect.stringContaining('/v1/documents/uploads') });
    expect(await blobRows(sha256Of(bytes))).toEqual([]);
  });

  it('refuses other content types, missing or malformed digests and requests without a session', async () => {
    const bytes = randomBytes(1000);
    const sha256 = sha256Of(bytes);
    for (const [type, body] of [['image/png', bytes], ['application/json', Buffer.from('{}')]] as const) {
      const response = await send(sha256, body, { 'content-type': type });
      expect([response.statusCode, errorOf(response).code]).toEqual([415, 'unsupported_media_type']);
    }
    for (const digest of ['', 'sha-512=:AAAA:', `sha-256=${sha256}`, 'sha-256=:AAAA:', contentDigestOf(sha256).slice(0, -1)]) {
      const response = await send(sha256, bytes, { 'content-digest': digest });
      expect([response.statusCode, errorOf(response).code]).toEqual([400, 'validation_failed']);
    }
    const anonymous = await server.app.inject({ method: 'POST', url: '/v1/documents', headers: { 'content-type': 'application/octet-stream', 'content-digest': contentDigestOf(sha256) }, payload: bytes });
    expect(anonymous.statusCode).toBe(401);
    expect(await blobRows(sha256)).toEqual([]);
  });
});
