import Dexie, { type DBCore, type DBCoreCursor, type DBCoreIndex, type DBCoreKeyRange, type DBCoreMutateRequest, type DBCoreTable, type Middleware } from 'dexie';
import type { DataKeyHolder } from './dataKeyHolder';
import { indexHash, openRecord, sealRecord } from './recordCipher';

/**
 * Encryption at rest under Dexie (docs/decisions/0011-encryption-at-rest.md), as a DBCore middleware
 * sitting directly on IndexedDB, so every store above it keeps reading and writing plain records.
 *
 * A record of an encrypted table is stored as:
 * - its primary key and the non-personal fields its indexes need (`plain`), as they are;
 * - the personal fields an index needs (`hashed`) replaced by a keyed hash (recordCipher.indexHash);
 * - `enc`: AES-GCM of the whole record, bound to its table and primary key.
 * Reads open `enc`; a query on a hashed index hashes its key, so equality look-ups keep working and
 * nothing else (ranges, prefixes) can run on them. Records without `enc` were written before
 * encryption: they are read as they are until the one-time pass (sealExistingRecords) seals them.
 *
 * Invariants: nothing of an encrypted table is read or written while locked except counts, key-only
 * queries on plain indexes and deletions (DeviceLockedError otherwise); a record that does not open
 * (another key, tampering) throws RecordUnreadableError and is never rewritten from a partial copy.
 */

export interface EncryptedTableSpec {
  /** Index fields kept in the clear (key paths); the primary key is always kept. */
  readonly plain: readonly string[];
  /** Personal index fields stored as keyed hashes (key paths). */
  readonly hashed: readonly string[];
}

/**
 * The tables holding taxpayer data and what their indexes need (see database.ts for the indexes).
 * A case's `deskQueue` (deskIndex.ts) is kept in the clear like its status and due date: the desk
 * pages through it by range. It tells which unit's queue an open case waits in, or the username of the
 * officer holding it — the bureau's own staff, not the taxpayer; nothing of the applicant is in it.
 */
export const ENCRYPTED_TABLES: Readonly<Record<string, EncryptedTableSpec>> = {
  cases: {
    plain: ['caseNo', 'receivedAt', 'status', 'syncState', 'receivedOn', 'dueDate', 'serviceId', 'deskQueue'],
    hashed: ['applicant.idNumber', 'applicant.phone', 'applicant.name'],
  },
  outbox: { plain: ['id', 'state', 'caseId'], hashed: [] },
  drafts: { plain: ['savedAt'], hashed: [] },
  feedback: { plain: ['caseId', 'at'], hashed: [] },
  visits: { plain: ['planDate', 'state'], hashed: [] },
  laneCars: { plain: ['arrivedAt', 'state'], hashed: [] },
};

export const SEALED_FIELD = 'enc';

export class RecordUnreadableError extends Error {
  override readonly name = 'RecordUnreadableError';
  constructor(table: string, key: unknown) {
    super(`a record of ${table} (${JSON.stringify(key)}) does not open with this device's data key`);
  }
}

export class HashedIndexQueryError extends Error {
  override readonly name = 'HashedIndexQueryError';
  constructor(index: string) {
    super(`${index} holds keyed hashes: only exact look-ups (equals) can run on it`);
  }
}

// DBCoreRangeType is a const enum, which isolated modules cannot import.
const RANGE_EQUAL = 1;
const RANGE_ANY = 3;
const RANGE_NEVER = 4;

type StoredRecord = Record<string, unknown>;

function associatedData(table: string, autoIncrement: boolean, primaryKey: unknown): string {
  // An auto-increment key is given by IndexedDB after the record is sealed, so only the table binds it.
  return autoIncrement ? `counterdesk:${table}` : `counterdesk:${table}:${JSON.stringify(primaryKey)}`;
}

export function isSealed(value: unknown): value is StoredRecord & { enc: Uint8Array } {
  return typeof value === 'object' && value !== null && (value as StoredRecord)[SEALED_FIELD] instanceof Uint8Array;
}

/**
 * An index over a field the stored form leaves out would be silently empty: a new index on an
 * encrypted table must be declared here, plain or hashed, or the database refuses to open.
 */
export class UndeclaredIndexError extends Error {
  override readonly name = 'UndeclaredIndexError';
  constructor(table: string, path: string) {
    super(`index field ${path} of ${table} is not declared in ENCRYPTED_TABLES (plain or hashed)`);
  }
}

function checkIndexes(table: DBCoreTable, spec: EncryptedTableSpec): void {
  const declared = new Set([...spec.plain, ...spec.hashed]);
  for (const index of table.schema.indexes) {
    const paths = index.keyPath === null ? [] : typeof index.keyPath === 'string' ? [index.keyPath] : index.keyPath;
    for (const path of paths) if (!declared.has(path)) throw new UndeclaredIndexError(table.name, path);
  }
}

