import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseRecord } from '../../../shared/schemas/case';
import { buildCaseRecord, createCaseMutation } from '../testing/caseFixtures';
import { addDeskPeople, deskPersonPassword } from '../testing/deskPeople';
import { otherDevice, startTestServer } from '../testing/testServer';
import type { TestServer } from '../testing/testServer';

/** The customer display's rating, through the counter's outbox (docs/decisions/0037-ratings-reach-the-bureau.md). */
describe('recordRating', () => {
  let server: TestServer;
  let clerk: string;
  const clientId = randomUUID();
  let record: CaseRecord;

  const rating = (id: number, args: Record<string, unknown>) => ({ id, name: 'recordRating', createdAt: '2026-03-02T09:30:00+08:00', args });
  const ratingsOf = async (caseId: string) =>
    (await server.db.query<Record<string, unknown>>('SELECT * FROM visit_ratings WHERE case_id = $1 ORDER BY rated_at', [caseId])).rows;
  const auditsOf = async (action: string) => (await server.db.query<{ case_id: string; details: Record<string, unknown> }>('SELECT case_id, details FROM audit_log WHERE action = $1', [action])).rows;

  beforeAll(async () => {
    server = await startTestServer();
    await addDeskPeople(server.db, [{ username: 'clerkb', roles: ['clerk'] }]);
    record = buildCaseRecord(1, { applicant: { kind: 'person', idNumber: 'F131104093', name: '林小明', phone: '0987654321', address: { zip: '200', line: '愛三路 1 號' } } });
    clerk = await server.signIn();
    const answer = await server.push(clerk, clientId, [createCaseMutation(1, record)]);
    expect(answer.results[0]?.status).toBe('applied');
  });
  afterAll(() => server.close());

  it('stores the rating once, with the case’s service, counter and clerk, and nothing of the applicant', async () => {
    const ratingId = randomUUID();
    const args = { ratingId, caseId: record.id, score: 2, comment: '等太久了', ratedAt: '2026-03-02T09:29:00+08:00' };
    server.clock.advance(60_000);
    const first = await server.push(clerk, clientId, [rating(2, args)]);
    expect(first.results).toEqual([{ id: 2, status: 'applied' }]);
    // The same push again (its answer was lost), then the same rating under a new id (a second window heard it).
    const replay = await server.push(clerk, clientId, [rating(2, args)]);
    expect(replay.results).toEqual([{ id: 2, status: 'duplicate' }]);
    const again = await server.push(clerk, clientId, [rating(3, args)]);
    expect(again.results).toEqual([{ id: 3, status: 'applied' }]);

    const rows = await ratingsOf(record.id);
    expect(rows).toHaveLength(1);
    const row = rows[0] ?? {};
    expect(row).toMatchObject({ id: ratingId, source: 'counter', score: 2, comment: '等太久了', service_id: 'LVT-SELF-USE', station_code: 'KL01', clerk: 'clerk', acknowledged_at: null });
    expect((row.rated_at as Date).toISOString()).toBe('2026-03-02T01:29:00.000Z');
    expect((row.received_at as Date).toISOString()).toBe(server.clock.now().toISOString());
    expect(Object.keys(row).sort()).toEqual(
      ['acknowledged_at', 'acknowledged_by', 'case_id', 'clerk', 'comment', 'courtesy', 'id', 'rated_at', 'received_at', 'score', 'service_id', 'source', 'speed', 'station_code'],
    );
    const stored = JSON.stringify(row);
    for (const secret of ['林小明', 'F131104093', '0987654321', '愛三路', record.verifier]) expect(stored).not.toContain(secret);
    expect(await auditsOf('case.rating')).toEqual([{ case_id: record.id, details: { ratingId, score: 2 } }]);
  });

  it('refuses a rating of a case outside the pushing session’s scope, and of a case the server does not have', async () => {
    const clerkB = await server.signIn({ username: 'clerkb', password: deskPersonPassword, deviceId: otherDevice.id });
    const before = (await ratingsOf(record.id)).length;
    const answer = await server.push(clerkB, randomUUID(), [
      rating(1, { ratingId: randomUUID(), caseId: record.id, score: 1, ratedAt: '2026-03-02T09:31:00+08:00' }),
      rating(2, { ratingId: randomUUID(), caseId: randomUUID(), score: 1, ratedAt: '2026-03-02T09:31:00+08:00' }),
    ]);
    expect(answer.results.map((result) => (result.status === 'rejected' ? result.code : result.status))).toEqual(['out_of_scope', 'case_not_found']);
    expect(await ratingsOf(record.id)).toHaveLength(before);
  });

  it('refuses a score outside 1–5 as an invalid mutation, consumed like any refusal', async () => {
    const answer = await server.push(clerk, clientId, [rating(4, { ratingId: randomUUID(), caseId: record.id, score: 6, ratedAt: '2026-03-02T09:31:00+08:00' })]);
    expect(answer.results[0]).toMatchObject({ id: 4, status: 'rejected', code: 'invalid_mutation' });
    expect(answer.lastMutationId).toBe(4);
  });
});
