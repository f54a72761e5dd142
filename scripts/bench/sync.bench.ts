/**
 * `npm run bench -- sync`: the sync path at size.
 * - sync.upload.ratio: 1,000 cases with 2,000 documents (~600 MB) synced by the app's own code in
 *   headless Chromium (scripts/bench/syncDevice: IndexedDB on disk, encrypted at rest, WebCrypto,
 *   fetch), started as a plain process rather than driven over its debugging connection, to the
 *   central server in a process of its own; against the same page POSTing the same scans' bytes with
 *   fetch, as many at a time, to a raw server (Fastify writing each body to a file, also in its own
 *   process) in the same run. Ratio = raw time / sync time (1 = as fast as the raw upload); the median
 *   of BENCH_SYNC_REPS runs (default 3), each with a fresh device, server and profile.
 *   BENCH_CPU=1 prints each process's CPU time during the raw upload and the sync; BENCH_SYNC_PROFILE=1
 *   the page's own CPU profile of the sync (its JavaScript only, unminified). BENCH_SYNC_DOC_BYTES sets
 *   the scans' size: at a few kilobytes the run shows what the sync costs besides the bytes (the
 *   outbox, the push, the pull).
 * - sync.resume.ms: after a connection dropped mid-upload, from the retry's start to the upload
 *   continuing at the server's offset.
 * - server.push.*: 200 simulated devices (in a worker thread, off the server's event loop). p99 latency
 *   in a reconnect storm (each device pushes its backlog at a random moment of 10 s); throughput and the
 *   saturated p99 with every device pushing batch after batch at once, against a raw batched upsert of the same
 *   rows through the server's own `pg` pool (same concurrency) in the same run; then one device alone,
 *   for what a push costs without a queue ahead of it. On PostgreSQL when BENCH_DATABASE_URL or
 *   TEST_DATABASE_URL is set, else on PGlite (noted); the pool is the server's default size
 *   (BENCH_POOL_SIZE to try another).
 */
import 'fake-indexeddb/auto';
import { randomBytes, randomUUID } from 'node:crypto';
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer as createHttpServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../shared/sync/protocol';
import { DEFAULT_POOL_SIZE } from '../../server/src/db/database';
import { addDocument } from '../../renderer/src/db/documentStore';
import { signInResponseSchema } from '../../shared/schemas/auth';
import { DEVICE_ID_HEADER, DEVICE_SECRET_HEADER } from '../../shared/schemas/device';
import { demoDevice } from '../../server/src/db/seedDemo';
import { createServerHome } from '../../test/integration/support/serverProcess';
import { buildRecord, startWorld, type SimDevice, type World } from '../../test/integration/support/syncWorld';
import { startFaultProxy } from '../../test/integration/support/faultProxy';
import { resolveInside } from '../rendererServer';
import { printSelfProfile, type SelfProfileTrace } from './cpuProfile';
import type { DeviceBenchInput, DeviceBenchResult, MemoryCost } from './syncDevice/main';
import { median } from './median';
import type { BenchMeasurement } from './types';

const MB = 1024 * 1024;
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'];
const CASES = Number(process.env.BENCH_SYNC_CASES ?? 1_000);
const DOC_BYTES = Number(process.env.BENCH_SYNC_DOC_BYTES ?? 300 * 1024);
const CONCURRENCY = 4;
const DEVICES = 200;
const BATCHES = 5;
const BATCH_SIZE = 20;
/** Pushes of the lone device that measures what a push costs when nothing queues ahead of it. */
const ALONE_PUSHES = 40;
/**
 * The reconnect storm: after the bureau's network comes back, every one of the 200 devices pushes its
 * backlog (one batch) at a moment of its own within this window — the busiest minute devices make in a
 * working day, unlike the saturation run, where every device pushes again the moment it is answered.
 */
const STORM_WINDOW_MS = 10_000;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * p) - 1)] ?? 0;
}

