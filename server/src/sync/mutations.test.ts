import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pullResponseSchema } from '../../../shared/sync/protocol';
import type { CaseRecord } from '../../../shared/schemas/case';
import { recordBlobs } from '../documents/blobRecords';
import { markCaseDeleted } from '../store/caseStore';
import { stampChanges } from '../store/changeSequence';
import { buildCaseRecord, createCaseMutation } from '../testing/caseFixtures';
import { startTestServer, syncHeaders } from '../testing/testServer';
import type { TestServer } from '../testing/testServer';

describe('push: setField, transition and attachDocument', () => {
  let server: TestServer;
  let clerk: string;
  let officer: string;
  let supervisor: string;
  let sequence = 500;
  const at = '2026-03-02T09:15:00+08:00';

  beforeAll(async () => {
    server = await startTestServer();
    clerk = await server.signIn();
    officer = await server.signIn({ username: 'officer', password: 'officer-demo-2026' });
    supervisor = await server.signIn({ username: 'supervisor', password: 'supervisor-demo-2026' });
  });
  afterAll(() => server.close());

  const push = (token: string, clientId: string, mutations: unknown[]) => server.push(token, clientId, mutations);
  async function pullAll(token: string, cursor = 0) {
    const response = await server.app.inject({ method: 'GET', url: `/v1/sync/pull?cursor=${cursor}&limit=1000`, headers: syncHeaders(token) });
    expect(response.statusCode).toBe(200);
    return pullResponseSchema.parse(response.json());
  }
  async function serverCase(id: string, token = clerk) {
    const page = await pullAll(token);
    const change = page.changes.filter((c) => c.id === id).pop();
    if (!change || change.kind !== 'case') throw new Error(`case ${id} not pulled`);
    return change.data;
  }
  async function newCase(overrides: Partial<CaseRecord> = {}): Promise<{ record: CaseRecord; clientId: string }> {
    const record = buildCaseRecord(++sequence, overrides);
    const clientId = randomUUID();
    const { results } = await push(clerk, clientId, [createCaseMutation(1, record)]);
    expect(results[0]?.status).toBe('applied');
    return { record, clientId };
  }
  const setField = (id: number, caseId: string, field: string, base: unknown, value: unknown) => ({ id, name: 'setField', args: { caseId, field, base, value }, createdAt: at });
  const transition = (id: number, caseId: string, to: string) => ({ id, name: 'transition', args: { caseId, to }, createdAt: at });

  it('applies an edit made from the current value, and bumps the case so others pull it', async () => {
    const { record, clientId } = await newCase();
    const before = (await pullAll(clerk)).cursor;
    const { results } = await push(clerk, clientId, [setField(2, record.id, 'applicant.phone', record.applicant.phone, '0222222222')]);
    expect(results).toEqual([{ id: 2, status: 'applied' }]);
    const after = await pullAll(clerk, before);
    expect(after.changes.map((c) => c.id)).toEqual([record.id]);
    expect((await serverCase(record.id)).applicant.phone).toBe('0222222222');
  });

  it('adds a first address sent from the empty base the device reads, without a conflict', async () => {
    const { record, clientId } = await newCase();
    expect(record.applicant.address).toBeUndefined();
    const address = { zip: '200', district: '仁愛區', line: '愛一路1號' };
    const { results } = await push(clerk, clientId, [setField(2, record.id, 'applicant.address', null, address)]);
    expect(results).toEqual([{ id: 2, status: 'applied' }]);
    const stored = await serverCase(record.id);
    expect(stored.applicant.address).toEqual(address);
    expect(stored.review?.needsReview ?? false).toBe(false);
  });

  it('keeps the server value and flags the case for review when the base is stale, with both values', async () => {
    const { record, clientId } = await newCase();
    const other = randomUUID();
    expect((await push(clerk, other, [setField(1, record.id, 'applicant.name', '王大明', '王小明')])).results[0]?.status).toBe('applied');
    const { results } = await push(clerk, clientId, [setField(2, record.id, 'applicant.name', '王大明', '王大名')]);
    expect(results).toEqual([{ id: 2, status: 'applied', conflict: true }]);
    const stored = await serverCase(record.id);
    expect(stored.applicant.name).toBe('王小明');
    expect(stored.review).toEqual({
      needsReview: true,
      conflicts: [expect.objectContaining({ field: 'applicant.name', base: '王大明', serverValue: '王小明', clientValue: '王大名', by: 'clerk' })],
    });
  });

  it('treats an edit that already matches the server as applied without a conflict', async () => {
    const { record, clientId } = await newCase();
    await push(clerk, randomUUID(), [setField(1, record.id, 'applicant.phone', record.applicant.phone, '0233333333')]);
    const { results } = await push(clerk, clientId, [setField(2, record.id, 'applicant.phone', 'stale', '0233333333')]);
    expect(results).toEqual([{ id: 2, status: 'applied' }]);
    expect((await serverCase(record.id)).review).toBeUndefined();
  });

  it('refuses server-owned, unknown and invalid fields with a readable reason, without blocking later mutations', async () => {
    const { record, clientId } = await newCase();
    const { results, lastMutationId } = await push(clerk, clientId, [
      setField(2, record.id, 'dueDate', record.dueDate, '2027-01-01'),
      setField(3, record.id, 'status', 'received', 'approved'),
      setField(4, record.id, 'verifier', record.verifier, 'x'),
      setField(5, record.id, 'applicant.name', record.applicant.name, ''),
      setField(6, record.id, 'applicant.phone', record.applicant.phone, '0244444444'),
    ]);
    expect(results.map((r) => (r.status === 'rejected' ? r.code : r.status))).toEqual(['server_owned_field', 'server_owned_field', 'unknown_field', 'invalid_value', 'applied']);
    expect(lastMutationId).toBe(6);
    const stored = await serverCase(record.id);
    expect(stored.dueDate).toBe(record.dueDate);
    expect(stored.status).toBe('received');
  });

  it('checks transitions against the lifecycle, the pushing user roles and the desk', async () => {
    const { record, clientId } = await newCase();
    // The clerk takes cases in; reviewing is an officer's.
    const byClerk = await push(clerk, clientId, [transition(2, record.id, 'in-review')]);
    expect(byClerk.results.map((r) => (r.status === 'rejected' ? r.code : r.status))).toEqual(['not_in_unit']);
    const r1 = await push(officer, randomUUID(), [transition(1, record.id, 'in-review'), transition(2, record.id, 'pending-approval'), transition(3, record.id, 'approved'), transition(4, record.id, 'draft')]);
    // The service is decided by the unit's chief, not by the officer who proposed it.
    expect(r1.results.map((r) => (r.status === 'rejected' ? r.code : r.status))).toEqual(['applied', 'applied', 'level_not_allowed', 'invalid_transition']);
    const r2 = await push(supervisor, randomUUID(), [transition(1, record.id, 'approved'), transition(2, record.id, 'approved')]);
    expect(r2.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    expect((await serverCase(record.id)).status).toBe('approved');
  });

  it('opens and closes the §51 clock pause on the server date and recomputes the due date', async () => {
    const { record, clientId } = await newCase({ status: 'awaiting-documents', clockPauses: [{ from: '2026-03-02' }] });
    // Three days later on the server's clock (Asia/Taipei), whatever the device believes.
    server.clock.advance(3 * 24 * 60 * 60 * 1000);
    try {
      const later = await server.signIn();
      const { results } = await push(later, clientId, [transition(2, record.id, 'received')]);
      expect(results[0]?.status).toBe('applied');
      const stored = await serverCase(record.id, later);
      expect(stored.clockPauses).toEqual([{ from: '2026-03-02', to: '2026-03-05' }]);
      expect(stored.dueDate > record.dueDate).toBe(true);
      // The officer finds another document missing: the clock stops again, on the server's date.
      const laterOfficer = await server.signIn({ username: 'officer', password: 'officer-demo-2026' });
      const again = await push(laterOfficer, randomUUID(), [transition(1, record.id, 'awaiting-documents')]);
      expect(again.results[0]?.status).toBe('applied');
      expect((await serverCase(record.id, later)).clockPauses).toEqual([{ from: '2026-03-02', to: '2026-03-05' }, { from: '2026-03-05' }]);
    } finally {
      server.clock.advance(-3 * 24 * 60 * 60 * 1000);
      // Sessions older than the moved clock may have been ended by its idle rule: start fresh ones.
      clerk = await server.signIn();
      officer = await server.signIn({ username: 'officer', password: 'officer-demo-2026' });
    }
  });

  it('attaches only documents whose verified bytes the server holds, as an add-only set', async () => {
    const { record, clientId } = await newCase();
    const sha256 = 'a'.repeat(64);
    const documentId = randomUUID();
    const attach = (id: number, docId = documentId, sha = sha256) => ({
      id,
      name: 'attachDocument',
      args: { caseId: record.id, documentId: docId, sha256: sha, kind: '申請書', mime: 'application/pdf', size: 1234 },
      createdAt: at,
    });
    const missing = await push(clerk, clientId, [attach(2)]);
    expect(missing.results[0]).toMatchObject({ status: 'rejected', code: 'document_missing' });
    await recordBlobs(server.db, { blobs: [{ sha256, size: 1234 }], deviceId: undefined, now: server.clock.now() });
    const applied = await push(clerk, clientId, [attach(3), attach(4), attach(5, documentId, 'b'.repeat(64))]);
    expect(applied.results.map((r) => (r.status === 'rejected' ? r.code : r.status))).toEqual(['applied', 'applied', 'document_conflict']);
    expect((await serverCase(record.id)).documents).toEqual([expect.objectContaining({ id: documentId, sha256, size: 1234 })]);
  });

  it('applies a run of intakes and attachments as pushing them one by one would', async () => {
    const blobs = { a: 'c'.repeat(64), b: 'd'.repeat(64) };
    await recordBlobs(server.db, { blobs: [{ sha256: blobs.a, size: 10 }, { sha256: blobs.b, size: 20 }], deviceId: undefined, now: server.clock.now() });
    /** The same day's work for two fresh cases: attachments before, between and after their intakes. */
    const batchFor = (first: CaseRecord, second: CaseRecord) => {
      const reused = randomUUID();
      const doc = (id: number, caseId: string, sha256: string, size: number, documentId: string = randomUUID()) => ({
        id,
        name: 'attachDocument',
        args: { caseId, documentId, sha256, kind: '申請書', mime: 'application/pdf', size },
        createdAt: at,
      });
      return [
        doc(1, second.id, blobs.a, 10), // its case is created later in the batch
        createCaseMutation(2, first),
        doc(3, first.id, blobs.a, 10, reused),
        doc(4, first.id, blobs.a, 10, reused), // again: a no-op
        doc(5, first.id, blobs.b, 20, reused), // the same document with other bytes
        doc(6, first.id, 'e'.repeat(64), 5), // no verified bytes on the server
        doc(7, first.id, blobs.b, 21), // the wrong size
        createCaseMutation(8, second),
        doc(9, second.id, blobs.b, 20),
        doc(10, first.id, blobs.b, 20),
      ];
    };
    const outcomeOf = (result: { status: string; code?: string }) => (result.status === 'rejected' ? result.code : result.status);
    const documentsOf = async (record: CaseRecord) => (await serverCase(record.id)).documents?.map((document) => [document.sha256, document.size]);

    const together = [buildCaseRecord(++sequence), buildCaseRecord(++sequence)] as const;
    const { results } = await push(clerk, randomUUID(), batchFor(...together));
    const alone = [buildCaseRecord(++sequence), buildCaseRecord(++sequence)] as const;
    const aloneClient = randomUUID();
    const oneByOne = [];
    for (const mutation of batchFor(...alone)) oneByOne.push(...(await push(clerk, aloneClient, [mutation])).results);

    const expected = ['case_not_found', 'applied', 'applied', 'applied', 'document_conflict', 'document_missing', 'invalid_mutation', 'applied', 'applied', 'applied'];
    expect(results.map(outcomeOf)).toEqual(expected);
    expect(oneByOne.map(outcomeOf)).toEqual(expected);
    for (const records of [together, alone]) {
      expect(await documentsOf(records[0])).toEqual([[blobs.a, 10], [blobs.b, 20]]);
      expect(await documentsOf(records[1])).toEqual([[blobs.b, 20]]);
    }
    const { rows } = await server.db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE action = 'case.attach-document' AND case_id = ANY($1::text[])", [[together[0].id, together[1].id]]);
    expect(rows[0]?.n).toBe(3);
  });

  it('sends deleted cases as tombstones, and tells a client whose cursor is ahead to reset', async () => {
    const { record } = await newCase();
    const cursor = (await pullAll(clerk)).cursor;
    await server.db.transaction(async (tx) => {
      await markCaseDeleted(tx, record.id, server.clock.now());
      await stampChanges(tx, [record.id]);
    });
    const page = await pullAll(clerk, cursor);
    expect(page.changes).toEqual([expect.objectContaining({ kind: 'tombstone', entity: 'case', id: record.id })]);
    const ahead = await pullAll(clerk, page.cursor + 1000);
    expect(ahead).toMatchObject({ reset: true, cursor: 0, changes: [] });
  });

  it('applies a run of createCase mutations as one by one would: duplicates, conflicts and invalid ones in place', async () => {
    const first = buildCaseRecord(++sequence);
    const second = buildCaseRecord(++sequence);
    const sameNumber = buildCaseRecord(sequence, { id: randomUUID() });
    const badService = buildCaseRecord(++sequence, { serviceId: 'NO-SUCH-SERVICE' });
    const later = buildCaseRecord(++sequence);
    const clientId = randomUUID();
    const before = (await pullAll(clerk)).cursor;
    const { results } = await push(clerk, clientId, [
      // Edited before it exists: rejected, and the createCase run starts after it.
      setField(1, later.id, 'applicant.phone', later.applicant.phone, '0233333333'),
      createCaseMutation(2, first),
      createCaseMutation(3, second),
      createCaseMutation(4, first),
      createCaseMutation(5, sameNumber),
      createCaseMutation(6, badService),
      { id: 7, name: 'createCase', args: { case: { id: 'not-a-case' } }, createdAt: at },
      createCaseMutation(8, later),
      setField(9, later.id, 'applicant.phone', later.applicant.phone, '0244444444'),
    ]);
    expect(results.map((result) => [result.id, result.status, result.status === 'rejected' ? result.code : undefined])).toEqual([
      [1, 'rejected', 'case_not_found'],
      [2, 'applied', undefined],
      [3, 'applied', undefined],
      [4, 'applied', undefined],
      [5, 'rejected', 'case_no_taken'],
      [6, 'rejected', 'unknown_service'],
      [7, 'rejected', 'invalid_mutation'],
      [8, 'applied', undefined],
      [9, 'applied', undefined],
    ]);
    const page = await pullAll(clerk, before);
    expect(page.changes.map((change) => change.id).sort()).toEqual([first.id, second.id, later.id].sort());
    expect((await serverCase(later.id)).applicant.phone).toBe('0244444444');
    const stored = await serverCase(first.id);
    expect(stored).toMatchObject({ caseNo: first.caseNo, receivedAt: new Date(first.receivedAt).toISOString(), dueDate: first.dueDate, clockPauses: [] });
    expect(stored.deficiency).toBeUndefined();
    // Each created case got its history entry once, and a replay of the whole batch changes nothing.
    const { rows } = await server.db.query<{ case_id: string; n: number }>(
      'SELECT case_id, count(*)::int AS n FROM case_events WHERE case_id = ANY($1::uuid[]) GROUP BY case_id',
      [[first.id, second.id, later.id, sameNumber.id]],
    );
    expect(Object.fromEntries(rows.map((row) => [row.case_id, row.n]))).toEqual({ [first.id]: 1, [second.id]: 1, [later.id]: 1 });
    const replay = await push(clerk, clientId, [createCaseMutation(2, first), createCaseMutation(3, second)]);
    expect(replay.results).toEqual([{ id: 2, status: 'duplicate' }, { id: 3, status: 'duplicate' }]);
  });
});
