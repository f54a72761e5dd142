import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { Upload } from '@tus/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HashingFileStore } from './hashingFileStore';

const sha = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** A body that sends `bytes` and then fails, as a connection cut mid-PATCH does. */
function cutAfter(bytes: Buffer): Readable {
  let sent = false;
  return new Readable({
    read() {
      if (!sent) {
        sent = true;
        this.push(bytes);
      } else {
        this.destroy(new Error('connection reset'));
      }
    },
  });
}

describe('HashingFileStore', () => {
  let dir: string;
  let store: HashingFileStore;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'counterdesk-tus-'));
    store = new HashingFileStore({ directory: dir });
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const start = async (id: string, size: number) => store.create(new Upload({ id, size, offset: 0 }));

  it('digests the bytes of PATCHes that arrive in order, without reading the file', async () => {
    const bytes = randomBytes(3 * 1024 * 1024 + 17);
    await start('in-order', bytes.length);
    let offset = 0;
    for (const end of [1024 * 1024, 2 * 1024 * 1024 + 5, bytes.length]) {
      offset = await store.write(Readable.from([bytes.subarray(offset, end)]), 'in-order', offset);
    }
    expect(offset).toBe(bytes.length);
    expect(store.digestIfComplete('in-order', bytes.length)).toBe(sha(bytes));
    expect(sha(await readFile(join(dir, 'in-order')))).toBe(sha(bytes));
    // Consumed: a second ask (or an unknown upload) has nothing to give.
    expect(store.digestIfComplete('in-order', bytes.length)).toBeUndefined();
  });

  it('gives no digest when the running hash does not cover the whole upload', async () => {
    const bytes = randomBytes(64 * 1024);
    await start('short', bytes.length);
    await store.write(Readable.from([bytes.subarray(0, 1000)]), 'short', 0);
    expect(store.digestIfComplete('short', bytes.length)).toBeUndefined();
  });

  it('drops the running hash after a failed PATCH, so the caller hashes the file instead', async () => {
    const bytes = randomBytes(256 * 1024);
    await start('cut', bytes.length);
    const first = await store.write(Readable.from([bytes.subarray(0, 1000)]), 'cut', 0);
    await expect(store.write(cutAfter(bytes.subarray(first, 50_000)), 'cut', first)).rejects.toBeDefined();
    const resumedAt = (await store.getUpload('cut')).offset;
    const end = await store.write(Readable.from([bytes.subarray(resumedAt)]), 'cut', resumedAt);
    expect(end).toBe(bytes.length);
    expect(store.digestIfComplete('cut', bytes.length)).toBeUndefined();
    expect(sha(await readFile(join(dir, 'cut')))).toBe(sha(bytes));
  });
});
