import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditStatusSchema } from '../../../shared/schemas/auditStatus';
import { verifyAuditChain } from '../audit/verifyAuditChain';
import { readAuditHead } from '../store/auditStore';
import { buildCaseRecord, createCaseMutation, pushBody } from '../testing/caseFixtures';
import { errorOf, otherDevice, startTestServer, syncHeaders } from '../testing/testServer';
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

  type Row = { action: string; source: string; device_id: string; user_name: string; at: Date; details: Record<string, string> };
  const rowsOf = async (caseId: string) =>
    (await server.db.query<Row>('SELECT action, source, device_id, user_name, at, details FROM audit_log WHERE case_id = $1 ORDER BY seq', [caseId])).rows;

  it('records pushed device entries once, by entry id, in the chain, under the session and at the time of receipt', async () => {
    const caseId = randomUUID();
    const entries = [
      { id: randomUUID(), at: '2026-03-01T09:00:00+08:00', username: 'clerk', action: 'viewed', caseId, purpose: '受理' },
      { id: randomUUID(), at: '2026-03-01T09:01:00+08:00', username: 'clerk', action: 'printed-receipt', caseId, detail: 'receipt 1' },
    ];
    const first = await push(entries);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ acknowledged: entries.map((entry) => entry.id) });
    const again = await push([...entries, { ...entries[0], id: randomUUID() }]);
    expect(again.statusCode).toBe(200);

    const rows = await rowsOf(caseId);
    expect(rows.map((row) => row.action)).toEqual(['viewed', 'printed-receipt', 'viewed']);
    expect(rows[0]).toMatchObject({ source: 'device', device_id: 'demo-counter-01', user_name: 'clerk', details: { deviceAt: '2026-03-01T01:00:00.000Z' } });
    expect(rows[0]?.details).not.toHaveProperty('deviceUser');
    expect(rows[1]?.details).toMatchObject({ detail: 'receipt 1' });
    // The entry's time is the server's clock at receipt, not the device's.
    expect(rows[0]?.at.toISOString()).toBe(server.clock.now().toISOString());
    expect(await verifyAuditChain(server.db)).toMatchObject({ ok: true });
  });

  it("records an entry naming another user and device under the pushing session's user and device", async () => {
    const caseId = randomUUID();
    const other = await server.signIn({ username: 'clerk', password: 'clerk-demo-2026', deviceId: otherDevice.id });
    const forged = { id: randomUUID(), at: '2020-01-01T00:00:00+08:00', username: 'supervisor', deviceId: 'demo-counter-01', action: 'viewed', caseId };
    expect((await push([forged], other)).statusCode).toBe(200);
    const [row] = await rowsOf(caseId);
    expect(row).toMatchObject({ user_name: 'clerk', device_id: otherDevice.id, details: { deviceUser: 'supervisor', deviceAt: '2019-12-31T16:00:00.000Z' } });
    expect(row?.at.toISOString()).toBe(server.clock.now().toISOString());
  });

  it('refuses a malformed batch with validation_failed and records none of it', async () => {
    const before = await server.db.query('SELECT seq FROM audit_log');
    const good = { id: randomUUID(), at: '2026-03-02T09:00:00+08:00', username: 'clerk', action: 'viewed' };
    for (const entries of [[], 'not a list', Array.from({ length: 501 }, () => ({ ...good, id: randomUUID() }))]) {
      const response = await push(entries as unknown[]);
      expect(response.statusCode).toBe(400);
      expect(errorOf(response).code).toBe('validation_failed');
    }
    const after = await server.db.query('SELECT seq FROM audit_log');
    expect(after.rowCount).toBe(before.rowCount);
  });

  it('records a bad entry as refused and acknowledges it, so the entries after it are recorded too', async () => {
    const caseId = randomUUID();
    const good = (action: string) => ({ id: randomUUID(), at: '2026-03-02T09:00:00+08:00', username: 'clerk', action, caseId });
    const unknownAction = good('DROP TABLE');
    const withNul = { ...good('viewed'), detail: 'a\u0000b' };
    const longPurpose = { ...good('viewed'), purpose: 'x'.repeat(201) };
    const noId = { ...good('viewed'), id: 'nope' };
    const after = good('printed-receipt');
    const response = await push([unknownAction, withNul, longPurpose, noId, after]);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ acknowledged: [unknownAction.id, withNul.id, longPurpose.id, after.id] });

    const { rows } = await server.db.query<{ entry_id: string; action: string; user_name: string; details: { problem?: string } }>(
      'SELECT entry_id, action, user_name, details FROM audit_log WHERE entry_id = ANY($1::uuid[]) ORDER BY seq',
      [[unknownAction.id, withNul.id, longPurpose.id, after.id]],
    );
    expect(rows.map((row) => row.action)).toEqual(['device.entry-refused', 'device.entry-refused', 'device.entry-refused', 'printed-receipt']);
    expect(rows[0]?.details.problem).toMatch(/^action:/);
    expect(rows[1]?.details.problem).toMatch(/^detail:/);
    expect(rows[2]?.details.problem).toMatch(/^purpose:/);
    expect(rows.every((row) => row.user_name === 'clerk')).toBe(true);
    expect((await push([unknownAction])).json()).toEqual({ acknowledged: [unknownAction.id] });
    expect((await server.db.query('SELECT 1 FROM audit_log WHERE entry_id = $1', [unknownAction.id])).rowCount).toBe(1);
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

  it('refuses an anchor where the server keeps no anchor file', async () => {
    const admin = await server.signIn({ username: 'admin', password: 'admin-demo-2026' });
    const response = await server.app.inject({ method: 'POST', url: '/v1/admin/audit-anchor', headers: syncHeaders(admin), payload: {} });
    expect(response.statusCode).toBe(409);
    expect(errorOf(response).message).toMatch(/AUDIT_ANCHOR_FILE/);
  });
});