/** The raw upload server in a child process (scripts/bench/rawUploadServer.ts). */
async function startRawUploadServer(dir: string): Promise<{ url: string; pid: number; close: () => void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'rawUploadServer.ts'), dir], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += String(chunk);
      const match = /listening (\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`the raw upload server exited with ${code}`)));
  });
  return { url, pid: child.pid ?? 0, close: () => void child.kill() };
}

const demoHeaders = { [DEVICE_ID_HEADER]: demoDevice.id, [DEVICE_SECRET_HEADER]: demoDevice.secret };

/** The demo clerk's session on the demo counter: the device headers and bearer token the sync sends. */
async function signInClerk(serverUrl: string): Promise<{ headers: Record<string, string>; token: string }> {
  const signIn = await fetch(new URL('/v1/auth/sign-in', serverUrl), {
    method: 'POST',
    headers: { ...demoHeaders, 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'clerk', password: 'clerk-demo-2026', deviceId: demoDevice.id }),
  });
  const { token } = signInResponseSchema.parse(await signIn.json());
  return { headers: demoHeaders, token };
}

/** Builds the device page (scripts/bench/syncDevice) with the app's own code, production mode (unminified: readable profiles). */
async function buildDevicePage(outDir: string): Promise<void> {
  const { build } = await import('vite');
  await build({ configFile: false, root: join(import.meta.dirname, 'syncDevice'), base: './', logLevel: 'warn', build: { outDir, emptyOutDir: true, target: 'chrome120', minify: false } });
}

/** The pids whose command line matches `pattern` (pgrep -f). */
function pgrepAll(pattern: string): number[] {
  try {
    return execFileSync('pgrep', ['-f', pattern], { encoding: 'utf8' }).split('\n').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** CPU time (user + system, ms) of each group of processes, printed between the page's marks. */
function cpuMeter(groups: Record<string, () => number[]>): { mark: (phase: string) => void } {
  const ticksOf = (pid: number) => {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      return Number(fields[11]) + Number(fields[12]);
    } catch {
      return 0;
    }
  };
  const read = () => Object.fromEntries(Object.entries(groups).map(([name, pids]) => [name, pids().reduce((sum, pid) => sum + ticksOf(pid), 0) * (1000 / 100)]));
  let last: { phase: string; at: number; cpu: Record<string, number> } | undefined;
  return {
    mark(phase) {
      const now = { phase, at: performance.now(), cpu: read() };
      if (last) console.log(`  CPU during ${last.phase} (${Math.round(now.at - last.at)} ms): ${Object.keys(groups).map((name) => `${name} ${Math.round((now.cpu[name] ?? 0) - (last?.cpu[name] ?? 0))} ms`).join(', ')}`);
      last = now;
    },
  };
}

/**
 * The device page's server: the built page, its input (`input.json`), and `POST /result`, where the
 * page reports its timings. No CSP, which would refuse the raw server.
 */
async function serveDevicePage(dir: string, input: DeviceBenchInput, onMark: (phase: string) => void): Promise<{ url: string; result: Promise<DeviceBenchResult>; close: () => void }> {
  const types: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.json': 'application/json' };
  let report: (result: DeviceBenchResult) => void = () => undefined;
  const result = new Promise<DeviceBenchResult>((resolve) => {
    report = resolve;
  });
  const server = createHttpServer((request, response) => {
    if (request.method === 'POST' && request.url === '/result') {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += String(chunk)));
      request.on('end', () => {
        response.writeHead(204).end();
        report(JSON.parse(body) as DeviceBenchResult);
      });
      return;
    }
    if (request.method === 'POST' && request.url === '/profile') {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += String(chunk)));
      request.on('end', () => {
        response.writeHead(204).end();
        printSelfProfile(JSON.parse(body) as SelfProfileTrace, 'the device page during the sync');
      });
      return;
    }
    if (request.method === 'POST' && request.url?.startsWith('/mark?')) {
      onMark(request.url.slice('/mark?'.length));
      return void response.writeHead(204).end();
    }
    if (request.url === '/') response.setHeader('document-policy', 'js-profiling');
    if (request.url === '/input.json') return void response.writeHead(200, { 'content-type': types['.json'] }).end(JSON.stringify(input));
    const path = resolveInside(dir, request.url === '/' ? '/index.html' : (request.url ?? '/'));
    readFile(path ?? dir)
      .then((body) => response.writeHead(200, { 'content-type': types[extname(path ?? '')] ?? 'application/octet-stream' }).end(body))
      .catch(() => response.writeHead(404).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the device page server has no port');
  return { url: `http://127.0.0.1:${address.port}/`, result, close: () => void server.close() };
}

