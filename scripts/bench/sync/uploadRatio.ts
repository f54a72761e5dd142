import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median } from '../support/median';
import type { BenchMeasurement } from '../support/types';
import { buildDevicePage } from './devicePage';
import { uploadRun, type UploadRun, type UploadSize } from './uploadRun';

const MB = 1024 * 1024;
const SIZE: UploadSize = { cases: Number(process.env.BENCH_SYNC_CASES ?? 1_000), docBytes: Number(process.env.BENCH_SYNC_DOC_BYTES ?? 300 * 1024), concurrency: 4 };
/** How many times the upload bench runs (a fresh device each time); the figure is the median. */
const UPLOAD_REPS = Number(process.env.BENCH_SYNC_REPS ?? 3);

/**
 * sync.upload.ratio: the device in Chromium, as the app runs: its IndexedDB (on disk, in a profile
 * of its own), WebCrypto, fetch. Chromium is started as a plain process, not driven over its
 * debugging connection, which slows uploads of in-memory bodies many times over (docs/BENCHMARKS.md
 * § Sync upload).
 */
export async function uploadRatioInChromium(): Promise<BenchMeasurement[]> {
  const pageDir = await mkdtemp(join(tmpdir(), 'counterdesk-bench-device-'));
  const runs: UploadRun[] = [];
  try {
    await buildDevicePage(pageDir);
    for (let rep = 0; rep < UPLOAD_REPS; rep += 1) runs.push(await uploadRun(pageDir, SIZE));
  } finally {
    await rm(pageDir, { recursive: true, force: true });
  }
  const totalMb = (SIZE.cases * 2 * SIZE.docBytes) / MB;
  const freshMemory = median(runs.map((run) => run.memory.freshMsPerMb));
  const reusedMemory = median(runs.map((run) => run.memory.reusedMsPerMb));
  const database = (process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL) ? 'PostgreSQL' : 'PGlite (set TEST_DATABASE_URL for PostgreSQL)';
  return [
    {
      metric: 'sync.upload.ratio',
      unit: 's',
      samples: runs.map((run) => run.syncMs / 1000),
      baseline: runs.map((run) => run.rawMs / 1000),
      ratio: 'baseline/value',
      target: '≥ 0.7',
      note: `${SIZE.cases} cases, ${SIZE.cases * 2} documents, ${totalMb.toFixed(0)} MB, ${UPLOAD_REPS} runs (ratios ${runs.map((run) => (run.rawMs / run.syncMs).toFixed(2)).join(', ')}); device in headless Chromium (IndexedDB on disk, encrypted at rest, WebCrypto, fetch): full sync (open the sealed scans, upload them packed in bundles of up to 4 MiB, push, pull) vs the same page POSTing each scan's bytes with fetch, ${SIZE.concurrency} at a time; central server and raw server each in a process of their own; ${database}; writing new memory in the page ${freshMemory.toFixed(2)} ms/MiB, memory in use ${reusedMemory.toFixed(2)}`,
    },
  ];
}
