/**
 * A document sent whole in one request (`POST /v1/documents` with its SHA-256 as `Content-Digest`, up to
 * WHOLE_UPLOAD_MAX_BYTES).
 *
 * Invariants:
 * - The bytes go to a file of their own in the upload folder (`whole-<uuid>`) and are hashed as they
 *   stream there; nothing reads them back. The file is moved into the blob store only when every
 *   declared byte arrived and they hash to the SHA-256 they were sent with, so the blob store still
 *   holds nothing but verified bytes.
 * - Any failure (a short body, a dropped connection, a mismatch, a full disk) removes the file; one left
 *   by a crash is removed by the upload cleanup job like an abandoned tus upload.
 * - Sending the same bytes again is harmless: they move over identical bytes under the same name.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export type WholeUploadResult = { ok: true; path: string } | { ok: false; reason: 'short' | 'mismatch'; actual?: string; received: number };

/**
 * Streams `body` into a new file in `uploadsDir`. On success the caller owns the file at `path` (and
 * moves it into the blob store); otherwise the file is already gone.
 */
export async function receiveWholeDocument(body: Readable, options: { uploadsDir: string; sha256: string; size: number }): Promise<WholeUploadResult> {
  const path = join(options.uploadsDir, `whole-${randomUUID()}`);
  const hash = createHash('sha256');
  let received = 0;
  const hashing = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      received += chunk.length;
      // More than declared: stop reading rather than fill the disk with what no address can match.
      if (received > options.size) return callback(new Error(`more than the declared ${options.size} bytes`));
      hash.update(chunk);
      callback(null, chunk);
    },
  });
  try {
    await pipeline(body, hashing, createWriteStream(path));
  } catch (error) {
    await rm(path, { force: true });
    throw error;
  }
  if (received !== options.size) {
    await rm(path, { force: true });
    return { ok: false, reason: 'short', received };
  }
  const actual = hash.digest('hex');
  if (actual !== options.sha256) {
    await rm(path, { force: true });
    return { ok: false, reason: 'mismatch', actual, received };
  }
  return { ok: true, path };
}
