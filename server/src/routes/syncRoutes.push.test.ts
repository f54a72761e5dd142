import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_HEADER, PROTOCOL_VERSION, pushResponseSchema } from '../../../shared/sync/protocol';
import { buildCaseRecord, createCaseMutation, pushBody } from '../testing/caseFixtures';
import { deviceHeaders, errorOf, otherDevice, startTestServer, syncHeaders } from '../testing/testServer';
import type { TestServer } from '../testing/testServer';

describe('POST /v1/sync/push', () => {
  let server: TestServer;
  let token: string;
  let sequence = 0;
  const nextCase = (overrides: Parameters<typeof buildCaseRecord>[1] = {}) => buildCaseRecord(++sequence, overrides);

  beforeAll(async () => {
    server = await startTestServer();
    token = await server.signIn();
  });
  afterAll(() => server.close());

  const push = (body: unknown, headers: Record<string, string> = syncHeaders(token)) =>
    server.app.inject({ method: 'POST', url: '/v1/sync/push', headers, payload: body as object });
  const countCases = async (id: string) => (await server.db.query('SELECT 1 FROM cases WHERE id = $1', [id])).rowCount;

  it('refuses a request without a valid session', async () => {
    const body = pushBody(randomUUID(), [createCaseMutation(1, nextCase())]);
    const none = await push(body, { [PROTOCOL_HEADER]: String(PROTOCOL_VERSION) });
    const forged = await push(body, syncHeaders('A'.repeat(43)));
    const malformed = await push(body, { ...syncHeaders(token), authorization: `Basic ${token}` });
    for (const response of [none, forged, malformed]) {
      expect(response.statusCode).toBe(401);
      expect(errorOf(response).code).toBe('unauthorized');
    }
  });

  it('refuses an expired session', async () => {
    const shortLived = await server.signIn();
    server.clock.advance(8 * 60 * 60 * 1000);
    const response = await push(pushBody(randomUUID(), [createCaseMutation(1, nextCase())]), syncHeaders(shortLived));
    server.clock.advance(-8 * 60 * 60 * 1000);
    expect(response.statusCode).toBe(401);
    expect(errorOf(response).code).toBe('unauthorized');
  });

  it('refuses an outdated protocol in the header or the body with 426', async () => {
    const body = pushBody(randomUUID(), [createCaseMutation(1, nextCase())]);
    const noHeader = await push(body, { authorization: `Bearer ${token}`, ...deviceHeaders() });
    const oldHeader = await push(body, { ...syncHeaders(token), [PROTOCOL_HEADER]: String(PROTOCOL_VERSION - 1) });
    const oldBody = await push({ ...body, protocolVersion: PROTOCOL_VERSION - 1, mutations: [{ legacy: true }] });
    for (const response of [noHeader, oldHeader, oldBody]) {
      expect(response.statusCode).toBe(426);
      expect(errorOf(response).code).toBe('protocol_outdated');
    }
  });

  it('applies a replayed push once and answers the replay duplicate', async () => {
    const clientId = randomUUID();
    const record = nextCase();
    const body = pushBody(clientId, [createCaseMutation(1, record)]);
    const first = await push(body);
    const replay = await push(body);
    expect(first.statusCode).toBe(200);
    expect(pushResponseSchema.parse(first.json())).toMatchObject({ results: [{ id: 1, status: 'applied' }], lastMutationId: 1 });
    expect(replay.statusCode).toBe(200);
    expect(pushResponseSchema.parse(replay.json())).toMatchObject({ results: [{ id: 1, status: 'duplicate' }], lastMutationId: 1 });
    expect(await countCases(record.id)).toBe(1);
    const ledger = await server.db.query('SELECT mutation_id FROM mutations WHERE client_id = $1', [clientId]);
    expect(ledger.rowCount).toBe(1);
  });

  it('applies concurrent copies of one push exactly once', async () => {
    const clientId = randomUUID();
    const record = nextCase();
    const body = pushBody(clientId, [createCaseMutation(1, record)]);
    const responses = await Promise.all([push(body), push(body), push(body)]);
    const statuses = responses.map((response) => (response.json() as { results: Array<{ status: string }> }).results[0]?.status).sort();
    expect(statuses).toEqual(['applied', 'duplicate', 'duplicate']);
    expect(await countCases(record.id)).toBe(1);
  });

  it('applies the new part of a batch that overlaps what was already applied', async () => {
    const clientId = randomUUID();
    const [a, b, c] = [nextCase(), nextCase(), nextCase()];
    await push(pushBody(clientId, [createCaseMutation(1, a), createCaseMutation(2, b)]));
    const response = await push(pushBody(clientId, [createCaseMutation(1, a), createCaseMutation(2, b), createCaseMutation(3, c)]));
    expect(response.json()).toMatchObject({
      results: [
        { id: 1, status: 'duplicate' },
        { id: 2, status: 'duplicate' },
        { id: 3, status: 'applied' },
      ],
      lastMutationId: 3,
    });
    expect(await countCases(c.id)).toBe(1);
  });

  it('refuses a gap with 409 mutation_gap and applies nothing of that batch', async () => {
    const clientId = randomUUID();
    await push(pushBody(clientId, [createCaseMutation(1, nextCase())]));
    const beforeGap = nextCase();
    const afterGap = nextCase();
    const response = await push(pushBody(clientId, [createCaseMutation(2, beforeGap), createCaseMutation(4, afterGap)]));
    expect(response.statusCode).toBe(409);
    expect(errorOf(response).code).toBe('mutation_gap');
    // Where to resend from is a typed fact of the error body, not a phrase inside its message.
    expect(errorOf(response)).toMatchObject({ resendFrom: 2 });
    expect(await countCases(beforeGap.id)).toBe(0);
    expect(await countCases(afterGap.id)).toBe(0);
    const { rows } = await server.db.query<{ last_mutation_id: number }>('SELECT last_mutation_id FROM sync_clients WHERE client_id = $1', [clientId]);
    expect(rows[0]?.last_mutation_id).toBe(1);

    const firstContactGap = await push(pushBody(randomUUID(), [createCaseMutation(2, nextCase())]));
    expect(firstContactGap.statusCode).toBe(409);
    expect(errorOf(firstContactGap)).toMatchObject({ code: 'mutation_gap', resendFrom: 1 });
  });

  it('rejects a permanently invalid mutation, records it, and applies the next one', async () => {
    const clientId = randomUUID();
    const good = nextCase();
    const response = await push(
      pushBody(clientId, [
        createCaseMutation(1, nextCase({ serviceId: 'NO-SUCH-SERVICE' })),
        { id: 2, name: 'createCase', args: { case: { id: 'not-a-uuid' } }, createdAt: 'yesterday' },
        { id: 3, name: 'launchRocket', args: {}, createdAt: '2026-03-02T09:15:00+08:00' },
        createCaseMutation(4, nextCase({ stationCode: 'KL02' })),
        createCaseMutation(5, { ...nextCase(), caseNo: '115-KL01-000999-0' }),
        createCaseMutation(6, nextCase({ status: 'approved' })),
        createCaseMutation(7, nextCase({ dueDate: '2026-02-30' })),
        createCaseMutation(8, good),
      ]),
    );
    expect(response.statusCode).toBe(200);
    const body = pushResponseSchema.parse(response.json());
    expect(body.results.map((result) => (result.status === 'rejected' ? result.code : result.status))).toEqual([
      'unknown_service',
      'invalid_mutation',
      'unknown_mutation',
      'station_mismatch',
      'invalid_case_no',
      'invalid_initial_status',
      'invalid_dates',
      'applied',
    ]);
    for (const result of body.results) {
      if (result.status === 'rejected') expect(result.message.length).toBeGreaterThan(10);
    }
    expect(body.lastMutationId).toBe(8);
    expect(await countCases(good.id)).toBe(1);
    const ledger = await server.db.query<{ mutation_id: number; status: string; code: string | null }>(
      'SELECT mutation_id, status, code FROM mutations WHERE client_id = $1 ORDER BY mutation_id',
      [clientId],
    );
    expect(ledger.rows[0]).toEqual({ mutation_id: 1, status: 'rejected', code: 'unknown_service' });
    expect(ledger.rows[7]).toEqual({ mutation_id: 8, status: 'applied', code: null });
  });

  it('rejects a change to a case the server does not have with case_not_found', async () => {
    const caseId = randomUUID();
    const response = await push(
      pushBody(randomUUID(), [{ id: 1, name: 'transition', args: { caseId, to: 'in-review' }, createdAt: '2026-03-02T09:15:00+08:00' }]),
    );
    expect(response.json()).toMatchObject({ results: [{ id: 1, status: 'rejected', code: 'case_not_found' }], lastMutationId: 1 });
  });

  it('treats the same intake under a new client as applied, another case under the same number as case_no_taken', async () => {
    const record = nextCase();
    await push(pushBody(randomUUID(), [createCaseMutation(1, record)]));
    const sameContent = await push(
      pushBody(randomUUID(), [createCaseMutation(1, { ...record, receivedAt: '2026-03-02T01:15:00.000Z' })]),
    );
    expect(sameContent.json()).toMatchObject({ results: [{ id: 1, status: 'applied' }] });
    const otherContent = await push(
      pushBody(randomUUID(), [createCaseMutation(1, { ...record, id: randomUUID(), applicant: { ...record.applicant, name: '陳小華' } })]),
    );
    expect(otherContent.json()).toMatchObject({ results: [{ id: 1, status: 'rejected', code: 'case_no_taken', message: expect.stringContaining(record.caseNo) }] });
    const sameId = await push(pushBody(randomUUID(), [createCaseMutation(1, { ...record, applicant: { ...record.applicant, name: '陳小華' } })]));
    expect(sameId.json()).toMatchObject({ results: [{ id: 1, status: 'rejected', code: 'case_conflict' }] });
    const { rows } = await server.db.query<{ applicant: { name: string } }>('SELECT applicant FROM cases WHERE case_no = $1', [record.caseNo]);
    expect(rows).toEqual([{ applicant: expect.objectContaining({ name: '王大明' }) }]);
  });

  it('keeps a clientId to the device that first used it', async () => {
    const clientId = randomUUID();
    await push(pushBody(clientId, [createCaseMutation(1, nextCase())]));
    const otherToken = await server.signIn({ deviceId: otherDevice.id });
    const response = await push(pushBody(clientId, [createCaseMutation(2, nextCase({ stationCode: 'KL02' }))]), syncHeaders(otherToken));
    expect(response.statusCode).toBe(403);
    expect(errorOf(response).code).toBe('forbidden');
  });

  it('tells a revoked device so, even with a live session', async () => {
    const deviceToken = await server.signIn({ deviceId: otherDevice.id });
    await server.db.query('UPDATE devices SET revoked_at = now() WHERE id = $1', [otherDevice.id]);
    const response = await push(pushBody(randomUUID(), [createCaseMutation(1, nextCase({ stationCode: 'KL02' }))]), syncHeaders(deviceToken));
    await server.db.query('UPDATE devices SET revoked_at = NULL WHERE id = $1', [otherDevice.id]);
    expect(response.statusCode).toBe(403);
    expect(errorOf(response).code).toBe('device_revoked');
  });

  it('answers malformed, mistyped and oversized bodies with a typed 4xx, never a 500', async () => {
    const raw = (payload: string, contentType = 'application/json') =>
      server.app.inject({ method: 'POST', url: '/v1/sync/push', headers: { ...syncHeaders(token), 'content-type': contentType }, payload });
    const cases: Array<[Promise<{ statusCode: number; json(): unknown }>, number, string]> = [
      [raw('{"protocolVersion":1,'), 400, 'validation_failed'],
      [raw(''), 400, 'validation_failed'],
      [raw('[]'), 400, 'validation_failed'],
      [raw('null'), 400, 'validation_failed'],
      [raw(JSON.stringify({ protocolVersion: 1, clientId: 'nope', mutations: [] })), 400, 'validation_failed'],
      [raw(JSON.stringify({ protocolVersion: 1, clientId: randomUUID(), mutations: [{ id: '1' }] })), 400, 'validation_failed'],
      [raw(JSON.stringify({ protocolVersion: 1, clientId: randomUUID(), mutations: [{ id: 1.5 }] })), 400, 'validation_failed'],
      [raw('{"__proto__":{"x":1}}'), 400, 'validation_failed'],
      [raw('protocolVersion=1', 'application/x-www-form-urlencoded'), 415, 'unsupported_media_type'],
      [raw(JSON.stringify({ pad: 'x'.repeat(1024 * 1024 + 10) })), 413, 'payload_too_large'],
      [raw(JSON.stringify({ protocolVersion: 1, clientId: randomUUID(), mutations: Array.from({ length: 201 }, (_, i) => ({ id: i + 1 })) })), 400, 'validation_failed'],
    ];
    for (const [pending, status, code] of cases) {
      const response = await pending;
      expect(response.statusCode).toBe(status);
      expect(response.json()).toEqual({ error: expect.objectContaining({ code, message: expect.any(String) }) });
    }
  });
});
