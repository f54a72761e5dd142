import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEmptyTestDatabase } from '../testing/testDatabase';
import type { Database } from './database';
import { defaultMigrationsDir, loadMigrations, migrate } from './migrate';

describe('migrate', () => {
  let db: Database;
  let scratch: string;

  beforeAll(async () => {
    db = await openEmptyTestDatabase();
    scratch = await mkdtemp(join(tmpdir(), 'counterdesk-migrations-'));
  });
  afterAll(async () => {
    await db.close();
    await rm(scratch, { recursive: true, force: true });
  });

  it('applies every migration once, in order, and records each', async () => {
    const migrations = await loadMigrations();
    expect(migrations.map((m) => m.version)).toEqual([...new Set(migrations.map((m) => m.version))].sort((a, b) => a - b));

    // Two starts racing: one applies, the other finds nothing left to do.
    const [first, second] = await Promise.all([migrate(db), migrate(db)]);
    expect([...first, ...second].sort((a, b) => a - b)).toEqual(migrations.map((m) => m.version));

    const { rows } = await db.query<{ version: number; name: string }>('SELECT version, name FROM schema_migrations ORDER BY version');
    expect(rows).toEqual(migrations.map((m) => ({ version: m.version, name: m.name })));
    const tables = await db.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name`,
    );
    expect(tables.rows.map((row) => row.table_name)).toEqual(
      expect.arrayContaining(['cases', 'change_sequence', 'devices', 'mutations', 'schema_migrations', 'sessions', 'sync_clients', 'users']),
    );
    expect(await migrate(db)).toEqual([]);
  });

  it('refuses to run when an applied migration was edited', async () => {
    await cp(defaultMigrationsDir, scratch, { recursive: true });
    await writeFile(join(scratch, '001_initial.sql'), '-- edited\nSELECT 1;\n');
    await expect(migrate(db, scratch)).rejects.toThrow(/changed after it was applied/);
  });

  it('rolls back a migration that fails, with its record', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'counterdesk-migrations-bad-'));
    try {
      await cp(defaultMigrationsDir, dir, { recursive: true });
      const next = Math.max(...(await loadMigrations(dir)).map((m) => m.version)) + 1;
      await writeFile(join(dir, `${String(next).padStart(3, '0')}_broken.sql`), 'CREATE TABLE half_done (x int);\nSELECT * FROM no_such_table;\n');
      await expect(migrate(db, dir)).rejects.toThrow();
      const { rows } = await db.query<{ present: boolean }>("SELECT to_regclass('half_done') IS NOT NULL AS present");
      expect(rows[0]?.present).toBe(false);
      const recorded = await db.query('SELECT 1 FROM schema_migrations WHERE version = $1', [next]);
      expect(recorded.rowCount).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
