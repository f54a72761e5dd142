import Dexie, { type IndexableType } from 'dexie';
import { getDb, type CounterDeskDb } from './database';
import { sealPlainDocuments } from './documentStore';
import { ENCRYPTED_TABLES, isSealed } from './encryptionMiddleware';

/**
 * The one-time pass after an unlock: records written before this device encrypted (no `enc`) are
 * read as they are until then; here each is written again through the encrypting database, which
 * seals it, and each plain document Blob is sealed. Idempotent: a second run finds nothing to do.
 * Which rows are plain is read on a connection without the middleware (it cannot see `enc`).
 * Once a pass has completed, every later write was sealed by the middleware, so a flag in `meta`
 * spares the next unlocks a scan of every row (200 000 cases on a busy counter).
 */
const SEALED_FLAG = 'existingDataSealed';
const CHUNK = 500;

export async function sealExistingData(db: CounterDeskDb = getDb()): Promise<{ records: number; documents: number }> {
  if (!db.encryption || (await db.meta.get(SEALED_FLAG))?.value === true) return { records: 0, documents: 0 };
  const raw = new Dexie(db.name);
  await raw.open();
  const plainKeys = new Map<string, IndexableType[]>();
  try {
    for (const table of raw.tables) {
      if (!(table.name in ENCRYPTED_TABLES)) continue;
      const keys = await table.filter((row) => !isSealed(row)).primaryKeys();
      if (keys.length > 0) plainKeys.set(table.name, keys);
    }
  } finally {
    raw.close();
  }
  let records = 0;
  for (const [name, keys] of plainKeys) {
    const table = db.table(name);
    // Small transactions: the clerk's own writes to the table wait for one chunk at most.
    for (let start = 0; start < keys.length; start += CHUNK) {
      const chunk = keys.slice(start, start + CHUNK);
      await db.transaction('rw', table, async () => {
        const rows = (await table.bulkGet(chunk)).filter((row): row is object => typeof row === 'object' && row !== null);
        await table.bulkPut(rows);
        records += rows.length;
      });
    }
  }
  const documents = await sealPlainDocuments(db);
  await db.meta.put({ key: SEALED_FLAG, value: true });
  return { records, documents };
}
