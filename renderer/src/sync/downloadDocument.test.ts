import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DocumentMismatchError } from '../db/documentStore';
import { NetworkError } from './api';
import { downloadDocument, type DownloadProgress } from './downloadDocument';

const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const caseId = '0190f5c4-2b6e-7a41-9c3d-5e6f7a8b9c0d';

/** How the test server answers the next request. */
type Answer = (request: IncomingMessage, response: ServerResponse) => void;

describe('downloadDocument: streamed, with progress, verified before it is handed back', () => {
  let server: Server;
  let serverUrl: string;
  let answer: Answer = () => undefined;
  const requests: Array<{ url: string; protocol: string | undefined; authorization: string | undefined }> = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      requests.push({ url: request.url ?? '', protocol: request.headers['x-counterdesk-protocol'] as string | undefined, authorization: request.headers.authorization });
      answer(request, response);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    serverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );

  /** Sends `body` in `pieces` writes with a pause between them, so the client sees several reads. */
  const inPieces =
    (body: Buffer, pieces = 4): Answer =>
    (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/octet-stream' });
      const size = Math.ceil(body.length / pieces);
      let offset = 0;
      const next = () => {
        if (offset >= body.length) return void response.end();
        response.write(body.subarray(offset, offset + size));
        offset += size;
        setTimeout(next, 15);
      };
      next();
    };
  const api = () => ({ serverUrl, token: 'the-session', headers: { 'x-counterdesk-device': 'dev-1' } });

  it('reports the bytes received against the listed size and returns the verified bytes', async () => {
    const body = randomBytes(200_000);
    answer = inPieces(body);
    const progress: DownloadProgress[] = [];
    const verified = await downloadDocument(api(), caseId, { sha256: sha256Of(body), size: body.length }, { onProgress: (step) => progress.push(step) });
    expect(Buffer.compare(Buffer.from(verified.bytes), body)).toBe(0);
    expect(verified.sha256).toBe(sha256Of(body));
    expect(progress[0]).toEqual({ received: 0, total: body.length });
    expect(progress.at(-1)).toEqual({ received: body.length, total: body.length });
    expect(progress.length).toBeGreaterThan(2);
    const received = progress.map((step) => step.received);
    expect(received).toEqual([...received].sort((a, b) => a - b));
    expect(requests.at(-1)).toEqual({ url: `/v1/documents/${sha256Of(body)}?case=${caseId}`, protocol: '1', authorization: 'Bearer the-session' });
  });

  it('refuses bytes that do not hash to the document, and more or fewer bytes than the case lists', async () => {
    const body = randomBytes(50_000);
    const tampered = Buffer.from(body);
    tampered[1234] = (tampered[1234] ?? 0) ^ 0xff;
    answer = inPieces(tampered);
    const wrong = downloadDocument(api(), caseId, { sha256: sha256Of(body), size: body.length });
    await expect(wrong).rejects.toBeInstanceOf(DocumentMismatchError);
    await expect(wrong).rejects.toThrow(/hash to/);

    answer = inPieces(Buffer.concat([body, Buffer.from('extra')]));
    await expect(downloadDocument(api(), caseId, { sha256: sha256Of(body), size: body.length })).rejects.toThrow(/more than the 50000 bytes/);
    answer = inPieces(body.subarray(0, 1000));
    await expect(downloadDocument(api(), caseId, { sha256: sha256Of(body), size: body.length })).rejects.toThrow(/1000 of the 50000 bytes/);
  });

  it('tells the server’s refusal from a broken or stalled connection', async () => {
    const body = randomBytes(40_000);
    answer = (_request, response) => {
      response.writeHead(404, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: { code: 'not_found', message: 'No document' } }));
    };
    await expect(downloadDocument(api(), caseId, { sha256: sha256Of(body), size: body.length })).rejects.toMatchObject({ name: 'ApiError', status: 404, code: 'not_found' });

    answer = (_request, response) => {
      response.writeHead(200, { 'content-length': String(body.length) });
      response.write(body.subarray(0, 10_000), () => setTimeout(() => response.socket?.destroy(), 10));
    };
    await expect(downloadDocument(api(), caseId, { sha256: sha256Of(body), size: body.length })).rejects.toBeInstanceOf(NetworkError);

    answer = (_request, response) => {
      response.writeHead(200);
      response.write(body.subarray(0, 10_000));
    };
    const progress: DownloadProgress[] = [];
    const stalled = downloadDocument(api(), caseId, { sha256: sha256Of(body), size: body.length }, { stallTimeoutMs: 200, onProgress: (step) => progress.push(step) });
    await expect(stalled).rejects.toThrow(/stalled/);
    await expect(stalled).rejects.toBeInstanceOf(NetworkError);
    expect(progress.at(-1)).toEqual({ received: 10_000, total: body.length });
  });
});
