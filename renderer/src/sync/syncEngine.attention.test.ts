import 'fake-indexeddb/auto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REQUEST_ID_HEADER } from '../../../shared/http/requestId';
import { createCaseForTest } from '../db/createCaseForTest';
import { CounterDeskDb } from '../db/database';
import { countPending } from '../db/outbox';
import { PUSH_FAILURES_BEFORE_ATTENTION, readPushTrouble } from '../db/pushTrouble';
import { caseRecordFixture } from '../testing/caseRecordFixture';
import { SyncEngine } from './syncEngine';
import { createSyncStatusStore } from './syncStatus';

/**
 * A server that fails every push holding one poisoned mutation with a 500, as a server fault would:
 * the device must not resend it forever, but isolate it, mark it "needs attention" with the server's
 * request id, stop pushing, and send it again when the clerk asks.
 */
describe('sync engine against a server that keeps answering 500', () => {
  let server: Server;
  let url: string;
  let poisoned = 2;
  let requests = 0;
  /** The mutation ids of every push the server received, in order. */
  const pushes: number[][] = [];
  const applied: number[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        requests += 1;
        const requestId = `req-${requests}`;
        const send = (status: number, json: unknown) => {
          response.writeHead(status, { 'content-type': 'application/json', [REQUEST_ID_HEADER]: requestId });
          response.end(JSON.stringify(json));
        };
        const serverTime = new Date().toISOString();
        if (request.url?.startsWith('/v1/sync/pull')) return send(200, { changes: [], cursor: 0, hasMore: false, reset: false, serverTime });
        const ids = (JSON.parse(body) as { mutations: Array<{ id: number }> }).mutations.map((mutation) => mutation.id);
        pushes.push(ids);
        if (ids.includes(poisoned)) return send(500, { error: { code: 'internal_error', message: 'The server failed to handle this request' } });
        applied.push(...ids);
        return send(200, { results: ids.map((id) => ({ id, status: 'applied' })), lastMutationId: Math.max(...ids), serverTime });
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('isolates the failing change, marks it after a few tries with the request id, stops resending, and sends it on retry', async () => {
    const db = new CounterDeskDb(`attention-${Date.now()}`);
    for (let sequence = 1; sequence <= 3; sequence += 1) {
      await createCaseForTest({ stationCode: 'KL01', rocYear: 115, build: caseRecordFixture }, db);
    }
    const status = createSyncStatusStore();
    // Never started: each run is the test's own syncNow, so no timer runs behind the test.
    const engine = new SyncEngine({ serverUrl: url, db, status, getToken: () => 'token', onUnauthorized: () => undefined, backoffBaseMs: 1, backoffCapMs: 1 });

    await engine.syncNow();
    expect(pushes).toEqual([[1, 2, 3]]);
    expect(status.getState().connectivity).toBe('error');
    for (let run = 0; run < PUSH_FAILURES_BEFORE_ATTENTION; run += 1) await engine.syncNow();
    // After the first failure one mutation at a time: 1 went through, 2 failed alone until marked.
    expect(applied).toEqual([1]);
    expect(pushes.slice(1)).toEqual([[1], [2], [2], [2], [2], [2]]);
    const attention = status.getState().attention;
    expect(attention).toMatchObject({ mutationId: 2, failures: PUSH_FAILURES_BEFORE_ATTENTION, needsAttention: true, status: 500, code: 'internal_error' });
    expect(attention?.requestId).toBe(`req-${requests - 1}`);
    expect(status.getState().connectivity).toBe('online');

    // Marked: further runs pull but never send the outbox again.
    const before = pushes.length;
    for (let run = 0; run < 3; run += 1) await engine.syncNow();
    expect(pushes.length).toBe(before);
    expect(await countPending(db)).toBe(2);
    expect((await readPushTrouble(db))?.needsAttention).toBe(true);

    // A retry that fails again marks it again at once.
    await engine.retryPush();
    expect(pushes.length).toBe(before + 1);
    expect(status.getState().attention?.needsAttention).toBe(true);

    // The server is fixed: the retry sends it and everything after it, and the trouble is gone.
    poisoned = 0;
    await engine.retryPush();
    expect(applied).toEqual([1, 2, 3]);
    expect(await countPending(db)).toBe(0);
    expect(await readPushTrouble(db)).toBeUndefined();
    expect(status.getState().attention).toBeUndefined();
    await db.delete();
  });
});
