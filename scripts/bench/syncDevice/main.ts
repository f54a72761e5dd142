/**
 * The device side of `sync.upload.ratio` in Chromium (scripts/bench/sync.bench.ts): the app's own
 * storage and sync code in a page, with the browser's IndexedDB, WebCrypto and fetch, as the counter
 * app runs them. The database is encrypted at rest as on every device, so the upload opens each
 * sealed document before sending it. The page seeds the device, uploads the scans raw, syncs, and
 * posts the timings back.
 */
import { createCaseForTest } from '../../../renderer/src/db/createCaseForTest';
import { CounterDeskDb } from '../../../renderer/src/db/database';
import { DataKeyHolder } from '../../../renderer/src/db/dataKeyHolder';
import { addDocument } from '../../../renderer/src/db/documentStore';
import { syncOnce } from '../../../renderer/src/sync/syncClient';
import type { CaseRecord } from '../../../shared/schemas/case';

export interface SeedInput {
  /** The intake records, in the order the device's case counter will number them (1, 2, …). */
  records: CaseRecord[];
  stationCode: string;
  docsPerCase: number;
  docBytes: number;
}

export interface DeviceBenchInput extends SeedInput {
  serverUrl: string;
  rawUrl: string;
  token: string;
  headers: Record<string, string>;
  concurrency: number;
  /** Profile the page during the sync (JS Self-Profiling API) and POST the trace to `./profile`. */
  profile?: boolean;
}

export type DeviceBenchResult =
  | { seedMs: number; rawMs: number; syncMs: number; uploaded: number; pushed: number; phases: Record<string, number>; memory: MemoryCost }
  | { error: string };
/**
 * The documents' bytes as the scanner gave them: what the raw baseline uploads. Kept as bytes, not
 * Blobs: 600 MB of Blobs outgrow Chromium's blob storage, and the sync's whole uploads send bytes too.
 */
const scans: Uint8Array<ArrayBuffer>[] = [];

function randomScan(size: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size);
  // getRandomValues fills at most 64 KiB at a time.
  for (let offset = 0; offset < size; offset += 65_536) crypto.getRandomValues(bytes.subarray(offset, Math.min(size, offset + 65_536)));
  return bytes;
}

async function seed(input: SeedInput): Promise<CounterDeskDb> {
  const holder = new DataKeyHolder();
  holder.set(crypto.getRandomValues(new Uint8Array(32)));
  const db = new CounterDeskDb(`bench-sync-${Date.now()}`, { encryption: holder });
  for (const template of input.records) {
    // The bench's records carry their own numbers; the install is given the year's, as by the server.
    const record = await createCaseForTest(
      {
        stationCode: input.stationCode,
        rocYear: 115,
        build: (sequence) => {
          const built = input.records[sequence - 1];
          if (!built) throw new Error(`no record for sequence ${sequence}`);
          return built;
        },
      },
      db,
    );
    if (record.id !== template.id) throw new Error(`the device numbered ${template.caseNo} out of order`);
    for (let d = 0; d < input.docsPerCase; d += 1) {
      const scan = randomScan(input.docBytes);
      scans.push(scan);
      await addDocument(record.id, d === 0 ? '申請書' : '身分證影本', new Blob([scan], { type: 'application/pdf' }), { db });
    }
  }
  return db;
}

/** Every scan POSTed to the raw server with fetch, `concurrency` at a time, its bytes as the body. */
async function uploadRaw(url: string, concurrency: number): Promise<void> {
  const queue = scans.map((scan, index) => ({ scan, index }));
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let item = queue.shift(); item; item = queue.shift()) {
        const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/octet-stream', 'x-raw-name': String(item.index) }, body: item.scan.buffer });
        await response.arrayBuffer();
        if (response.status !== 204) throw new Error(`raw upload answered HTTP ${response.status}`);
      }
    }),
  );
}

/**
 * The JS Self-Profiling API (the page is served with `Document-Policy: js-profiling`): samples the
 * page's own JavaScript without a debugging connection, which would slow its uploads down.
 */
function startSelfProfiler(): { stop: () => Promise<unknown> } {
  const { Profiler } = globalThis as unknown as { Profiler?: new (options: { sampleInterval: number; maxBufferSize: number }) => { stop: () => Promise<unknown> } };
  if (!Profiler) throw new Error('this browser has no JS Self-Profiling API');
  return new Profiler({ sampleInterval: 1, maxBufferSize: 1_000_000 });
}

/** Milliseconds per MiB to write into memory new to the page and into memory already in use. */
export interface MemoryCost {
  freshMsPerMb: number;
  reusedMsPerMb: number;
}

/**
 * What this machine charges for new memory. The sync reads, opens and copies every scan a few times
 * more than the raw upload, each time into new buffers (IndexedDB, WebCrypto), so the gap between the
 * two grows with this cost: on a machine where first touching a page is slow, the ratio is lower.
 */
function measureMemoryCost(): MemoryCost {
  const size = 4 * 1024 * 1024;
  const rounds = 16;
  const reused = new Uint8Array(size).fill(1);
  let checksum = 0;
  let started = performance.now();
  for (let round = 0; round < rounds; round += 1) checksum += new Uint8Array(size).fill(round)[round] ?? 0;
  const freshMs = performance.now() - started;
  started = performance.now();
  for (let round = 0; round < rounds; round += 1) checksum += reused.fill(round)[round] ?? 0;
  const reusedMs = performance.now() - started;
  // Read, so that no engine may drop the writes as unused.
  if (checksum < 0) throw new Error('unreachable');
  const mb = (rounds * size) / (1024 * 1024);
  return { freshMsPerMb: freshMs / mb, reusedMsPerMb: reusedMs / mb };
}

/** Tells the bench a phase starts or ends, so that it can read the processes' CPU time (BENCH_CPU=1). */
async function mark(phase: string): Promise<void> {
  await fetch(`./mark?${phase}`, { method: 'POST' });
}

async function run(input: DeviceBenchInput): Promise<DeviceBenchResult> {
  let started = performance.now();
  const db = await seed(input);
  const seedMs = performance.now() - started;
  const memory = measureMemoryCost();
  await mark('raw');
  started = performance.now();
  await uploadRaw(input.rawUrl, input.concurrency);
  const rawMs = performance.now() - started;
  await mark('sync');
  started = performance.now();
  // When each phase of the run began, in ms from its start: uploads (with the push beside them), the
  // push's tail once the last document is confirmed, the pull.
  const phases: Record<string, number> = {};
  const profiler = input.profile ? startSelfProfiler() : undefined;
  const report = await syncOnce({
    db,
    serverUrl: input.serverUrl,
    token: input.token,
    headers: input.headers,
    uploadConcurrency: input.concurrency,
    requestTimeoutMs: 120_000,
    onProgress: (progress) => {
      phases[progress.phase] ??= performance.now() - started;
    },
  });
  const syncMs = performance.now() - started;
  if (profiler) await fetch('./profile', { method: 'POST', body: JSON.stringify(await profiler.stop()) });
  await mark('end');
  return { seedMs, rawMs, syncMs, uploaded: report.uploaded, pushed: report.pushed, phases, memory };
}

// The bench serves the input next to this page and waits for the result to be posted back: no
// debugging connection drives the browser while it measures.
void (async () => {
  const input = (await (await fetch('./input.json')).json()) as DeviceBenchInput;
  const result = await run(input).catch((error: unknown) => ({ error: error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error) }));
  await fetch('./result', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(result) });
})();
