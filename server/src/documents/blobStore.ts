/**
 * Content-addressed storage of document bytes. A blob is stored under its SHA-256 and only ever
 * written by moving in a file whose hash was verified, so the bytes under a name always hash to it.
 * The filesystem implementation keeps `root/ab/cdef…` (the first two hex digits as a folder, so no
 * folder grows past a few thousand entries); an S3-compatible store can implement the same interface.
 */
import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';

export interface BlobStore {
  /** The stored size, or undefined when the store does not hold this hash. */
  sizeOf(sha256: string): Promise<number | undefined>;
  /** Moves a file whose bytes hash to `sha256` into the store; the source is gone afterwards. */
  adoptVerifiedFile(sha256: string, sourcePath: string): Promise<void>;
  read(sha256: string): Readable;
}

const shaPattern = /^[0-9a-f]{64}$/;

export function createFileBlobStore(root: string): BlobStore {
  const pathOf = (sha256: string): string => {
    // The hash becomes a path: anything but 64 hex digits could walk out of the store.
    if (!shaPattern.test(sha256)) throw new Error(`not a SHA-256: ${sha256.slice(0, 80)}`);
    return join(root, sha256.slice(0, 2), sha256.slice(2));
  };
  return {
    async sizeOf(sha256) {
      try {
        return (await stat(pathOf(sha256))).size;
      } catch {
        return undefined;
      }
    },
    async adoptVerifiedFile(sha256, sourcePath) {
      const target = pathOf(sha256);
      // rename is atomic on one filesystem: a reader sees no file or the whole file. Bytes already
      // there under this name are the same bytes (same hash), so replacing them is harmless. The
      // fan-out folder is made only when the rename says it is missing: once per folder, not per file.
      const adopt = () => rename(sourcePath, target);
      await adopt()
        .catch(async (error: unknown) => {
          if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
          await mkdir(join(root, sha256.slice(0, 2)), { recursive: true });
          await adopt();
        })
        .catch(async (error: unknown) => {
          await rm(sourcePath, { force: true });
          throw error;
        });
    },
    read(sha256) {
      return createReadStream(pathOf(sha256));
    },
  };
}