describe('audit status and anchors for the administrator', () => {
  let server: TestServer;
  let dir: string;
  let anchorFile: string;
  let admin: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'counterdesk-anchors-'));
    anchorFile = join(dir, 'audit', 'anchors.jsonl');
    server = await startTestServer({ auditAnchorFile: anchorFile });
    admin = await server.signIn({ username: 'admin', password: 'admin-demo-2026' });
  });
  afterAll(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  const status = (token = admin) => server.app.inject({ method: 'GET', url: '/v1/admin/audit-status', headers: syncHeaders(token) });
  const anchor = (token = admin) => server.app.inject({ method: 'POST', url: '/v1/admin/audit-anchor', headers: syncHeaders(token), payload: {} });
  const anchorLines = async () => (await readFile(anchorFile, 'utf8').catch(() => '')).split('\n').filter((line) => line !== '');

  it('shows the head, no anchor yet, and a verification run on demand', async () => {
    const response = await status();
    expect(response.statusCode).toBe(200);
    const body = auditStatusSchema.parse(response.json());
    const head = await readAuditHead(server.db);
    expect(body).toMatchObject({ entries: head.seq, head: { seq: head.seq, hash: head.hash }, lastAnchor: null, verification: { ok: true, problem: null } });
    expect(body.head.at).toBe(head.at?.toISOString());
  });

  it('anchors the head on request, in the file and in the log under the administrator', async () => {
    const head = await readAuditHead(server.db);
    const response = await anchor();
    expect(response.statusCode).toBe(200);
    const body = auditStatusSchema.parse(response.json());
    expect(body.lastAnchor).toMatchObject({ day: '2026-03-02', seq: head.seq, hash: head.hash });
    expect(body.entries).toBe(head.seq + 1);
    const lines = await anchorLines();
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({ seq: head.seq, hash: head.hash, keyedFrom: head.keyedFrom });
    const { rows } = await server.db.query<{ user_name: string; device_id: string; details: Record<string, unknown> }>("SELECT user_name, device_id, details FROM audit_log WHERE action = 'audit.anchor'");
    expect(rows).toEqual([{ user_name: 'admin', device_id: 'demo-counter-01', details: { day: '2026-03-02', seq: head.seq, hash: head.hash, keyId: expect.any(String) } }]);
  });

  it('refuses both to everyone but the administrator', async () => {
    for (const [username, password] of [['clerk', 'clerk-demo-2026'], ['supervisor', 'supervisor-demo-2026']] as const) {
      const token = await server.signIn({ username, password });
      expect((await status(token)).statusCode).toBe(403);
      expect((await anchor(token)).statusCode).toBe(403);
    }
    expect(await anchorLines()).toHaveLength(1);
  });

  it('reports a chain rewritten without the key, and anchors no broken chain', async () => {
    await server.db.exec(`ALTER TABLE audit_log DISABLE TRIGGER USER; UPDATE audit_log SET user_name = 'intruder' WHERE seq = 2; ALTER TABLE audit_log ENABLE TRIGGER USER;`);
    const verified = await server.app.inject({ method: 'GET', url: '/v1/audit/verify', headers: syncHeaders(admin) });
    expect(verified.json()).toMatchObject({ ok: false, seq: 2 });
    expect(auditStatusSchema.parse((await status()).json()).verification).toMatchObject({ ok: false, problem: expect.stringMatching(/entry 2/) });
    const refused = await anchor();
    expect(refused.statusCode).toBe(409);
    expect(errorOf(refused).message).toMatch(/does not verify at entry 2/);
    expect(await anchorLines()).toHaveLength(1);
  });
});
