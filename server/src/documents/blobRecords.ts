/**
 * The `document_blobs` table: which SHA-256s the blob store holds verified bytes for. A row is written
 * only after the bytes are in place under their hash, so a row always has its bytes.
 */
import type { Queryable } from '../db/database';
import { unnestRows } from '../db/unnestRows';

export async function findBlob(db: Queryable, sha256: string): Promise<{ size: number } | undefined> {
  const { rows } = await db.query<{ size: number }>('SELECT size FROM document_blobs WHERE sha256 = $1', [sha256]);
  return rows[0];
}

/** The sizes of the blobs the store holds among these hashes, by hash. */
export async function findBlobs(db: Queryable, sha256s: readonly string[]): Promise<Map<string, number>> {
  const unique = [...new Set(sha256s)];
  if (unique.length === 0) return new Map();
  const { rows } = await db.query<{ sha256: string; size: number }>('SELECT sha256, size FROM document_blobs WHERE sha256 = ANY($1::text[])', [unique]);
  return new Map(rows.map((row) => [row.sha256, Number(row.size)]));
}

/** Records blobs now in the store, all in one statement (a bundle's documents arrive together). */
export async function recordBlobs(db: Queryable, input: { blobs: ReadonlyArray<{ sha256: string; size: number }>; deviceId: string | undefined; now: Date }): Promise<void> {
  if (input.blobs.length === 0) return;
  const blobs = unnestRows('blob', { sha256: 'text', size: 'bigint' }, input.blobs.map(({ sha256, size }) => ({ sha256, size })), { firstParameter: 3 });
  await db.query(
    `INSERT INTO document_blobs (sha256, size, uploaded_by, created_at)
     SELECT sha256, size, $1, $2 FROM ${blobs.from}
     ON CONFLICT (sha256) DO NOTHING`,
    [input.deviceId ?? null, input.now, ...blobs.parameters],
  );
}