/** How many times the upload bench runs (a fresh device each time); the figure is the median. */
const UPLOAD_REPS = Number(process.env.BENCH_SYNC_REPS ?? 3);

/**
 * sync.upload.ratio: the device in Chromium, as the app runs: its IndexedDB (on disk, in a profile
 * of its own), WebCrypto, fetch. Chromium is started as a plain process, not driven over its
 * debugging connection, which slows uploads of in-memory bodies many times over (docs/BENCHMARKS.md
 * § Sync upload).
 */
async function uploadRatioInChromium(): Promise<BenchMeasurement[]> {
  const pageDir = await mkdtemp(join(tmpdir(), 'counterdesk-bench-device-'));
  const runs: Array<{ syncMs: number; rawMs: number; memory: MemoryCost }> = [];
  try {
    await buildDevicePage(pageDir);
    for (let rep = 0; rep < UPLOAD_REPS; rep += 1) runs.push(await uploadRunInChromium(pageDir));
  } finally {
    await rm(pageDir, { recursive: true, force: true });
  }
  const totalMb = (CASES * 2 * DOC_BYTES) / MB;
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
      note: `${CASES} cases, ${CASES * 2} documents, ${totalMb.toFixed(0)} MB, ${UPLOAD_REPS} runs (ratios ${runs.map((run) => (run.rawMs / run.syncMs).toFixed(2)).join(', ')}); device in headless Chromium (IndexedDB on disk, encrypted at rest, WebCrypto, fetch): full sync (open the sealed scans, upload them packed in bundles of up to 4 MiB, push, pull) vs the same page POSTing each scan's bytes with fetch, ${CONCURRENCY} at a time; central server and raw server each in a process of their own; ${database}; writing new memory in the page ${freshMemory.toFixed(2)} ms/MiB, memory in use ${reusedMemory.toFixed(2)}`,
    },
  ];
}

