import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit/verifyAuditChain';
import { buildCaseRecord, createCaseMutation, pushBody } from '../testing/caseFixtures';
import { startTestServer, syncHeaders } from '../testing/testServer';
import type { TestServer } from '../testing/testServer';

describe('audit routes', () => {
  let server: TestServer;
  let clerk: string;
  beforeAll(async () => {
    server = await startTestServer();
    clerk = await server.signIn();
  });
  afterAll(() => server.close());

  const push = (entries: unknown[], token = clerk) =>
    server.app.inject({ method: 'POST', url: '/v1/audit/push', headers: syncHeaders(token), payload: { entries } });

  it('records pushed device entries once, by entry id, in the chain', async () => {
    const caseId = randomUUID();
    const entries = [
      { id: randomUUID(), at: '2026-03-02T09:00:00+08:00', username: 'clerk', action: 'viewed', caseId, purpose: '受理' },
      { id: randomUUID(), at: '2026-03-02T09:01:00+08:00', username: 'clerk', action: 'printed-receipt', caseId, detail: 'receipt 1' },
    ];
    const first = await push(entries);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ acknowledged: entries.map((entry) => entry.id) });
    const again = await push([...entries, { ...entries[0], id: randomUUID() }]);
    expect(again.statusCode).toBe(200);

    const { rows } = await server.db.query<{ action: string; source: string; device_id: string; user_name: string; at: Date; details: Record<string, string> }>(
      'SELECT action, source, device_id, user_name, at, details FROM audit_log WHERE case_id = $1 ORDER BY seq',
      [caseId],
    );
    expect(rows.map((row) => row.action)).toEqual(['viewed', 'printed-receipt', 'viewed']);
    expect(rows[0]).toMatchObject({ source: 'device', device_id: 'demo-counter-01', user_name: 'clerk', details: { pushedBy: 'clerk' } });
    expect(rows[0]?.at.toISOString()).toBe('2026-03-02T01:00:00.000Z');
    expect(await verifyAuditChain(server.db)).toMatchObject({ ok: true });
  });

  it('refuses malformed entries with validation_failed and records none of the batch', async () => {
    const before = await server.db.query('SELECT seq FROM audit_log');
    const good = { id: randomUUID(), at: '2026-03-02T09:00:00+08:00', username: 'clerk', action: 'viewed' };
    for (const entries of [[], [{ ...good, id: 'nope' }], [{ ...good, action: 'DROP TABLE' }], [good, { ...good, id: randomUUID(), detail: 'a\u0000b' }], Array.from({ length: 501 }, () => ({ ...good, id: randomUUID() }))]) {
      const response = await push(entries);
      expect(response.statusCode).toBe(400);
    }
    const after = await server.db.query('SELECT seq FROM audit_log');
    expect(after.rowCount).toBe(before.rowCount);
  });

  it('lets a supervisor read a case trail with the server-side entries of sync and the public page', async () => {
    const record = buildCaseRecord(7);
    const pushed = await server.app.inject({ method: 'POST', url: '/v1/sync/push', headers: syncHeaders(clerk), payload: pushBody(randomUUID(), [createCaseMutation(1, record)]) });
    expect(pushed.statusCode).toBe(200);
    const view = await server.app.inject({ method: 'GET', url: `/v1/public/cases/${record.caseNo}?v=${record.verifier}`, remoteAddress: '203.0.113.77' });
    expect(view.statusCode).toBe(200);
    await server.app.inject({ method: 'GET', url: `/v1/public/cases/${record.caseNo}?v=wrong` });

    const supervisor = await server.signIn({ username: 'supervisor', password: 'supervisor-demo-2026' });
    const trail = await server.app.inject({ method: 'GET', url: `/v1/audit/cases/${record.id}`, headers: syncHeaders(supervisor) });
    expect(trail.statusCode).toBe(200);
    const views = (trail.json() as { entries: Array<{ action: string; details: Record<string, string> }> }).entries.filter((entry) => entry.action === 'case.public-view');
    expect(views).toHaveLength(1);
    expect(views[0]?.details).toMatchObject({ caseNo: record.caseNo, address: '203.0.113.0/24' });
    expect(JSON.stringify(views)).not.toContain(record.verifier);
  });

  it('lets an administrator verify the chain over HTTP', async () => {
    const admin = await server.signIn({ username: 'admin', password: 'admin-demo-2026' });
    const response = await server.app.inject({ method: 'GET', url: '/v1/audit/verify', headers: syncHeaders(admin) });
    expect(response.json()).toMatchObject({ ok: true, entries: expect.any(Number) });
  });
});