function encryptedTable(table: DBCoreTable, spec: EncryptedTableSpec, holder: DataKeyHolder): DBCoreTable {
  checkIndexes(table, spec);
  const primaryKeyPath = table.schema.primaryKey.keyPath;
  const autoIncrement = table.schema.primaryKey.autoIncrement === true;
  const hashed = new Set(spec.hashed);
  const what = `the ${table.name} table`;

  function seal(value: unknown): StoredRecord {
    const keys = holder.require(what);
    if (typeof value !== 'object' || value === null) throw new TypeError(`${table.name} stores objects`);
    const stored: StoredRecord = {};
    const primaryKey = primaryKeyPath === null ? undefined : Dexie.getByKeyPath(value, primaryKeyPath);
    if (primaryKeyPath !== null && primaryKey !== undefined) Dexie.setByKeyPath(stored, primaryKeyPath, primaryKey);
    for (const path of spec.plain) {
      const field: unknown = Dexie.getByKeyPath(value, path);
      if (field !== undefined) Dexie.setByKeyPath(stored, path, field);
    }
    for (const path of spec.hashed) {
      const field: unknown = Dexie.getByKeyPath(value, path);
      if (typeof field === 'string') Dexie.setByKeyPath(stored, path, indexHash(keys.index, path, field));
    }
    stored[SEALED_FIELD] = sealRecord(keys.record, value, associatedData(table.name, autoIncrement, primaryKey));
    return stored;
  }

  function unseal(stored: unknown): unknown {
    if (!isSealed(stored)) return stored;
    const keys = holder.require(what);
    const primaryKey = primaryKeyPath === null ? undefined : Dexie.getByKeyPath(stored, primaryKeyPath);
    let record: unknown;
    try {
      record = openRecord(keys.record, stored[SEALED_FIELD], associatedData(table.name, autoIncrement, primaryKey));
    } catch {
      throw new RecordUnreadableError(table.name, primaryKey);
    }
    if (primaryKeyPath !== null && typeof record === 'object' && record !== null) Dexie.setByKeyPath(record, primaryKeyPath, primaryKey);
    return record;
  }

  function hashedPath(index: DBCoreIndex): string | undefined {
    return typeof index.keyPath === 'string' && hashed.has(index.keyPath) ? index.keyPath : undefined;
  }

  /** A query on a hashed index: its key hashed, or refused when it is not an exact look-up. */
  function translateRange(index: DBCoreIndex, range: DBCoreKeyRange): DBCoreKeyRange {
    const path = hashedPath(index);
    if (path === undefined || range.type === RANGE_ANY || range.type === RANGE_NEVER) return range;
    const exact = range.type === RANGE_EQUAL || (range.lower === range.upper && !range.lowerOpen && !range.upperOpen);
    if (!exact || typeof range.lower !== 'string') throw new HashedIndexQueryError(path);
    const key = indexHash(holder.require(what).index, path, range.lower);
    return { type: RANGE_EQUAL, lower: key, upper: key } as DBCoreKeyRange;
  }

  function wrapCursor(cursor: DBCoreCursor): DBCoreCursor {
    let raw: unknown;
    let opened: unknown;
    // A native IDBCursor's getters refuse any other `this`: key and primaryKey are forwarded explicitly.
    return Object.create(cursor, {
      key: { get: (): unknown => cursor.key },
      primaryKey: { get: (): unknown => cursor.primaryKey },
      value: {
        get(): unknown {
          const current: unknown = cursor.value;
          if (current !== raw) {
            raw = current;
            opened = unseal(current);
          }
          return opened;
        },
      },
    }) as DBCoreCursor;
  }

  // No async functions here: the promises below are Dexie's own, whose `then` keeps the transaction's
  // zone for the middlewares above; a native promise would lose it.
  return {
    ...table,
    mutate(req: DBCoreMutateRequest) {
      if (req.type === 'add' || req.type === 'put') return table.mutate({ ...req, values: req.values.map(seal) });
      return table.mutate(req);
    },
    get: (req) => table.get(req).then(unseal),
    getMany: (req) => table.getMany(req).then((values) => values.map(unseal)),
    query: (req) =>
      table
        .query({ ...req, query: { ...req.query, range: translateRange(req.query.index, req.query.range) } })
        .then((response) => (req.values ? { ...response, result: response.result.map(unseal) } : response)),
    openCursor: (req) =>
      table
        .openCursor({ ...req, query: { ...req.query, range: translateRange(req.query.index, req.query.range) } })
        .then((cursor) => (cursor && req.values !== false ? wrapCursor(cursor) : cursor)),
    count: (req) => table.count({ ...req, query: { ...req.query, range: translateRange(req.query.index, req.query.range) } }),
  };
}

/**
 * The middleware for `db.use`. Its level puts it below Dexie's own middlewares (hooks, caches,
 * observability), so they all see plain records and only IndexedDB sees sealed ones.
 */
export function encryptionMiddleware(holder: DataKeyHolder, tables: Readonly<Record<string, EncryptedTableSpec>> = ENCRYPTED_TABLES): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'EncryptionAtRest',
    level: -10,
    create(down) {
      return {
        ...down,
        table(name) {
          const table = down.table(name);
          const spec = tables[name];
          return spec ? encryptedTable(table, spec, holder) : table;
        },
      };
    },
  };
}
