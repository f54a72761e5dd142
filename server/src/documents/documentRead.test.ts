import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleHeaderOf, documentReadPath } from '../../../shared/sync/protocol';
import { markCaseDeleted } from '../store/caseStore';
import { buildCaseRecord, createCaseMutation } from '../testing/caseFixtures';
import { errorOf, otherDevice, startTestServer, syncHeaders } from '../testing/testServer';
import type { TestServer } from '../testing/testServer';

const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('GET /v1/documents/:sha256?case=: a case’s documents for the sessions that may see the case', () => {
  let server: TestServer;
  let clerk: string;
  let sequence = 500;

  beforeAll(async () => {
    server = await startTestServer();
    clerk = await server.signIn();
  });
  afterAll(() => server.close());

  const upload = async (bytes: Buffer) => {
    const response = await server.app.inject({
      method: 'POST',
      url: '/v1/documents',
      headers: { ...syncHeaders(clerk), 'content-type': 'application/octet-stream', 'x-counterdesk-documents': bundleHeaderOf([{ sha256: sha256Of(bytes), size: bytes.length }]) },
      payload: bytes,
    });
    expect(response.statusCode).toBe(200);
  };

  /** A case of the clerk's with one attached document; returns the case id and the document's bytes. */
  const caseWithDocument = async () => {
    sequence += 1;
    const record = buildCaseRecord(sequence);
    const bytes = randomBytes(70_000);
    await upload(bytes);
    const attach = { id: 2, name: 'attachDocument', args: { caseId: record.id, documentId: randomUUID(), sha256: sha256Of(bytes), kind: '申請書', mime: 'application/pdf', size: bytes.length }, createdAt: '2026-03-02T09:16:00+08:00' };
    const answer = await server.push(clerk, randomUUID(), [createCaseMutation(1, record), attach]);
    expect(answer.results.map((result) => result.status)).toEqual(['applied', 'applied']);
    return { caseId: record.id, bytes, sha256: sha256Of(bytes), documentId: attach.args.documentId };
  };
  const read = (token: string, sha256: string, caseId: string) => server.app.inject({ method: 'GET', url: documentReadPath(sha256, caseId), headers: syncHeaders(token) });

  it('serves a supervisor on another computer the exact bytes, and audits the read', async () => {
    const { caseId, bytes, sha256, documentId } = await caseWithDocument();
    const supervisor = await server.signIn({ username: 'supervisor', password: 'supervisor-demo-2026', deviceId: otherDevice.id });
    const response = await read(supervisor, sha256, caseId);
    expect(response.statusCode).toBe(200);
    expect(Buffer.compare(response.rawPayload, bytes)).toBe(0);
    expect(response.headers['content-length']).toBe(String(bytes.length));
    // Plain bytes must not linger in a browser's disk cache: the device keeps its own sealed copy.
    expect(response.headers['cache-control']).toBe('private, no-store');
    const { rows } = await server.db.query<{ user_name: string; device_id: string; case_id: string; details: Record<string, unknown> }>(
      "SELECT user_name, device_id, case_id::text AS case_id, details FROM audit_log WHERE action = 'case.document-read' AND case_id = $1",
      [caseId],
    );
    expect(rows).toEqual([{ user_name: 'supervisor', device_id: otherDevice.id, case_id: caseId, details: { documentId, sha256, kind: '申請書', size: bytes.length } }]);
  });

  it('refuses a role that reads no taxpayer data, a case that does not hold the bytes, a deleted case and an unattached upload', async () => {
    const { caseId, sha256 } = await caseWithDocument();
    const other = await caseWithDocument();
    const admin = await server.signIn({ username: 'admin', password: 'admin-demo-2026', deviceId: otherDevice.id });
    const forbidden = await read(admin, sha256, caseId);
    expect([forbidden.statusCode, errorOf(forbidden).code]).toEqual([403, 'forbidden']);

    const supervisor = await server.signIn({ username: 'supervisor', password: 'supervisor-demo-2026', deviceId: otherDevice.id });
    // Known bytes asked for through a case that does not hold them: the same answer as bytes never seen.
    const elsewhere = await read(supervisor, sha256, other.caseId);
    expect([elsewhere.statusCode, errorOf(elsewhere).code]).toEqual([404, 'not_found']);
    const unattached = randomBytes(5_000);
    await upload(unattached);
    expect((await read(supervisor, sha256Of(unattached), caseId)).statusCode).toBe(404);
    expect((await read(supervisor, sha256, randomUUID())).statusCode).toBe(404);

    await server.db.transaction((tx) => markCaseDeleted(tx, caseId, server.clock.now()));
    expect((await read(supervisor, sha256, caseId)).statusCode).toBe(404);

    const noCase = await server.app.inject({ method: 'GET', url: `/v1/documents/${other.sha256}`, headers: syncHeaders(supervisor) });
    expect([noCase.statusCode, errorOf(noCase).code]).toEqual([400, 'validation_failed']);
    const noSession = await server.app.inject({ method: 'GET', url: documentReadPath(other.sha256, other.caseId), headers: { ...syncHeaders(supervisor), authorization: 'Bearer nothing' } });
    expect(noSession.statusCode).toBe(401);
    const { rows } = await server.db.query<{ count: string }>("SELECT count(*)::text AS count FROM audit_log WHERE action = 'case.document-read' AND case_id = ANY($1::text[])", [[caseId, other.caseId]]);
    expect(rows[0]?.count).toBe('0');
  });
});
