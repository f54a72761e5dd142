/**
 * A fresh, migrated database for one test file: PGlite in memory by default, or, when
 * TEST_DATABASE_URL is set, a new schema of that PostgreSQL (dropped again by `close`), so test
 * files running in parallel never see each other's rows.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createPgliteDatabase, createPostgresDatabase } from '../db/database';
import type { Database } from '../db/database';
import { migrate } from '../db/migrate';
import { pgliteTemplate } from './pgliteTemplate';

export const testDatabaseUrl: string | undefined = process.env.TEST_DATABASE_URL || undefined;

async function adminQuery(sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: testDatabaseUrl });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

/**
 * A new, empty schema of the TEST_DATABASE_URL server, with a connection string whose sessions use it
 * as their search path (for code that opens its own pool, such as startServer).
 */
export async function createTestSchema(): Promise<{ schema: string; connectionString: string; drop(): Promise<void> }> {
  if (!testDatabaseUrl) throw new Error('TEST_DATABASE_URL is not set');
  const schema = `test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE SCHEMA ${schema}`);
  const url = new URL(testDatabaseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return { schema, connectionString: url.toString(), drop: () => adminQuery(`DROP SCHEMA ${schema} CASCADE`) };
}

/** Opens an empty, unmigrated database (for the migration tests themselves). */
export async function openEmptyTestDatabase(): Promise<Database> {
  if (!testDatabaseUrl) return createPgliteDatabase();
  const { schema, drop } = await createTestSchema();
  // Small, since test files run side by side; the push benchmark sets the production size.
  const db = createPostgresDatabase({ connectionString: testDatabaseUrl, searchPath: schema, maxConnections: Number(process.env.TEST_DATABASE_POOL_SIZE) || 5 });
  return {
    ...db,
    async close() {
      await db.close();
      await drop();
    },
  };
}

export async function openTestDatabase(): Promise<Database> {
  const template = testDatabaseUrl ? undefined : pgliteTemplate();
  const db = template ? await createPgliteDatabase({ loadDataDir: await template }) : await openEmptyTestDatabase();
  // On a database loaded from the migrated template this finds nothing to do.
  await migrate(db);
  return db;
}
