import { randomUUID } from 'node:crypto';
import * as crypto from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { formatCaseNo } from '../../../shared/domain/caseNumber';
import type { CaseRecord } from '../../../shared/schemas/case';
import type { Queryable } from '../db/database';
import { buildCaseRecord, createCaseMutation } from '../testing/caseFixtures';
import { startTestServer } from '../testing/testServer';
import type { TestServer } from '../testing/testServer';
import { findPublicCase } from './findPublicCase';

// Node's own primitives, counted: the lookup must hash and compare the same for every failure.
vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof crypto>();
  return { ...actual, timingSafeEqual: vi.fn(actual.timingSafeEqual), createHash: vi.fn(actual.createHash) };
});

/** The database as the lookup sees it, writing down each statement and the shape of its parameters. */
function recording(db: Queryable): { db: Queryable; statements: string[] } {
  const statements: string[] = [];
  return {
    statements,
    db: {
      query(sql, params = []) {
        statements.push(`${sql} ${params.map((param) => typeof param).join(',')}`);
        return db.query(sql, params);
      },
      exec: (sql) => db.exec(sql),
    },
  };
}

describe('the public lookup does the same work whether or not the case exists', () => {
  let server: TestServer;
  let record: CaseRecord;

  beforeAll(async () => {
    server = await startTestServer();
    const token = await server.signIn();
    record = buildCaseRecord(7);
    const result = await server.push(token, randomUUID(), [createCaseMutation(1, record)]);
    expect(result.results[0]?.status).toBe('applied');
  });
  afterAll(() => server.close());
  beforeEach(() => {
    vi.mocked(crypto.timingSafeEqual).mockClear();
    vi.mocked(crypto.createHash).mockClear();
  });

  /** What one lookup did: its answer, its statements, its comparisons and hashes. */
  async function trace(caseNo: string, verifier: string | undefined) {
    const { db, statements } = recording(server.db);
    vi.mocked(crypto.timingSafeEqual).mockClear();
    vi.mocked(crypto.createHash).mockClear();
    const found = await findPublicCase(db, caseNo, verifier);
    return { found, statements, compares: vi.mocked(crypto.timingSafeEqual).mock.calls.length, hashes: vi.mocked(crypto.createHash).mock.calls.length };
  }

  it('runs one statement, one comparison and two hashes for every refusal', async () => {
    const unknownCaseNo = formatCaseNo({ rocYear: 115, stationCode: 'KL01', sequence: 999_999 });
    const refusals = [
      await trace(record.caseNo, 'a-wrong-verifier'),
      await trace(record.caseNo, undefined),
      await trace(unknownCaseNo, record.verifier),
      await trace(unknownCaseNo, undefined),
      await trace('not a case number', record.verifier),
      await trace('', undefined),
    ];
    for (const refusal of refusals) {
      expect(refusal.found).toBeUndefined();
      expect(refusal.compares).toBe(1);
      expect(refusal.hashes).toBe(2);
      expect(refusal.statements).toEqual(refusals[0]?.statements);
    }
    expect(refusals[0]?.statements).toHaveLength(1);
    // The statement reads the verifier, not the case: its size cannot tell an existing case either.
    expect(refusals[0]?.statements[0]).toMatch(/^SELECT id::text AS id, verifier FROM cases WHERE case_no = \$1/);
  });

  it('reads the case only once the verifier matches', async () => {
    const match = await trace(record.caseNo, record.verifier);
    expect(match.found?.caseNo).toBe(record.caseNo);
    expect(match.compares).toBe(1);
    expect(match.statements.length).toBeGreaterThan(1);
  });
});
