import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { Upload } from '@tus/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { defaultServerConfig } from '../context/config';
import { createFileBlobStore } from '../documents/blobStore';
import { uploadsDirOf } from '../documents/uploadsDirOf';
import { HashingFileStore } from '../documents/hashingFileStore';
import { defaultNotificationConfig } from '../context/notificationConfig';
import { openTestDatabase } from '../testing/testDatabase';
import { cleanUpIncompleteUploads } from './uploadCleanup';

const DAY = 24 * 60 * 60 * 1000;
const now = new Date('2026-03-20T02:00:00Z');
const sha = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

describe('upload cleanup', () => {
  let documentsDir: string;
  let store: HashingFileStore;

  beforeEach(async () => {
    documentsDir = await mkdtemp(join(tmpdir(), 'counterdesk-cleanup-'));
    store = new HashingFileStore({ directory: uploadsDirOf(documentsDir) });
  });
  afterEach(() => rm(documentsDir, { recursive: true, force: true }));

  /** A tus upload of `size` bytes with `written` of them received, last touched `idleDays` before now. */
  async function upload(id: string, size: number, written: number, idleDays: number): Promise<void> {
    await store.create(new Upload({ id, size, offset: 0, metadata: { sha256: 'a'.repeat(64) } }));
    if (written > 0) await store.write(Readable.from([randomBytes(written)]), id, 0);
    const at = new Date(now.getTime() - idleDays * DAY);
    for (const name of [id, `${id}.json`]) await utimes(join(uploadsDirOf(documentsDir), name), at, at);
  }

  /** A verified blob, as a finished upload leaves it, dated long ago. */
  async function blob(): Promise<string> {
    const bytes = randomBytes(4096);
    const hash = sha(bytes);
    const source = join(documentsDir, 'finished-upload');
    await writeFile(source, bytes);
    await createFileBlobStore(join(documentsDir, 'blobs')).adoptVerifiedFile(hash, source);
    const old = new Date(now.getTime() - 400 * DAY);
    await utimes(join(documentsDir, 'blobs', hash.slice(0, 2), hash.slice(2)), old, old);
    return hash;
  }

  it('removes uploads idle past the limit and keeps recent ones and every verified blob', async () => {
    await upload('abandoned', 300_000, 120_000, 8);
    await upload('never-written', 300_000, 0, 30);
    await upload('resumed-yesterday', 300_000, 200_000, 1);
    await upload('started-today', 300_000, 10_000, 0);
    // An info file whose upload finished but whose deletion failed: its data file is already a blob.
    await writeFile(join(uploadsDirOf(documentsDir), 'finished.json'), '{}');
    const stale = new Date(now.getTime() - 10 * DAY);
    await utimes(join(uploadsDirOf(documentsDir), 'finished.json'), stale, stale);
    const kept = await blob();

    const result = await cleanUpIncompleteUploads(documentsDir, { now, maxAgeMs: 7 * DAY });

    expect(result.removed.sort()).toEqual(['abandoned', 'finished', 'never-written']);
    expect(result.kept).toBe(2);
    expect((await readdir(uploadsDirOf(documentsDir))).sort()).toEqual(['resumed-yesterday', 'resumed-yesterday.json', 'started-today', 'started-today.json']);
    // tus no longer knows the removed upload; the kept one resumes at its offset.
    await expect(store.getUpload('abandoned')).rejects.toBeDefined();
    expect((await store.getUpload('resumed-yesterday')).offset).toBe(200_000);
    expect(await createFileBlobStore(join(documentsDir, 'blobs')).sizeOf(kept)).toBe(4096);
  });

  it('judges an upload by its last PATCH, not by when it started', async () => {
    await upload('slow-field-laptop', 300_000, 100_000, 20);
    await store.write(Readable.from([randomBytes(50_000)]), 'slow-field-laptop', 100_000);
    // Written just now (real time), which is after `now` minus the limit.
    const result = await cleanUpIncompleteUploads(documentsDir, { now: new Date(), maxAgeMs: 7 * DAY });
    expect(result).toEqual({ removed: [], kept: 1 });
  });

  it('does nothing when no upload was ever made', async () => {
    expect(await cleanUpIncompleteUploads(join(documentsDir, 'elsewhere'), { now, maxAgeMs: 7 * DAY })).toEqual({ removed: [], kept: 0 });
  });

  it('runs as a background job of the server when jobs are on', { timeout: 120_000 }, async () => {
    await upload('abandoned', 300_000, 1_000, 9);
    const db = await openTestDatabase();
    const app = await buildApp({
      db,
      documentsDir,
      now: () => now,
      config: defaultServerConfig({ notifications: defaultNotificationConfig({ jobs: { enabled: true, sendIntervalMs: 60_000, deadlineWatchIntervalMs: 600_000 } }) }),
    });
    try {
      // Each job runs once as soon as the app is ready.
      await expect.poll(async () => readdir(uploadsDirOf(documentsDir)), { timeout: 10_000 }).toEqual([]);
    } finally {
      await app.close();
      await db.close();
    }
  });
});
