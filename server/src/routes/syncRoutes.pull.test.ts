import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pullResponseSchema } from '../../../shared/sync/protocol';
import type { PullResponse } from '../../../shared/sync/protocol';
import { buildCaseRecord, createCaseMutation, pushBody } from '../testing/caseFixtures';
import { errorOf, startTestServer, syncHeaders } from '../testing/testServer';
import type { TestServer } from '../testing/testServer';

describe('GET /v1/sync/pull', () => {
  let server: TestServer;
  let token: string;
  beforeAll(async () => {
    server = await startTestServer();
    token = await server.signIn();
  });
  afterAll(() => server.close());

  const pull = async (query: string): Promise<PullResponse> => {
    const response = await server.app.inject({ method: 'GET', url: `/v1/sync/pull${query}`, headers: syncHeaders(token) });
    expect(response.statusCode).toBe(200);
    return pullResponseSchema.parse(response.json());
  };

  it('refuses a request without a valid session or with an expired one', async () => {
    const none = await server.app.inject({ method: 'GET', url: '/v1/sync/pull', headers: { ...syncHeaders(token), authorization: '' } });
    expect(none.statusCode).toBe(401);
    const shortLived = await server.signIn();
    server.clock.advance(8 * 60 * 60 * 1000 + 1);
    const expired = await server.app.inject({ method: 'GET', url: '/v1/sync/pull', headers: syncHeaders(shortLived) });
    server.clock.advance(-(8 * 60 * 60 * 1000 + 1));
    expect(expired.statusCode).toBe(401);
    expect(errorOf(expired).code).toBe('unauthorized');
  });

  it('returns pushed cases in change order with an advancing cursor', async () => {
    const empty = await pull('?cursor=0');
    expect(empty).toMatchObject({ changes: [], cursor: 0, hasMore: false, reset: false });

    const records = [1, 2, 3].map((sequence) => buildCaseRecord(sequence));
    const pushed = await server.app.inject({
      method: 'POST',
      url: '/v1/sync/push',
      headers: syncHeaders(token),
      payload: pushBody(randomUUID(), records.map((record, index) => createCaseMutation(index + 1, record))),
    });
    expect(pushed.statusCode).toBe(200);

    const first = await pull('?cursor=0&limit=2');
    expect(first.changes.map((change) => change.id)).toEqual([records[0]?.id, records[1]?.id]);
    expect(first.hasMore).toBe(true);
    expect(first.cursor).toBe(first.changes[1]?.seq);
    const firstChange = first.changes[0];
    expect(firstChange?.kind === 'case' && firstChange.data).toMatchObject({
      caseNo: records[0]?.caseNo,
      applicant: records[0]?.applicant,
      receivedAt: '2026-03-02T01:15:00.000Z',
      syncedAt: server.clock.now().toISOString(),
    });

    const second = await pull(`?cursor=${first.cursor}&limit=2`);
    expect(second.changes.map((change) => change.id)).toEqual([records[2]?.id]);
    expect(second.hasMore).toBe(false);
    expect(second.cursor).toBeGreaterThan(first.cursor);

    const drained = await pull(`?cursor=${second.cursor}`);
    expect(drained).toMatchObject({ changes: [], cursor: second.cursor, hasMore: false, reset: false });
  });

  it('tells a client whose cursor is beyond anything handed out to reset', async () => {
    const response = await pull('?cursor=999999');
    expect(response).toMatchObject({ changes: [], cursor: 0, reset: true });
  });

  it('refuses a malformed cursor or limit with validation_failed', async () => {
    for (const query of ['?cursor=abc', '?cursor=-1', '?limit=0', '?limit=5000', '?cursor=1&cursor=2']) {
      const response = await server.app.inject({ method: 'GET', url: `/v1/sync/pull${query}`, headers: syncHeaders(token) });
      expect(response.statusCode).toBe(400);
      expect(errorOf(response).code).toBe('validation_failed');
    }
  });
});
