/**
 * `npm run bench -- sync`: the sync path at size.
 * - sync.upload.ratio (sync/uploadRatio.ts): 1,000 cases with 2,000 documents (~600 MB) synced by the
 *   app's own code in headless Chromium (scripts/bench/syncDevice: IndexedDB on disk, encrypted at
 *   rest, WebCrypto, fetch), started as a plain process rather than driven over its debugging
 *   connection, to the central server in a process of its own; against the same page POSTing the same
 *   scans' bytes with fetch, as many at a time, to a raw server (Fastify writing each body to a file,
 *   also in its own process) in the same run. Ratio = raw time / sync time (1 = as fast as the raw
 *   upload); the median of BENCH_SYNC_REPS runs (default 3), each with a fresh device, server and
 *   profile. BENCH_CPU=1 prints each process's CPU time during the raw upload and the sync;
 *   BENCH_SYNC_PROFILE=1 the page's own CPU profile of the sync (its JavaScript only, unminified).
 *   BENCH_SYNC_DOC_BYTES sets the scans' size: at a few kilobytes the run shows what the sync costs
 *   besides the bytes (the outbox, the push, the pull).
 * - sync.resume.ms (sync/resumeTime.ts): after a connection dropped mid-upload, from the retry's start
 *   to the upload continuing at the server's offset.
 * - server.push.* (sync/pushThroughput.ts): 200 simulated devices (in a worker thread, off the server's
 *   event loop). p99 latency in a reconnect storm (each device pushes its backlog at a random moment of
 *   10 s); throughput and the saturated p99 with every device pushing batch after batch at once,
 *   against a raw batched upsert of the same rows through the server's own `pg` pool (same
 *   concurrency) in the same run; then one device alone, for what a push costs without a queue ahead
 *   of it. On PostgreSQL when BENCH_DATABASE_URL or TEST_DATABASE_URL is set, else on PGlite (noted);
 *   the pool is the server's default size (BENCH_POOL_SIZE to try another).
 */
// First: Dexie takes the IndexedDB it finds when it loads, and the simulated devices of the resume and
// push benches keep their databases in Node.
import 'fake-indexeddb/auto';
import type { BenchMeasurement } from './support/types';
import { pushThroughput } from './sync/pushThroughput';
import { resumeTime } from './sync/resumeTime';
import { uploadRatioInChromium } from './sync/uploadRatio';

/** BENCH_SYNC_PARTS=upload,resume,push (default: all) runs some parts only, e.g. while tuning one. */
export async function run(): Promise<BenchMeasurement[]> {
  const parts = new Set((process.env.BENCH_SYNC_PARTS ?? 'upload,resume,push').split(','));
  return [
    ...(parts.has('upload') ? await uploadRatioInChromium() : []),
    ...(parts.has('resume') ? await resumeTime() : []),
    ...(parts.has('push') ? await pushThroughput() : []),
  ];
}