/** One run of the upload bench (the device page built in `pageDir`): a fresh server, raw server, profile and device. */
async function uploadRunInChromium(pageDir: string): Promise<{ syncMs: number; rawMs: number; memory: MemoryCost }> {
  const home = await createServerHome();
  const work = await mkdtemp(join(tmpdir(), 'counterdesk-bench-sync-'));
  const opened: Array<{ close: () => void }> = [];
  let cpu: ReturnType<typeof cpuMeter> | undefined;
  try {
    await mkdir(join(work, 'raw'));
    const server = await home.start();
    const raw = await startRawUploadServer(join(work, 'raw'));
    opened.push(raw);
    const { headers, token } = await signInClerk(server.url);
    const records = Array.from({ length: CASES }, (_, index) => buildRecord(demoDevice.stationCode, index + 1));
    const devicePage = await serveDevicePage(pageDir, {
      records,
      stationCode: demoDevice.stationCode,
      docsPerCase: 2,
      docBytes: DOC_BYTES,
      serverUrl: server.url,
      rawUrl: `${raw.url}/raw`,
      token,
      headers,
      concurrency: CONCURRENCY,
      profile: Boolean(process.env.BENCH_SYNC_PROFILE),
    }, (phase) => cpu?.mark(phase));
    opened.push(devicePage);
    const browser = spawn(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', ['--headless=new', ...CHROMIUM_ARGS, `--user-data-dir=${join(work, 'profile')}`, devicePage.url], { stdio: 'ignore' });
    const chromiumOf = (type: string) => () =>
      pgrepAll(`user-data-dir=${join(work, 'profile')}`).filter((pid) => {
        try {
          return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(type);
        } catch {
          return false;
        }
      });
    if (process.env.BENCH_CPU) {
      cpu = cpuMeter({
        'chromium page': chromiumOf('--type=renderer'),
        'chromium services': chromiumOf('--type=utility'),
        'chromium all': () => pgrepAll(`user-data-dir=${join(work, 'profile')}`),
        server: () => [server.child.pid ?? 0],
        'raw server': () => [raw.pid],
        postgres: () => pgrepAll('^postgres'),
      });
    }
    opened.push({ close: () => void browser.kill() });
    const result = await Promise.race([
      devicePage.result,
      new Promise<never>((_, reject) => browser.once('exit', (code) => reject(new Error(`Chromium exited with ${code} before the device page reported`)))),
    ]);
    if ('error' in result) throw new Error(`the device page failed: ${result.error}`);
    if (result.uploaded !== CASES * 2) throw new Error(`uploaded ${result.uploaded} of ${CASES * 2}`);
    console.log(`  device seeded ${CASES} cases and ${CASES * 2} encrypted documents in ${(result.seedMs / 1000).toFixed(1)} s; new memory ${result.memory.freshMsPerMb.toFixed(2)} ms/MiB (in use ${result.memory.reusedMsPerMb.toFixed(2)}); raw ${(result.rawMs / 1000).toFixed(1)} s, sync ${(result.syncMs / 1000).toFixed(1)} s (${Object.entries(result.phases).map(([phase, ms]) => `${phase} from ${(ms / 1000).toFixed(1)} s`).join(', ')})`);
    return { syncMs: result.syncMs, rawMs: result.rawMs, memory: result.memory };
  } finally {
    for (const item of opened.reverse()) item.close();
    await home.dispose();
    await rm(work, { recursive: true, force: true });
  }
}

async function resumeTime(): Promise<BenchMeasurement[]> {
  const world = await startWorld();
  const proxy = await startFaultProxy({ target: world.url, seed: 3, rate: 0 });
  const samples: number[] = [];
  try {
    for (let run = 0; run < 5; run += 1) {
      const device = await world.addDevice({ direct: true, serverUrl: proxy.url });
      const record = await device.createCase();
      await addDocument(record.id, '建物登記謄本', new Blob([randomBytes(32 * MB)]), { db: device.db });
      proxy.rate = 1;
      proxy.kinds = ['cut-upload'];
      await device.sync({ chunkSize: 16 * MB }).catch(() => undefined);
      proxy.rate = 0;
      let resumedAt = 0;
      proxy.onRequest = (method) => {
        if (method === 'PATCH' && resumedAt === 0) resumedAt = performance.now();
      };
      const start = performance.now();
      await device.sync({ chunkSize: 16 * MB });
      proxy.onRequest = undefined;
      samples.push(resumedAt - start);
    }
  } finally {
    await proxy.close();
    await world.close();
  }
  return [{ metric: 'sync.resume.ms', unit: 'ms', samples, note: 'retry start → first byte sent from the server offset (check + HEAD + PATCH)' }];
}

/**
 * The simulated devices run in a worker thread, so that building requests and parsing answers for 200
 * devices does not take the server's event loop. Each device sends its pushes one after another, all
 * devices at once; the worker answers with each push's latency and the wall time of the whole run.
 */
const pushWorkerSource = `
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  const latencies = [];
  const start = performance.now();
  await Promise.all(workerData.devices.map(async (device) => {
    if (device.startAfterMs) await new Promise((resolve) => setTimeout(resolve, device.startAfterMs));
    for (const body of device.bodies) {
      const t = performance.now();
      const response = await fetch(new URL('/v1/sync/push', workerData.url), { method: 'POST', headers: device.headers, body });
      const answer = await response.json();
      if (response.status !== 200 || !Array.isArray(answer.results) || answer.results.some((r) => r.status !== 'applied')) {
        throw new Error('push failed: HTTP ' + response.status + ' ' + JSON.stringify(answer).slice(0, 300));
      }
      latencies.push(performance.now() - t);
    }
  }));
  parentPort.postMessage({ latencies, seconds: (performance.now() - start) / 1000 });
})().catch((error) => { throw error; });
`;

function pushFromWorker(url: string, devices: Array<{ headers: Record<string, string>; bodies: string[]; startAfterMs?: number }>): Promise<{ latencies: number[]; seconds: number }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(pushWorkerSource, { eval: true, workerData: { url, devices } });
    worker.once('message', (message: { latencies: number[]; seconds: number }) => {
      resolve(message);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`push worker exited with ${code}`));
    });
  });
}

