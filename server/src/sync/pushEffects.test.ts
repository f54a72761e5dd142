import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pushResponseSchema } from '../../../shared/sync/protocol';
import { verifyAuditChain } from '../audit/verifyAuditChain';
import { buildCaseRecord, createCaseMutation, pushBody } from '../testing/caseFixtures';
import { startTestServer, syncHeaders } from '../testing/testServer';
import type { TestServer } from '../testing/testServer';

/** What an applied push does beyond the case row: history, the citizen's SMS, the audit chain. */
describe('push effects', () => {
  let server: TestServer;
  let clerk: string;
  let officer: string;
  let supervisor: string;

  beforeAll(async () => {
    server = await startTestServer();
    clerk = await server.signIn();
    officer = await server.signIn({ username: 'officer', password: 'officer-demo-2026' });
    supervisor = await server.signIn({ username: 'supervisor', password: 'supervisor-demo-2026' });
  });
  afterAll(() => server.close());

  const push = async (token: string, clientId: string, mutations: unknown[]) => {
    const response = await server.app.inject({ method: 'POST', url: '/v1/sync/push', headers: syncHeaders(token), payload: pushBody(clientId, mutations) as object });
    expect(response.statusCode).toBe(200);
    return pushResponseSchema.parse(response.json());
  };
  const mutation = (id: number, name: string, args: unknown) => ({ id, name, args, createdAt: new Date().toISOString() });

  it('records the intake and each transition in the case history, queues one SMS per event and audits every change', async () => {
    const record = buildCaseRecord(9001);
    const clerkClient = randomUUID();
    await push(clerk, clerkClient, [createCaseMutation(1, record)]);
    // A replay changes nothing: one history entry, one receipt message.
    await push(clerk, clerkClient, [createCaseMutation(1, record)]);
    const reviewed = await push(officer, randomUUID(), [mutation(1, 'transition', { caseId: record.id, to: 'in-review' }), mutation(2, 'transition', { caseId: record.id, to: 'pending-approval' })]);
    expect(reviewed.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    const decided = await push(supervisor, randomUUID(), [mutation(1, 'transition', { caseId: record.id, to: 'approved', reason: '符合規定' })]);
    expect(decided.results[0]?.status).toBe('applied');

    const events = await server.db.query<{ kind: string; status_to: string; actor: string; reason: string | null; step: string | null }>(
      'SELECT kind, status_to, actor, reason, step FROM case_events WHERE case_id = $1 ORDER BY seq',
      [record.id],
    );
    // Each transition is recorded as the desk step it meant.
    expect(events.rows.map((e) => [e.kind, e.status_to, e.actor, e.step])).toEqual([
      ['received', 'received', 'clerk', null],
      ['transition', 'in-review', 'officer', 'start-review'],
      ['transition', 'pending-approval', 'officer', 'propose'],
      ['transition', 'approved', 'supervisor', 'decide'],
    ]);
    expect(events.rows[3]?.reason).toBe('符合規定');

    const messages = await server.db.query<{ kind: string; recipient: string | null; body: string }>('SELECT kind, recipient, body FROM notifications WHERE case_id = $1 ORDER BY id', [record.id]);
    expect(messages.rows.map((m) => m.kind)).toEqual(['received', 'approved']);
    expect(messages.rows[0]?.recipient).toBe(record.applicant.phone);
    expect(messages.rows[0]?.body).toContain(record.caseNo);

    const audit = await server.db.query<{ action: string; user_name: string }>(`SELECT action, user_name FROM audit_log WHERE case_id = $1 ORDER BY seq`, [record.id]);
    expect(audit.rows.map((a) => [a.action, a.user_name])).toEqual([
      ['case.create', 'clerk'],
      ['case.start-review', 'officer'],
      ['case.propose', 'officer'],
      ['case.decide', 'supervisor'],
    ]);
    expect((await verifyAuditChain(server.db)).ok).toBe(true);
  });

  it('records the events of one push together, each message composed from the case as its event left it', async () => {
    const first = buildCaseRecord(9003);
    const second = buildCaseRecord(9004, { applicant: { kind: 'person', idNumber: 'A123456789', name: '林小華', phone: '' } });
    const client = randomUUID();
    // The unit's chief, at the counter, takes the cases in and asks for documents in one push.
    const { results } = await push(supervisor, client, [
      createCaseMutation(1, first),
      createCaseMutation(2, second),
      mutation(3, 'setField', { caseId: first.id, field: 'applicant.phone', base: first.applicant.phone, value: '0955123456' }),
      mutation(4, 'transition', { caseId: first.id, to: 'awaiting-documents' }),
      mutation(5, 'transition', { caseId: first.id, to: 'received' }),
      mutation(6, 'transition', { caseId: first.id, to: 'awaiting-documents' }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied', 'applied', 'applied', 'applied']);

    const events = await server.db.query<{ seq: number; kind: string; status_to: string }>('SELECT seq, kind, status_to FROM case_events WHERE case_id = $1 ORDER BY seq', [first.id]);
    expect(events.rows.map((e) => [e.seq, e.kind, e.status_to])).toEqual([
      [1, 'received', 'received'],
      [2, 'transition', 'awaiting-documents'],
      [3, 'transition', 'received'],
      [4, 'transition', 'awaiting-documents'],
    ]);
    const messages = await server.db.query<{ kind: string; event_key: string; recipient: string | null; status: string; idempotency_key: string }>(
      'SELECT kind, event_key, recipient, status, idempotency_key FROM notifications WHERE case_id = ANY($1::uuid[]) ORDER BY id',
      [[first.id, second.id]],
    );
    // The receipt went to the number given at intake; the deficiencies, after the edit, to the new one.
    expect(messages.rows.map((m) => [m.kind, m.event_key, m.recipient, m.status])).toEqual([
      ['received', 'intake', first.applicant.phone, 'pending'],
      ['received', 'intake', null, 'skipped'],
      ['deficiency', 'event-2', '0955123456', 'pending'],
      ['deficiency', 'event-4', '0955123456', 'pending'],
    ]);
    expect(new Set(messages.rows.map((m) => m.idempotency_key)).size).toBe(4);

    // Replaying the whole push (a lost answer) records nothing twice.
    await push(supervisor, client, [createCaseMutation(1, first), createCaseMutation(2, second)]);
    await push(clerk, randomUUID(), [createCaseMutation(1, first)]);
    const again = await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM notifications WHERE case_id = ANY($1::uuid[])', [[first.id, second.id]]);
    expect(again.rows[0]?.n).toBe(4);
    const history = await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM case_events WHERE case_id = $1', [first.id]);
    expect(history.rows[0]?.n).toBe(4);
  });

  it('extends a deadline once, for supervisors only, and tells the citizen', async () => {
    const record = buildCaseRecord(9002);
    await push(clerk, randomUUID(), [createCaseMutation(1, record)]);
    const extend = (id: number, days: number) => mutation(id, 'setField', { caseId: record.id, field: 'extension', base: null, value: { days, reason: '需會同實地勘查' } });

    const byClerk = await push(clerk, randomUUID(), [extend(1, 3)]);
    expect(byClerk.results[0]).toMatchObject({ status: 'rejected', code: 'forbidden_transition' });

    const before = (await server.db.query<{ due_date: string }>('SELECT due_date FROM cases WHERE id = $1', [record.id])).rows[0]?.due_date ?? '';
    const supervisorClient = randomUUID();
    const first = await push(supervisor, supervisorClient, [extend(1, 3), extend(2, 2)]);
    expect(first.results[0]?.status).toBe('applied');
    expect(first.results[1]).toMatchObject({ status: 'rejected', code: 'extension_refused' });
    const after = (await server.db.query<{ due_date: string }>('SELECT due_date FROM cases WHERE id = $1', [record.id])).rows[0]?.due_date ?? '';
    expect(after > before).toBe(true);

    const messages = await server.db.query<{ kind: string }>('SELECT kind FROM notifications WHERE case_id = $1 ORDER BY id', [record.id]);
    expect(messages.rows.map((m) => m.kind)).toEqual(['received', 'extension']);
  });
});
