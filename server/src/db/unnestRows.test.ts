import { describe, expect, it } from 'vitest';
import { openEmptyTestDatabase } from '../testing/testDatabase';
import { unnestRows } from './unnestRows';

describe('unnestRows', () => {
  it('turns rows into one typed array per column, numbered from the first parameter', () => {
    const rows = [
      { id: 1, name: 'a', at: null },
      { id: 2, name: 'b', at: '2026-12-07T00:00:00Z' },
    ];
    const result = unnestRows('m', { id: 'bigint', name: 'text', at: 'timestamptz' }, rows, { firstParameter: 3, withOrdinality: true });
    expect(result.from).toBe('unnest($3::bigint[], $4::text[], $5::timestamptz[]) WITH ORDINALITY AS m (id, name, at, ordinal)');
    expect(result.parameters).toEqual([[1, 2], ['a', 'b'], [null, '2026-12-07T00:00:00Z']]);
  });

  it('reads back what it was given through PostgreSQL', async () => {
    const db = await openEmptyTestDatabase();
    try {
      const given = unnestRows('r', { n: 'int', label: 'text' }, [{ n: 2, label: 'two' }, { n: 1, label: null }]);
      const { rows } = await db.query<{ n: number; label: string | null }>(`SELECT n, label FROM ${given.from}`, given.parameters);
      expect(rows).toEqual([{ n: 2, label: 'two' }, { n: 1, label: null }]);
    } finally {
      await db.close();
    }
  });
});