async function pushThroughput(): Promise<BenchMeasurement[]> {
  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (url) process.env.TEST_DATABASE_URL = url;
  // The server's production pool, not the small one of test files (BENCH_POOL_SIZE to try others).
  const poolSize = Number(process.env.BENCH_POOL_SIZE) || DEFAULT_POOL_SIZE;
  process.env.TEST_DATABASE_POOL_SIZE = String(poolSize);
  let world: World | undefined;
  try {
    world = await startWorld();
    const devices: SimDevice[] = [];
    for (let i = 0; i < DEVICES + 1; i += 1) devices.push(await world.addDevice({ direct: true }));
    /** `count` pushes from a new client install; case sequences start after `firstBatch` batches' worth. */
    const bodiesOf = (device: SimDevice, count: number, firstBatch = 0) => {
      const clientId = randomUUID();
      let id = 0;
      return Array.from({ length: count }, (_, batch) => ({
        protocolVersion: PROTOCOL_VERSION,
        clientId,
        mutations: Array.from({ length: BATCH_SIZE }, (_, k) => ({
          id: ++id,
          name: 'createCase',
          args: { case: buildRecord(device.stationCode, (firstBatch + batch) * BATCH_SIZE + k + 1) },
          createdAt: new Date().toISOString(),
        })),
      }));
    };
    const headersOf = (device: SimDevice) => ({
      ...device.headers,
      authorization: `Bearer ${device.token}`,
      [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
      'content-type': 'application/json',
    });
    const lone = devices.pop();
    if (!lone) throw new Error('no device for the lone pushes');
    const bodies = devices.map((device) => bodiesOf(device, BATCHES));
    const { latencies, seconds: pushSeconds } = await pushFromWorker(
      world.url,
      devices.map((device, index) => ({ headers: headersOf(device), bodies: (bodies[index] ?? []).map((body) => JSON.stringify(body)) })),
    );
    const mutations = DEVICES * BATCHES * BATCH_SIZE;
    // The storm: each device (a new client id, so a fresh mutation sequence) pushes one batch at a
    // random moment of the window; latency is then the push's own cost plus what really overlaps it.
    const storm = await pushFromWorker(
      world.url,
      devices.map((device) => ({
        headers: headersOf(device),
        bodies: bodiesOf(device, 1, BATCHES).map((body) => JSON.stringify(body)),
        startAfterMs: Math.random() * STORM_WINDOW_MS,
      })),
    );
    // The same pushes from one device with nothing else running: what a push itself costs. The burst's
    // p99 above is this plus the wait behind the pushes that arrived at the same moment.
    const alone = await pushFromWorker(world.url, [{ headers: headersOf(lone), bodies: bodiesOf(lone, ALONE_PUSHES).map((body) => JSON.stringify(body)) }]);

    // The baseline: the same rows upserted in the same batches, straight through pg (or PGlite).
    const rows = bodies.flat().map((body) => body.mutations.map((mutation) => ({ ...mutation.args.case, id: randomUUID(), caseNo: `${mutation.args.case.caseNo}R` })));
    const upsert = `INSERT INTO cases (id, case_no, verifier, service_id, channel, applicant, checklist, status, received_on, received_at, due_date, station_code, created_by, synced_at, updated_at)
      SELECT r.id, r.case_no, r.verifier, r.service_id, r.channel, r.applicant, r.checklist, r.status, r.received_on, r.received_at, r.due_date, r.station_code, r.created_by, now(), now()
        FROM jsonb_to_recordset($1::jsonb) AS r (id uuid, case_no text, verifier text, service_id text, channel text, applicant jsonb, checklist jsonb, status text, received_on date, received_at timestamptz, due_date date, station_code text, created_by text)
      ON CONFLICT (id) DO UPDATE SET updated_at = excluded.updated_at`;
    const asRows = (batch: (typeof rows)[number]) =>
      JSON.stringify(batch.map((r) => ({ id: r.id, case_no: r.caseNo, verifier: r.verifier, service_id: r.serviceId, channel: r.channel, applicant: r.applicant, checklist: r.checklist, status: r.status, received_on: r.receivedOn, received_at: r.receivedAt, due_date: r.dueDate, station_code: r.stationCode, created_by: r.createdBy })));
    const db = world.db;
    const rawStart = performance.now();
    const queue = [...rows];
    await Promise.all(
      Array.from({ length: DEVICES }, async () => {
        for (let batch = queue.shift(); batch; batch = queue.shift()) await db.query(upsert, [asRows(batch)]);
      }),
    );
    const rawSeconds = (performance.now() - rawStart) / 1000;
    const database = db.kind === 'postgres' ? `PostgreSQL, pool ${poolSize}` : 'PGlite (set TEST_DATABASE_URL for PostgreSQL)';
    const note = `${DEVICES} devices × ${BATCHES} pushes × ${BATCH_SIZE} createCase, all devices at once, each push right after the last, on ${database}`;
    return [
      { metric: 'server.push.mutations_per_s', unit: 'mutations/s', samples: [mutations / pushSeconds], note },
      { metric: 'server.push.ratio', unit: 'mutations/s', samples: [mutations / pushSeconds], baseline: [mutations / rawSeconds], note: `${note}; baseline: raw batched upsert of the same rows with pg` },
      {
        metric: 'server.push.p99_ms',
        unit: 'ms',
        samples: [percentile(storm.latencies, 0.99)],
        target: '≤ 250',
        note: `reconnect storm: ${DEVICES} devices each push a backlog of ${BATCH_SIZE} createCase at a random moment of ${STORM_WINDOW_MS / 1000} s, on ${database}; request → answer (p50 ${percentile(storm.latencies, 0.5).toFixed(0)} ms)`,
      },
      {
        metric: 'server.push.burst_p99_ms',
        unit: 'ms',
        samples: [percentile(latencies, 0.99)],
        note: `${note}; request → answer at saturation: with ${DEVICES} pushes always in flight this is the queue (${DEVICES} ÷ pushes per second), not a push's cost (p50 ${percentile(latencies, 0.5).toFixed(0)} ms)`,
      },
      {
        metric: 'server.push.alone_p99_ms',
        unit: 'ms',
        samples: [percentile(alone.latencies, 0.99)],
        note: `one device, ${ALONE_PUSHES} pushes × ${BATCH_SIZE} createCase one after another, nothing else pushing, on ${database} (p50 ${percentile(alone.latencies, 0.5).toFixed(0)} ms)`,
      },
    ];
  } finally {
    await world?.close();
  }
}

/** BENCH_SYNC_PARTS=upload,resume,push (default: all) runs some parts only, e.g. while tuning one. */
export async function run(): Promise<BenchMeasurement[]> {
  const parts = new Set((process.env.BENCH_SYNC_PARTS ?? 'upload,resume,push').split(','));
  return [
    ...(parts.has('upload') ? await uploadRatioInChromium() : []),
    ...(parts.has('resume') ? await resumeTime() : []),
    ...(parts.has('push') ? await pushThroughput() : []),
  ];
}

