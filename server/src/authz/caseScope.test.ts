import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseRecord } from '../../../shared/schemas/case';
import { bundleHeaderOf, documentReadPath, pullResponseSchema } from '../../../shared/sync/protocol';
import type { PullResponse } from '../../../shared/sync/protocol';
import { buildCaseRecord } from '../testing/caseFixtures';
import { caseActionOf, createCaseOf, outcomeOf } from '../testing/deskClient';
import { addDeskPeople, deskPersonPassword } from '../testing/deskPeople';
import { errorOf, otherDevice, startTestServer, syncHeaders } from '../testing/testServer';
import type { TestServer } from '../testing/testServer';

/**
 * Scope by work through the real routes (docs/decisions/0030-scope-by-work.md): station A is the demo
 * counter (KL01), station B the second counter (KL02). Land value tax (LVT-SELF-USE) is 財產稅科's.
 */
const people = [
  { username: 'clerkb', roles: ['clerk'] as const },
  { username: 'fieldb', roles: ['field-staff'] as const },
  { username: 'pchief', roles: ['supervisor'] as const, units: [{ unit: 'PROPERTY', position: 'chief' as const }] },
  { username: 'cchief', roles: ['supervisor'] as const, units: [{ unit: 'CONSUMPTION', position: 'chief' as const }] },
  { username: 'wang', roles: ['officer'] as const, units: [{ unit: 'PROPERTY', position: 'officer' as const }] },
  { username: 'lin', roles: ['officer'] as const, units: [{ unit: 'PROPERTY', position: 'officer' as const }] },
];

const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
/** Mutations as one new install's outbox sends them: ids from 1. */
const numbered = (mutations: ReadonlyArray<{ name: string; args: unknown }>) => mutations.map((mutation, index) => ({ ...mutation, id: index + 1, createdAt: '2026-03-02T09:16:00+08:00' }));

