/**
 * Applies `server/migrations/NNN_name.sql` in order, each at most once.
 *
 * Invariants:
 * - All pending migrations and their `schema_migrations` rows commit together or not at all.
 * - Two servers starting at once against the same PostgreSQL do not both migrate: the first holds a
 *   transaction-level advisory lock, the second waits for it and then finds nothing left to do.
 * - An applied migration is never edited: its SHA-256 is recorded, and a start with a different file
 *   under the same number stops with an error instead of running on a schema nobody wrote down.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Database } from './database';

/** Arbitrary but fixed: the advisory lock key every CounterDesk server uses for migrating. */
const MIGRATION_LOCK_KEY = 7_301_225_001;

export const defaultMigrationsDir = fileURLToPath(new URL('../../migrations/', import.meta.url));

export interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

const fileNamePattern = /^(\d{3})_([a-z0-9_]+)\.sql$/;

export async function loadMigrations(dir: string = defaultMigrationsDir): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((file) => file.endsWith('.sql')).sort();
  const migrations: Migration[] = [];
  for (const file of files) {
    const match = fileNamePattern.exec(file);
    if (!match?.[1] || !match[2]) throw new Error(`Migration file name ${file} does not match NNN_name.sql`);
    const sql = await readFile(`${dir}/${file}`, 'utf8');
    migrations.push({
      version: Number(match[1]),
      name: match[2],
      sql,
      checksum: createHash('sha256').update(sql).digest('hex'),
    });
  }
  // Numbers are handed out to parallel branches ahead of their merge, so one may land before a lower
  // one: a gap is allowed, two files under one number are not.
  migrations.forEach((migration, index) => {
    const previous = migrations[index - 1];
    if (previous && previous.version === migration.version) {
      throw new Error(`Two migrations are numbered ${migration.version}: ${previous.name} and ${migration.name}`);
    }
  });
  return migrations;
}

/**
 * The usual start: every migration already applied, unchanged. Read without the lock, since a read
 * that finds everything in place cannot be invalidated by another server (migrations only add).
 */
async function isCurrent(db: Database, migrations: readonly Migration[]): Promise<boolean> {
  const { rows: exists } = await db.query<{ present: boolean }>("SELECT to_regclass('schema_migrations') IS NOT NULL AS present");
  if (!exists[0]?.present) return false;
  const { rows } = await db.query<{ version: number; checksum: string }>('SELECT version, checksum FROM schema_migrations ORDER BY version');
  return (
    rows.length === migrations.length &&
    migrations.every((migration, index) => rows[index]?.version === migration.version && rows[index]?.checksum === migration.checksum)
  );
}

/**
 * Applies what is pending, from a folder or from migrations loaded beforehand (start-up loads them
 * before opening PGlite, whose start keeps Node's file-system threads busy for a while).
 * Returns the versions it applied (empty when the schema was current).
 */
export async function migrate(db: Database, source: string | readonly Migration[] = defaultMigrationsDir): Promise<number[]> {
  const migrations = typeof source === 'string' ? await loadMigrations(source) : source;
  if (await isCurrent(db, migrations)) return [];
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await tx.exec(`
      CREATE TABLE IF NOT EXISTS schema_migrations (
        version integer PRIMARY KEY,
        name text NOT NULL,
        checksum text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
    const { rows } = await tx.query<{ version: number; checksum: string }>(
      'SELECT version, checksum FROM schema_migrations ORDER BY version',
    );
    const applied = new Map(rows.map((row) => [row.version, row.checksum]));
    for (const [version, checksum] of applied) {
      const known = migrations.find((migration) => migration.version === version);
      if (!known) throw new Error(`The database has migration ${version}, which this server does not know: is it older than the database?`);
      if (known.checksum !== checksum) throw new Error(`Migration ${version}_${known.name} changed after it was applied`);
    }
    const newlyApplied: number[] = [];
    for (const migration of migrations) {
      if (applied.has(migration.version)) continue;
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [
        migration.version,
        migration.name,
        migration.checksum,
      ]);
      newlyApplied.push(migration.version);
    }
    return newlyApplied;
  });
}
