/**
 * The one seam between the server and its SQL engine: a real PostgreSQL through a `pg` Pool, or PGlite
 * (PostgreSQL compiled to WebAssembly) embedded in the process. Both speak the same SQL.
 *
 * Invariants:
 * - Both implementations return the same JavaScript types: `bigint` columns as numbers (every value we
 *   store there — ids, mutation ids, change sequence numbers — stays far below 2^53), `date` columns as
 *   the `YYYY-MM-DD` text PostgreSQL prints (never a Date, which would shift with the process's time
 *   zone), `timestamptz` as Date, `jsonb` parsed, `text[]` as string arrays.
 * - Inside `transaction(fn)` every statement goes through the `tx` handed to `fn`; calling the outer
 *   `Database` from inside would take another connection (pg) or wait forever for the one connection
 *   (PGlite).
 * - PGlite has a single connection, so its transactions run one at a time, in arrival order.
 */
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { logSafeError } from '../domain/logSafeError';

export interface QueryResult<T> {
  rows: T[];
  rowCount: number;
}

/** What a transaction and the database itself both offer. */
export interface Queryable {
  query<T extends object = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<T>>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Database extends Queryable {
  readonly kind: 'postgres' | 'pglite';
  /** For people: which database this is, without secrets. */
  readonly description: string;
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

const INT8_OID = 20;
const DATE_OID = 1082;

const parseInt8 = (value: string): number => Number(value);
const keepText = (value: string): string => value;

/**
 * Connections per server process (DATABASE_POOL_SIZE). Sized for what PostgreSQL can run at once, not
 * for the number of devices: every push ends in the same two single-row locks (the audit chain's head,
 * then the change sequence), so beyond a few connections more of them only add backends waiting on
 * those locks, each holding memory on the database. 200 devices pushing at once wait in the pool's
 * queue in Node, in arrival order, which costs nothing on the database. 20 leaves room for pulls,
 * uploads and sign-ins beside a burst of pushes; several server processes share PostgreSQL's
 * max_connections (100 by default), so 4 processes × 20 still fit. See docs/decisions/0006.
 */
export const DEFAULT_POOL_SIZE = 20;

/**
 * How long a request waits for a connection (DATABASE_POOL_TIMEOUT_MS): for a free one when all are
 * busy, or for a new one to open. Past it pg-pool gives up and the request is answered 503 with
 * Retry-After (http/errorHandling.ts) instead of hanging, so a device backs off and retries. PGlite
 * has one connection and a queue in this process: nothing there times out.
 */
export const DEFAULT_POOL_TIMEOUT_MS = 10_000;

export interface PostgresDatabaseOptions {
  connectionString: string;
  /** Sets the schema search path of every connection (tests isolate each file in its own schema). */
  searchPath?: string;
  /** DEFAULT_POOL_SIZE when absent. */
  maxConnections?: number;
  /** DEFAULT_POOL_TIMEOUT_MS when absent. */
  connectionTimeoutMs?: number;
}

/** Hides the password of a connection string so it can be printed. */
export function redactConnectionString(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return 'postgres://(unparsable connection string)';
  }
}

export function createPostgresDatabase(options: PostgresDatabaseOptions): Database {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.maxConnections ?? DEFAULT_POOL_SIZE,
    // Connections that hang would hang the request that waits for them; fail fast instead.
    connectionTimeoutMillis: options.connectionTimeoutMs ?? DEFAULT_POOL_TIMEOUT_MS,
    ...(options.searchPath ? { options: `-c search_path=${options.searchPath}` } : {}),
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
        if (oid === INT8_OID) return parseInt8;
        if (oid === DATE_OID) return keepText;
        return format === 'binary' ? pg.types.getTypeParser(oid, 'binary') : pg.types.getTypeParser(oid, 'text');
      }) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client losing its connection emits 'error' on the pool; without a listener it would crash
  // the process. The pool discards that client and the next query opens a new one.
  pool.on('error', (error) => {
    console.error(`PostgreSQL idle connection error: ${logSafeError(error).message}`);
  });

  const wrap = (client: pg.Pool | pg.PoolClient): Queryable => ({
    async query<T extends object>(sql: string, params: readonly unknown[] = []) {
      const result = await client.query(sql, params as unknown[]);
      return { rows: result.rows as T[], rowCount: result.rowCount ?? 0 };
    },
    async exec(sql: string) {
      await client.query(sql);
    },
  });

  const outer = wrap(pool);
  return {
    kind: 'postgres',
    description: `PostgreSQL ${redactConnectionString(options.connectionString)}`,
    query: outer.query,
    exec: outer.exec,
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      let broken = false;
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        try {
          await client.query('ROLLBACK');
        } catch {
          broken = true;
        }
        throw error;
      } finally {
        // A client whose rollback failed is in an unknown state: destroy it rather than reuse it.
        client.release(broken);
      }
    },
    async close() {
      await pool.end();
    },
  };
}

export interface PgliteDatabaseOptions {
  /** A folder to persist the database in; in memory when absent. */
  dataDir?: string;
  /** Start from this dump of a data folder (PGlite's dumpDataDir) instead of an empty cluster. */
  loadDataDir?: Blob;
}

export async function createPgliteDatabase(options: PgliteDatabaseOptions = {}): Promise<Database> {
  // Loaded only when used: a server on PostgreSQL never needs it, and every module held in memory is
  // marked again at each full garbage collection, frequent while scans stream in (docs/BENCHMARKS.md § Sync upload).
  const { PGlite, types: pgliteTypes } = await import('@electric-sql/pglite');
  const db = await PGlite.create(options.dataDir, {
    parsers: { [pgliteTypes.INT8]: parseInt8, [pgliteTypes.DATE]: keepText },
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  });

  // PGlite's own transaction() already holds its connection exclusively; this queue makes the
  // one-at-a-time order an explicit property of this module rather than of PGlite's internals.
  let queue: Promise<unknown> = Promise.resolve();
  const serialize = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  };

  type PgliteQueryable = Pick<PGlite, 'query' | 'exec'>;
  const wrap = (target: PgliteQueryable): Queryable => ({
    async query<T extends object>(sql: string, params: readonly unknown[] = []) {
      const result = await target.query<T>(sql, params as unknown[]);
      // PGlite reports affectedRows 0 for a SELECT; pg's rowCount counts the rows it returned.
      return { rows: result.rows, rowCount: result.rows.length > 0 ? result.rows.length : (result.affectedRows ?? 0) };
    },
    async exec(sql: string) {
      await target.exec(sql);
    },
  });

  const outer = wrap(db);
  return {
    kind: 'pglite',
    description: options.dataDir ? `PGlite (embedded) with data in ${options.dataDir}` : 'PGlite (embedded, in memory)',
    query: outer.query,
    exec: outer.exec,
    transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      return serialize(() => db.transaction((tx) => fn(wrap(tx))));
    },
    async close() {
      await serialize(() => db.close());
    },
  };
}

/** Opens PostgreSQL when a URL is given, otherwise PGlite in `dataDir` (or in memory). */
export async function openDatabase(options: { databaseUrl?: string; dataDir?: string; poolSize?: number; poolTimeoutMs?: number }): Promise<Database> {
  if (options.databaseUrl) {
    return createPostgresDatabase({
      connectionString: options.databaseUrl,
      ...(options.poolSize === undefined ? {} : { maxConnections: options.poolSize }),
      ...(options.poolTimeoutMs === undefined ? {} : { connectionTimeoutMs: options.poolTimeoutMs }),
    });
  }
  return createPgliteDatabase({ dataDir: options.dataDir });
}
