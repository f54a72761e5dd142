import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE_NUMBER_BLOCK_SIZE } from '../../../shared/domain/caseNumberBlocks';
import { CASE_NUMBERS_PATH, caseNumberResponseSchema, type CaseNumberRequest, type CaseNumberResponse } from '../../../shared/sync/caseNumberReservation';
import { buildCaseRecord, createCaseMutation } from '../testing/caseFixtures';
import { errorOf, otherDevice, startTestServer, syncHeaders } from '../testing/testServer';
import type { TestServer } from '../testing/testServer';

/** Blocks of case numbers per install (decision 0016), as the server reserves and reports them. */
describe(`POST ${CASE_NUMBERS_PATH}`, () => {
  let server: TestServer;
  let clerk: string;
  beforeAll(async () => {
    server = await startTestServer();
    clerk = await server.signIn();
  });
  afterAll(() => server.close());

  const ask = (token: string, body: Partial<CaseNumberRequest>) =>
    server.app.inject({ method: 'POST', url: CASE_NUMBERS_PATH, headers: syncHeaders(token), payload: { stationCode: 'KL01', years: [], ...body } });
  const reserve = async (token: string, body: Partial<CaseNumberRequest> & { clientId: string }): Promise<CaseNumberResponse> => {
    const response = await ask(token, body);
    expect(response.statusCode, response.body).toBe(200);
    return caseNumberResponseSchema.parse(response.json());
  };

  it('cuts non-overlapping blocks for two installs of one station, above the numbers already stored', async () => {
    // An install of the previous version numbered cases from its own counter: 1..42 are taken.
    await server.push(clerk, randomUUID(), [createCaseMutation(1, buildCaseRecord(42))]);
    const a = await reserve(clerk, { clientId: randomUUID() });
    const b = await reserve(clerk, { clientId: randomUUID() });
    expect(a.blocks).toEqual([{ rocYear: 115, first: 43, last: 42 + CASE_NUMBER_BLOCK_SIZE, highestUsed: 0 }]);
    expect(b.blocks).toEqual([{ rocYear: 115, first: 43 + CASE_NUMBER_BLOCK_SIZE, last: 42 + 2 * CASE_NUMBER_BLOCK_SIZE, highestUsed: 0 }]);
    const { rows } = await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM case_number_blocks WHERE station_code = $1', ['KL01']);
    expect(rows[0]?.n).toBe(2);
  });

  it('keeps an install with enough numbers to its blocks, and reports how far the server has seen them used', async () => {
    const clientId = randomUUID();
    const [block] = (await reserve(clerk, { clientId })).blocks;
    if (!block) throw new Error('no block');
    await server.push(clerk, clientId, [createCaseMutation(1, buildCaseRecord(block.first + 6))]);
    const again = await reserve(clerk, { clientId, years: [{ rocYear: 115, remaining: CASE_NUMBER_BLOCK_SIZE - 7, highestUsed: block.first + 6 }] });
    expect(again.blocks).toEqual([{ ...block, highestUsed: block.first + 6 }]);
  });

  it('gives another block when the install runs low, but never more than two blocks it has not used', async () => {
    const clientId = randomUUID();
    await reserve(clerk, { clientId });
    const low = { clientId, years: [{ rocYear: 115, remaining: 10, highestUsed: 0 }] };
    expect((await reserve(clerk, low)).blocks).toHaveLength(2);
    expect((await reserve(clerk, low)).blocks).toHaveLength(2);
  });

  it('starts above the number the install reports, so its own unsynced intake keeps its numbers', async () => {
    const { rows } = await server.db.query<{ last_reserved: number }>("SELECT last_reserved FROM case_number_counters WHERE station_code = 'KL01' AND roc_year = 115");
    const floor = (rows[0]?.last_reserved ?? 0) + 500;
    const answer = await reserve(clerk, { clientId: randomUUID(), years: [{ rocYear: 115, remaining: 0, highestUsed: floor }] });
    expect(answer.blocks[0]?.first).toBe(floor + 1);
    // But one report cannot spend the station's year.
    const greedy = await reserve(clerk, { clientId: randomUUID(), years: [{ rocYear: 115, remaining: 0, highestUsed: 999_000 }] });
    expect(greedy.blocks[0]?.first).toBe(floor + CASE_NUMBER_BLOCK_SIZE + 10 * CASE_NUMBER_BLOCK_SIZE + 1);
  });

  it('refuses another station, a client id of another device, an administrator and an old protocol', async () => {
    const elsewhere = await ask(clerk, { clientId: randomUUID(), stationCode: 'KL02' });
    expect(elsewhere.statusCode).toBe(403);
    expect(errorOf(elsewhere).code).toBe('forbidden');

    const otherStation = await server.signIn({ deviceId: otherDevice.id });
    const intoKl01 = await ask(otherStation, { clientId: randomUUID(), stationCode: 'KL01' });
    expect(intoKl01.statusCode).toBe(403);
    const own = await reserve(otherStation, { clientId: randomUUID(), stationCode: 'KL02' });
    expect(own).toMatchObject({ stationCode: 'KL02', blocks: [{ first: 1 }] });

    const taken = randomUUID();
    await reserve(clerk, { clientId: taken });
    const stolen = await ask(otherStation, { clientId: taken, stationCode: 'KL02' });
    expect(stolen.statusCode).toBe(403);
    expect(errorOf(stolen).message).toMatch(/another device/);

    const admin = await server.signIn({ username: 'admin', password: 'admin-demo-2026' });
    const refused = await ask(admin, { clientId: randomUUID() });
    expect(refused.statusCode).toBe(403);

    const old = await server.app.inject({ method: 'POST', url: CASE_NUMBERS_PATH, headers: { ...syncHeaders(clerk), 'x-counterdesk-protocol': '0' }, payload: { clientId: randomUUID(), stationCode: 'KL01', years: [] } });
    expect(old.statusCode).toBe(426);
    const bad = await ask(clerk, { clientId: 'not-a-uuid' });
    expect(errorOf(bad).code).toBe('validation_failed');
    const { rows } = await server.db.query<{ station_code: string; device_id: string }>('SELECT DISTINCT station_code, device_id FROM case_number_blocks ORDER BY station_code');
    expect(rows).toEqual([
      { station_code: 'KL01', device_id: 'demo-counter-01' },
      { station_code: 'KL02', device_id: otherDevice.id },
    ]);
  });

  it('refuses a pushed case whose number another case holds, alone, and applies the mutation after it', async () => {
    const held = buildCaseRecord(900_001);
    await server.push(clerk, randomUUID(), [createCaseMutation(1, held)]);
    const clash = buildCaseRecord(900_001, { applicant: { kind: 'person', idNumber: 'A123456789', name: '陳小華', phone: '0911000000' } });
    const next = buildCaseRecord(900_002);
    const clientId = randomUUID();
    const { results } = await server.push(clerk, clientId, [createCaseMutation(1, clash), createCaseMutation(2, next)]);
    expect(results).toEqual([
      { id: 1, status: 'rejected', code: 'case_no_taken', message: expect.stringContaining(held.caseNo) },
      { id: 2, status: 'applied' },
    ]);
    // Sent again (a lost answer), it is answered with the same refusal and not applied twice.
    const replay = await server.push(clerk, clientId, [createCaseMutation(1, clash)]);
    expect(replay.results).toEqual([expect.objectContaining({ id: 1, status: 'rejected', code: 'case_no_taken' })]);
    const { rows } = await server.db.query<{ id: string }>('SELECT id FROM cases WHERE case_no = ANY($1::text[]) ORDER BY case_no', [[held.caseNo, next.caseNo]]);
    expect(rows.map((row) => row.id)).toEqual([held.id, next.id]);
  });

  // Last: it moves the clock to December.
  it('reserves the next ROC year too in December', async () => {
    server.clock.advance(Date.parse('2026-12-01T00:00:00Z') - server.clock.now().getTime());
    const token = await server.signIn();
    const answer = await reserve(token, { clientId: randomUUID() });
    expect(answer.blocks.map((block) => block.rocYear)).toEqual([115, 116]);
    expect(answer.blocks[1]).toMatchObject({ first: 1, last: CASE_NUMBER_BLOCK_SIZE });
  });
});
