/**
 * A tus FileStore that hashes the bytes as they stream to disk, so that finishing an upload does not
 * read the whole file back to check its SHA-256.
 *
 * Invariant: `digestIfComplete(id, size)` returns a digest only when every byte 0..size of the file
 * went through the running hash, in order, by PATCHes that completed. A PATCH that fails (a dropped
 * connection, a server restart, which loses the map) may have written bytes the hash did not count,
 * so its running hash is dropped and the caller falls back to hashing the file. A PATCH at an offset
 * other than the one the running hash reached (resumed after a failure) does the same.
 */
import { createHash, type Hash } from 'node:crypto';
import { Transform, pipeline } from 'node:stream';
import type { Readable } from 'node:stream';
import { FileStore } from '@tus/file-store';

/** Running hashes kept at most; beyond it (abandoned uploads) they are dropped and files rehashed. */
const MAX_RUNNING = 10_000;

export class HashingFileStore extends FileStore {
  private readonly running = new Map<string, { hash: Hash; offset: number }>();

  override async write(readable: Readable, id: string, offset: number): Promise<number> {
    const state = this.running.get(id);
    this.running.delete(id);
    const hash = offset === 0 ? createHash('sha256') : state && state.offset === offset ? state.hash : undefined;
    if (!hash) return super.write(readable, id, offset);
    const hashing = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        hash.update(chunk);
        callback(null, chunk);
      },
    });
    // pipeline (not pipe) so that the client aborting destroys `hashing` and the write fails too.
    const newOffset = await super.write(pipeline(readable, hashing, () => undefined), id, offset);
    if (this.running.size >= MAX_RUNNING) this.running.clear();
    this.running.set(id, { hash, offset: newOffset });
    return newOffset;
  }

  /** The SHA-256 of the upload's bytes when the running hash covers exactly `size` of them. */
  digestIfComplete(id: string, size: number): string | undefined {
    const state = this.running.get(id);
    this.running.delete(id);
    return state && state.offset === size ? state.hash.digest('hex') : undefined;
  }
}
