import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pullResponseSchema } from '../../../shared/sync/protocol';
import type { ReviewResolution, ServerCase } from '../../../shared/sync/protocol';
import { readCaseAudit } from '../store/auditStore';
import { buildCaseRecord, createCaseMutation } from '../testing/caseFixtures';
import { startTestServer, syncHeaders } from '../testing/testServer';
import type { TestServer } from '../testing/testServer';

/** Clearing "needs review": a person keeps the server's value or takes the other one, offline-safe. */
describe('push: resolving a review', () => {
  let server: TestServer;
  let clerk: string;
  let supervisor: string;
  let sequence = 7000;
  const createdAt = '2026-03-02T09:15:00+08:00';

  beforeAll(async () => {
    server = await startTestServer();
    clerk = await server.signIn();
    supervisor = await server.signIn({ username: 'supervisor', password: 'supervisor-demo-2026' });
  });
  afterAll(() => server.close());

  const push = (token: string, clientId: string, mutations: unknown[]) => server.push(token, clientId, mutations);
  async function serverCase(id: string): Promise<ServerCase> {
    const response = await server.app.inject({ method: 'GET', url: '/v1/sync/pull?cursor=0&limit=1000', headers: syncHeaders(clerk) });
    const change = pullResponseSchema.parse(response.json()).changes.filter((c) => c.id === id).pop();
    if (!change || change.kind !== 'case') throw new Error(`case ${id} not pulled`);
    return change.data;
  }
  const setField = (id: number, caseId: string, field: string, base: unknown, value: unknown) => ({ id, name: 'setField', args: { caseId, field, base, value }, createdAt });
  const resolve = (id: number, caseId: string, resolution: ReviewResolution) => setField(id, caseId, 'review', null, resolution);

  /** A case whose phone two devices edited from the same base: the second edit is a conflict. */
  async function conflictedCase() {
    const record = buildCaseRecord(++sequence);
    const clientA = randomUUID();
    expect((await push(clerk, clientA, [createCaseMutation(1, record)])).results[0]?.status).toBe('applied');
    await push(clerk, clientA, [setField(2, record.id, 'applicant.phone', record.applicant.phone, '0911000111')]);
    const late = await push(clerk, randomUUID(), [setField(1, record.id, 'applicant.phone', record.applicant.phone, '0922000222')]);
    expect(late.results).toEqual([{ id: 1, status: 'applied', conflict: true }]);
    const flagged = await serverCase(record.id);
    expect(flagged.review?.needsReview).toBe(true);
    return { record, flagged, conflictAt: flagged.review?.conflicts[0]?.at ?? '' };
  }

  const reviewAudits = async (caseId: string) => (await readCaseAudit(server.db, caseId)).filter((entry) => entry.action === 'case.review-resolve');

  it('keeps the server value: the flag is cleared, the value stays and the decision is audited', async () => {
    const { record, conflictAt } = await conflictedCase();
    const { results } = await push(supervisor, randomUUID(), [resolve(1, record.id, { field: 'applicant.phone', conflictsAt: [conflictAt], keep: 'server' })]);
    expect(results).toEqual([{ id: 1, status: 'applied' }]);
    const stored = await serverCase(record.id);
    expect(stored.review).toBeUndefined();
    expect(stored.applicant.phone).toBe('0911000111');
    const audits = await reviewAudits(record.id);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ userName: 'supervisor', details: { field: 'applicant.phone', keep: 'server', conflicts: 1, stillToReview: 0 } });
  });

  it('takes the other value through an ordinary edit from the server value, then clears the flag', async () => {
    const { record, conflictAt } = await conflictedCase();
    const { results } = await push(clerk, randomUUID(), [
      setField(1, record.id, 'applicant.phone', '0911000111', '0922000222'),
      resolve(2, record.id, { field: 'applicant.phone', conflictsAt: [conflictAt], keep: 'other' }),
    ]);
    expect(results).toEqual([{ id: 1, status: 'applied' }, { id: 2, status: 'applied' }]);
    const stored = await serverCase(record.id);
    expect(stored.applicant.phone).toBe('0922000222');
    expect(stored.review).toBeUndefined();
    expect((await reviewAudits(record.id))[0]).toMatchObject({ userName: 'clerk', details: { keep: 'other' } });
  });

  it('leaves a conflict recorded after the reviewer looked, and the flag with it', async () => {
    const { record, conflictAt } = await conflictedCase();
    server.clock.advance(60_000);
    try {
      // Someone else edits the case from a stale base while the reviewer decides offline.
      await push(clerk, randomUUID(), [setField(1, record.id, 'applicant.phone', record.applicant.phone, '0933000333')]);
      await push(supervisor, randomUUID(), [resolve(1, record.id, { field: 'applicant.phone', conflictsAt: [conflictAt], keep: 'server' })]);
      const stored = await serverCase(record.id);
      expect(stored.review?.needsReview).toBe(true);
      expect(stored.review?.conflicts.map((c) => c.clientValue)).toEqual(['0933000333']);
    } finally {
      server.clock.advance(-60_000);
    }
  });

  it('turns a take-other into a new conflict when the server value moved meanwhile', async () => {
    const { record, conflictAt } = await conflictedCase();
    await push(clerk, randomUUID(), [setField(1, record.id, 'applicant.phone', '0911000111', '0944000444')]);
    server.clock.advance(60_000);
    try {
      const { results } = await push(clerk, randomUUID(), [
        setField(1, record.id, 'applicant.phone', '0911000111', '0922000222'),
        resolve(2, record.id, { field: 'applicant.phone', conflictsAt: [conflictAt], keep: 'other' }),
      ]);
      expect(results[0]).toEqual({ id: 1, status: 'applied', conflict: true });
      const stored = await serverCase(record.id);
      expect(stored.applicant.phone).toBe('0944000444');
      expect(stored.review?.conflicts).toEqual([expect.objectContaining({ serverValue: '0944000444', clientValue: '0922000222' })]);
    } finally {
      server.clock.advance(-60_000);
    }
  });

  it('lets a second reviewer converge on the same decision without a second audit entry', async () => {
    const { record, conflictAt } = await conflictedCase();
    const decision = { field: 'applicant.phone' as const, conflictsAt: [conflictAt], keep: 'server' as const };
    await push(supervisor, randomUUID(), [resolve(1, record.id, decision)]);
    const { results } = await push(clerk, randomUUID(), [resolve(1, record.id, decision)]);
    expect(results).toEqual([{ id: 1, status: 'applied' }]);
    expect(await reviewAudits(record.id)).toHaveLength(1);
  });

  it('refuses a malformed decision with a reason, leaving the flag', async () => {
    const { record } = await conflictedCase();
    const { results } = await push(clerk, randomUUID(), [setField(1, record.id, 'review', null, { field: 'status', conflictsAt: [], keep: 'mine' })]);
    expect(results[0]).toMatchObject({ status: 'rejected', code: 'invalid_value' });
    expect((await serverCase(record.id)).review?.needsReview).toBe(true);
  });
});