describe('scope by work: pull, mutations and documents only within the session’s scope', () => {
  let server: TestServer;
  let clerkA: string;
  let sequence = 900;
  const tokens = new Map<string, string>();
  const token = (who: string) => {
    const found = tokens.get(who);
    if (!found) throw new Error(`${who} is not signed in`);
    return found;
  };

  beforeAll(async () => {
    server = await startTestServer();
    await addDeskPeople(server.db, people);
    clerkA = await server.signIn();
    for (const person of people) tokens.set(person.username, await server.signIn({ username: person.username, password: deskPersonPassword, deviceId: otherDevice.id }));
  });
  afterAll(() => server.close());

  const pull = async (who: string, cursor = 0, client?: string): Promise<PullResponse> => {
    const response = await server.app.inject({ method: 'GET', url: `/v1/sync/pull?cursor=${cursor}${client ? `&client=${client}` : ''}`, headers: syncHeaders(token(who)) });
    expect(response.statusCode).toBe(200);
    return pullResponseSchema.parse(response.json());
  };
  const caseIds = (page: PullResponse) => page.changes.flatMap((change) => (change.kind === 'case' ? [change.id] : []));
  const tombstones = (page: PullResponse) => page.changes.flatMap((change) => (change.kind === 'tombstone' ? [change.id] : []));

  /** A case taken in at station A by the demo clerk, with one document attached. */
  async function caseAtA(): Promise<{ record: CaseRecord; sha256: string }> {
    sequence += 1;
    const record = buildCaseRecord(sequence);
    const bytes = randomBytes(20_000);
    const sha256 = sha256Of(bytes);
    const uploaded = await server.app.inject({
      method: 'POST',
      url: '/v1/documents',
      headers: { ...syncHeaders(clerkA), 'content-type': 'application/octet-stream', 'x-counterdesk-documents': bundleHeaderOf([{ sha256, size: bytes.length }]) },
      payload: bytes,
    });
    expect(uploaded.statusCode).toBe(200);
    const attach = { name: 'attachDocument', args: { caseId: record.id, documentId: randomUUID(), sha256, kind: '申請書', mime: 'application/pdf', size: bytes.length } };
    const answer = await server.push(clerkA, randomUUID(), numbered([createCaseOf(record), attach]));
    expect(answer.results.map(outcomeOf)).toEqual(['applied', 'applied']);
    return { record, sha256 };
  }

  /** A case taken in at station B by `who`. */
  async function caseAtB(who: string, overrides: Partial<CaseRecord> = {}): Promise<CaseRecord> {
    sequence += 1;
    const record = buildCaseRecord(sequence, { stationCode: otherDevice.stationCode, createdBy: who, ...overrides });
    const answer = await server.push(token(who), randomUUID(), numbered([createCaseOf(record)]));
    expect(answer.results.map(outcomeOf)).toEqual(['applied']);
    return record;
  }

  it('serves station B its own cases and not station A’s, and station A the reverse', async () => {
    const { record: atA } = await caseAtA();
    const atB = await caseAtB('clerkb');
    const ofB = caseIds(await pull('clerkb'));
    expect(ofB).toContain(atB.id);
    expect(ofB).not.toContain(atA.id);
    const pulledByA = await server.app.inject({ method: 'GET', url: '/v1/sync/pull?cursor=0', headers: syncHeaders(clerkA) });
    const ofA = caseIds(pullResponseSchema.parse(pulledByA.json()));
    expect(ofA).toContain(atA.id);
    expect(ofA).not.toContain(atB.id);
  });

  it('refuses station B’s changes to station A’s case as out_of_scope, and applies what follows in the same push', async () => {
    const { record: atA, sha256 } = await caseAtA();
    const atB = await caseAtB('clerkb');
    const results = await server.push(
      token('clerkb'),
      randomUUID(),
      numbered([
        { name: 'setField', args: { caseId: atA.id, field: 'applicant.phone', base: atA.applicant.phone, value: '0900000000' } },
        caseActionOf(atA.id, { action: 'withdraw', reason: '申請人撤回' }),
        { name: 'transition', args: { caseId: atA.id, to: 'withdrawn' } },
        { name: 'attachDocument', args: { caseId: atA.id, documentId: randomUUID(), sha256, kind: '申請書', mime: 'application/pdf', size: 20_000 } },
        { name: 'setField', args: { caseId: atB.id, field: 'applicant.phone', base: atB.applicant.phone, value: '0911111111' } },
      ]),
    );
    expect(results.results.map(outcomeOf)).toEqual(['out_of_scope', 'out_of_scope', 'out_of_scope', 'out_of_scope', 'applied']);
    const { rows } = await server.db.query<{ id: string; phone: string; status: string; documents: number }>(
      "SELECT id::text, applicant ->> 'phone' AS phone, status, jsonb_array_length(documents) AS documents FROM cases WHERE id = ANY($1::uuid[]) ORDER BY case_no",
      [[atA.id, atB.id]],
    );
    expect(rows).toEqual([
      { id: atA.id, phone: atA.applicant.phone, status: 'received', documents: 1 },
      { id: atB.id, phone: '0911111111', status: 'received', documents: 0 },
    ]);
  });

  it('serves station A’s documents only to A’s scope, and audits every read', async () => {
    const { record: atA, sha256 } = await caseAtA();
    const read = (who: string) => server.app.inject({ method: 'GET', url: documentReadPath(sha256, atA.id), headers: syncHeaders(token(who)) });
    for (const who of ['clerkb', 'cchief', 'fieldb']) {
      const refused = await read(who);
      expect([who, refused.statusCode, errorOf(refused).code]).toEqual([who, 404, 'not_found']);
    }
    expect((await read('pchief')).statusCode).toBe(200);
    const { rows } = await server.db.query<{ user_name: string }>("SELECT user_name FROM audit_log WHERE action = 'case.document-read' AND case_id = $1", [atA.id]);
    expect(rows).toEqual([{ user_name: 'pchief' }]);
  });

  it('gives a field laptop only the cases taken in on it: no other case, so no other verifier', async () => {
    const { record: atA } = await caseAtA();
    const own = await caseAtB('fieldb', { channel: 'field-visit' });
    const response = await server.app.inject({ method: 'GET', url: '/v1/sync/pull?cursor=0', headers: syncHeaders(token('fieldb')) });
    const page = pullResponseSchema.parse(response.json());
    expect(caseIds(page)).toContain(own.id);
    expect(caseIds(page)).not.toContain(atA.id);
    expect(response.body).not.toContain(atA.verifier);
    const stations = new Set(page.changes.flatMap((change) => (change.kind === 'case' ? [change.data.stationCode] : [])));
    expect([...stations]).toEqual([otherDevice.stationCode]);
    // Nor may it change a case of another station, even one it knows the id of.
    const [refused] = (await server.push(token('fieldb'), randomUUID(), numbered([caseActionOf(atA.id, { action: 'documents-supplied' })]))).results;
    expect(outcomeOf(refused)).toBe('out_of_scope');
  });

  it('refuses the administrator any pull, document and lookup', async () => {
    const { record: atA, sha256 } = await caseAtA();
    const admin = await server.signIn({ username: 'admin', password: 'admin-demo-2026', deviceId: otherDevice.id });
    const attempts = [
      await server.app.inject({ method: 'GET', url: '/v1/sync/pull?cursor=0', headers: syncHeaders(admin) }),
      await server.app.inject({ method: 'GET', url: documentReadPath(sha256, atA.id), headers: syncHeaders(admin) }),
      await server.app.inject({ method: 'POST', url: '/v1/cases/lookup', headers: syncHeaders(admin), payload: { query: atA.caseNo, reasonCode: 'other', reason: '測試' } }),
    ];
    expect(attempts.map((response) => [response.statusCode, errorOf(response).code])).toEqual([
      [403, 'forbidden'],
      [403, 'forbidden'],
      [403, 'forbidden'],
    ]);
  });

  it('serves a chief the cases of their unit only, and refuses another unit’s chief the case’s notifications', async () => {
    const { record: atA } = await caseAtA();
    expect(caseIds(await pull('pchief'))).toContain(atA.id);
    expect(caseIds(await pull('cchief'))).not.toContain(atA.id);
    const notifications = (who: string) => server.app.inject({ method: 'GET', url: `/v1/supervisor/cases/${atA.id}/notifications`, headers: syncHeaders(token(who)) });
    expect((await notifications('pchief')).statusCode).toBe(200);
    const refused = await notifications('cchief');
    expect([refused.statusCode, errorOf(refused).code]).toEqual([403, 'forbidden']);
  });

  it('makes a device forget a case that moved to another officer, and lets the taker change it', async () => {
    const { record: atA } = await caseAtA();
    const client = randomUUID();
    const before = await pull('lin', 0, client);
    expect(caseIds(before)).toContain(atA.id);
    const [taken] = (await server.push(token('wang'), randomUUID(), numbered([caseActionOf(atA.id, { action: 'take' })]))).results;
    expect(outcomeOf(taken)).toBe('applied');
    const after = await pull('lin', before.cursor, client);
    expect(tombstones(after)).toContain(atA.id);
    expect(caseIds(after)).not.toContain(atA.id);
    expect(caseIds(await pull('wang'))).toContain(atA.id);
    const [refused] = (await server.push(token('lin'), randomUUID(), numbered([caseActionOf(atA.id, { action: 'start-review' })]))).results;
    expect(outcomeOf(refused)).toBe('out_of_scope');
  });

  it('tells an install to pull again from 0 when the person pulling has another scope', async () => {
    await caseAtB('clerkb');
    const client = randomUUID();
    const first = await pull('clerkb', 0, client);
    expect(first.cursor).toBeGreaterThan(0);
    expect((await pull('clerkb', first.cursor, client)).reset).toBe(false);
    expect((await pull('pchief', first.cursor, client)).reset).toBe(true);
    const again = await pull('pchief', 0, client);
    expect(again.reset).toBe(false);
  });

  it('audits each pull page that served cases, with the count, and writes nothing for an idle poll', async () => {
    await caseAtB('clerkb');
    const count = async () => (await server.db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE action = 'sync.pull' AND user_name = 'clerkb'")).rows[0]?.n ?? 0;
    const client = randomUUID();
    const before = await count();
    const page = await pull('clerkb', 0, client);
    await pull('clerkb', page.cursor, client);
    expect(await count()).toBe(before + 1);
    const { rows } = await server.db.query<{ device_id: string; details: { cases: number; forgotten: number } }>(
      "SELECT device_id, details FROM audit_log WHERE action = 'sync.pull' AND user_name = 'clerkb' ORDER BY seq DESC LIMIT 1",
    );
    expect(rows[0]).toMatchObject({ device_id: otherDevice.id, details: { cases: caseIds(page).length, forgotten: tombstones(page).length } });
  });
});
