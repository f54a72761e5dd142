import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pushResponseSchema } from '../../../shared/sync/protocol';
import type { CaseRecord } from '../../../shared/schemas/case';
import { REQUEST_ID_HEADER } from '../../../shared/http/requestId';
import { buildCaseRecord, createCaseMutation, pushBody } from '../testing/caseFixtures';
import { startTestServer, syncHeaders } from '../testing/testServer';
import type { TestServer } from '../testing/testServer';
import { MAX_CONFLICT_CHARS } from './setField';

/**
 * Inputs that once stopped a device's sync (decision 0032): each is refused alone, with a reason, and
 * the mutation after it still applies; nothing answers 5xx.
 */
describe('push: a mutation that cannot be applied is refused alone', () => {
  let server: TestServer;
  let clerk: string;
  let sequence = 7000;
  const at = '2026-03-02T09:15:00+08:00';
  const nextCase = (overrides: Partial<CaseRecord> = {}) => buildCaseRecord(++sequence, overrides);
  const setField = (id: number, caseId: string, field: string, base: unknown, value: unknown) => ({ id, name: 'setField', args: { caseId, field, base, value }, createdAt: at });

  beforeAll(async () => {
    server = await startTestServer();
    clerk = await server.signIn();
  });
  afterAll(() => server.close());

  const rawPush = (clientId: string, mutations: unknown[]) =>
    server.app.inject({ method: 'POST', url: '/v1/sync/push', headers: syncHeaders(clerk), payload: pushBody(clientId, mutations) });
  const storedName = async (id: string) =>
    (await server.db.query<{ name: string }>(`SELECT applicant->>'name' AS name FROM cases WHERE id = $1`, [id])).rows[0]?.name;

  it('refuses an applicant name holding U+0000 alone and applies the intake after it', async () => {
    const poisoned = nextCase({ applicant: { kind: 'person', idNumber: 'A123456789', name: '王\u0000明', phone: '' } });
    const good = nextCase();
    const { results } = await server.push(clerk, randomUUID(), [createCaseMutation(1, poisoned), createCaseMutation(2, good)]);
    expect(results[0]).toMatchObject({ id: 1, status: 'rejected', code: 'invalid_mutation' });
    expect(results[0]?.status === 'rejected' && results[0].message).toMatch(/applicant\.name/);
    expect(results[1]).toEqual({ id: 2, status: 'applied' });
    expect(await storedName(poisoned.id)).toBeUndefined();
    expect(await storedName(good.id)).toBe('王大明');
  });

  it('refuses an edit to a name with a control character or a lone surrogate, and applies the next edit', async () => {
    const record = nextCase();
    const clientId = randomUUID();
    const { results } = await server.push(clerk, clientId, [
      createCaseMutation(1, record),
      setField(2, record.id, 'applicant.name', '王大明', 'A\u0000B'),
      setField(3, record.id, 'applicant.name', '王大明', 'A\uD800B'),
      setField(4, record.id, 'applicant.name', '王大明', '王小明'),
    ]);
    expect(results.map((result) => result.status)).toEqual(['applied', 'rejected', 'rejected', 'applied']);
    expect(await storedName(record.id)).toBe('王小明');
  });

  it('refuses a base nested 5,000 deep with a reason, not a 500, and applies the next mutation', async () => {
    const record = nextCase();
    // Written as text: serialising so deep a value would overflow the test's own stack.
    const deep = `${'['.repeat(5000)}"王大明"${']'.repeat(5000)}`;
    const body = JSON.stringify(pushBody(randomUUID(), [createCaseMutation(1, record), setField(2, record.id, 'applicant.name', 'BASE', '王二明'), setField(3, record.id, 'applicant.name', '王大明', '王三明')]));
    const response = await server.app.inject({
      method: 'POST',
      url: '/v1/sync/push',
      headers: { ...syncHeaders(clerk), 'content-type': 'application/json' },
      payload: body.replace('"BASE"', deep),
    });
    expect(response.statusCode).toBe(200);
    const { results } = pushResponseSchema.parse(response.json());
    expect(results[1]).toMatchObject({ status: 'rejected', code: 'invalid_mutation' });
    expect(results[1]?.status === 'rejected' && results[1].message).toMatch(/deeper than/);
    expect(results[2]).toEqual({ id: 3, status: 'applied' });
    expect(await storedName(record.id)).toBe('王三明');
  });

  it('answers cannot_apply, with the request id, for a value the database refuses, and applies the rest', async () => {
    // A value every check accepts but the database refuses: a trigger raises a data exception (22023)
    // for one name, as PostgreSQL does for characters it cannot store.
    await server.db.exec(`
      CREATE FUNCTION refuse_poison() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.applicant->>'name' = '毒藥' THEN RAISE EXCEPTION 'refused' USING ERRCODE = '22023'; END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER refuse_poison BEFORE INSERT OR UPDATE ON cases FOR EACH ROW EXECUTE FUNCTION refuse_poison();`);
    try {
      const before = nextCase();
      const poisoned = nextCase({ applicant: { kind: 'person', idNumber: 'A123456789', name: '毒藥', phone: '' } });
      const after = nextCase();
      const clientId = randomUUID();
      const response = await rawPush(clientId, [
        createCaseMutation(1, before),
        createCaseMutation(2, poisoned),
        createCaseMutation(3, after),
        setField(4, after.id, 'applicant.name', '王大明', '毒藥'),
        setField(5, after.id, 'applicant.phone', '0912345678', '0222222222'),
      ]);
      expect(response.statusCode).toBe(200);
      const requestId = String(response.headers[REQUEST_ID_HEADER]);
      expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
      const { results, lastMutationId } = pushResponseSchema.parse(response.json());
      expect(results.map((result) => (result.status === 'rejected' ? result.code : result.status))).toEqual(['applied', 'cannot_apply', 'applied', 'cannot_apply', 'applied']);
      expect(results[1]?.status === 'rejected' && results[1].message).toContain(requestId);
      expect(lastMutationId).toBe(5);
      expect(await storedName(before.id)).toBe('王大明');
      expect(await storedName(poisoned.id)).toBeUndefined();
      const phone = await server.db.query<{ phone: string }>(`SELECT applicant->>'phone' AS phone FROM cases WHERE id = $1`, [after.id]);
      expect(phone.rows[0]?.phone).toBe('0222222222');
      // The refusal is recorded: a replay is answered with it, not applied again.
      const ledger = await server.db.query<{ code: string }>(`SELECT code FROM mutations WHERE client_id = $1 AND mutation_id = 2`, [clientId]);
      expect(ledger.rows[0]?.code).toBe('cannot_apply');
    } finally {
      await server.db.exec('DROP TRIGGER refuse_poison ON cases; DROP FUNCTION refuse_poison();');
    }
  });

  it('keeps a case’s unresolved conflicts within their cap however many large edits lose', async () => {
    const record = nextCase();
    const clientId = randomUUID();
    await server.push(clerk, clientId, [createCaseMutation(1, record)]);
    const bigBase = Array.from({ length: 100 }, (_, index) => ({ document: `${'舊'.repeat(280)}${index}`, state: 'missing' }));
    const value = [{ document: '申請書 / application form', state: 'provided' }];
    let id = 1;
    for (let batch = 0; batch < 3; batch += 1) {
      const mutations = Array.from({ length: 10 }, () => setField(++id, record.id, 'checklist', bigBase, value));
      const { results } = await server.push(clerk, clientId, mutations);
      expect(results.every((result) => result.status === 'applied' && result.conflict === true)).toBe(true);
    }
    const { rows } = await server.db.query<{ chars: number; conflicts: number }>(
      `SELECT length(review::text) AS chars, jsonb_array_length(review->'conflicts') AS conflicts FROM cases WHERE id = $1`,
      [record.id],
    );
    expect(rows[0]?.conflicts).toBeGreaterThan(0);
    expect(rows[0]?.conflicts).toBeLessThan(30);
    expect(rows[0]?.chars).toBeLessThan(MAX_CONFLICT_CHARS * 1.2);
  });

  it('refuses a base larger than a field can be', async () => {
    const record = nextCase();
    const { results } = await server.push(clerk, randomUUID(), [createCaseMutation(1, record), setField(2, record.id, 'applicant.name', 'x'.repeat(200_000), '王四明')]);
    expect(results[1]).toMatchObject({ status: 'rejected', code: 'invalid_mutation' });
  });

  it('names every answer, errors included, with a request id', async () => {
    const ok = await server.app.inject({ method: 'GET', url: '/healthz' });
    const refused = await server.app.inject({ method: 'POST', url: '/v1/sync/push', payload: {} });
    const unknown = await server.app.inject({ method: 'GET', url: '/no-such-route' });
    const ids = [ok, refused, unknown].map((response) => response.headers[REQUEST_ID_HEADER]);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(ids).size).toBe(3);
  });
});
