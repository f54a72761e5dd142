import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEmptyTestDatabase } from '../testing/testDatabase';
import type { Database } from './database';
import { redactConnectionString } from './database';

describe('Database', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openEmptyTestDatabase();
    await db.exec('CREATE TABLE probe (id bigint PRIMARY KEY, day date NOT NULL, at timestamptz NOT NULL, tags text[] NOT NULL, doc jsonb NOT NULL)');
  });
  afterAll(() => db.close());

  it('returns the same JavaScript types on both engines', async () => {
    await db.query('INSERT INTO probe VALUES ($1, $2, $3, $4::text[], $5::jsonb)', [
      9_007_199_254_740_991,
      '2026-03-02',
      new Date('2026-03-02T01:15:00.000Z'),
      ['clerk', 'admin'],
      JSON.stringify({ a: [1, 2] }),
    ]);
    const { rows } = await db.query<{ id: unknown; day: unknown; at: unknown; tags: unknown; doc: unknown }>('SELECT * FROM probe');
    expect(rows).toEqual([
      { id: 9_007_199_254_740_991, day: '2026-03-02', at: new Date('2026-03-02T01:15:00.000Z'), tags: ['clerk', 'admin'], doc: { a: [1, 2] } },
    ]);
  });

  it('commits a transaction that resolves and rolls back one that throws', async () => {
    await db.transaction(async (tx) => {
      await tx.query("INSERT INTO probe VALUES (1, '2026-01-01', now(), '{}', '{}')");
    });
    await expect(
      db.transaction(async (tx) => {
        await tx.query("INSERT INTO probe VALUES (2, '2026-01-01', now(), '{}', '{}')");
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    const { rows } = await db.query<{ id: number }>('SELECT id FROM probe WHERE id IN (1, 2) ORDER BY id');
    expect(rows).toEqual([{ id: 1 }]);
  });

  it('runs overlapping transactions without mixing their statements', async () => {
    await db.exec('CREATE TABLE counter (n int NOT NULL); INSERT INTO counter VALUES (0);');
    const increments = Array.from({ length: 10 }, () =>
      db.transaction(async (tx) => {
        const { rows } = await tx.query<{ n: number }>('SELECT n FROM counter FOR UPDATE');
        await tx.query('UPDATE counter SET n = $1', [(rows[0]?.n ?? 0) + 1]);
      }),
    );
    await Promise.all(increments);
    const { rows } = await db.query<{ n: number }>('SELECT n FROM counter');
    expect(rows[0]?.n).toBe(10);
  });

  it('never prints a connection password', () => {
    expect(redactConnectionString('postgres://app:s3cret@db.example:5432/counterdesk')).toBe('postgres://app:***@db.example:5432/counterdesk');
    expect(redactConnectionString('postgres://postgres@127.0.0.1/test')).toBe('postgres://postgres@127.0.0.1/test');
  });
});
