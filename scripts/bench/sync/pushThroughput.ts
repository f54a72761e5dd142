import { DEFAULT_POOL_SIZE } from '../../../server/src/db/database';
import { startWorld, type SimDevice, type World } from '../../../test/integration/support/syncWorld';
import { percentile } from '../support/percentile';
import type { BenchMeasurement } from '../support/types';
import { BATCH_SIZE, pushBodies, pushHeaders } from './pushBodies';
import { pushFromWorker } from './pushFromWorker';
import { rawUpsertSeconds } from './rawUpsertSeconds';

const DEVICES = 200;
const BATCHES = 5;
/** Pushes of the lone device that measures what a push costs when nothing queues ahead of it. */
const ALONE_PUSHES = 40;
/**
 * The reconnect storm: after the bureau's network comes back, every one of the 200 devices pushes its
 * backlog (one batch) at a moment of its own within this window — the busiest minute devices make in a
 * working day, unlike the saturation run, where every device pushes again the moment it is answered.
 */
const STORM_WINDOW_MS = 10_000;

interface PushFigures {
  database: string;
  /** Every device pushing batch after batch at once. */
  saturated: { latencies: number[]; seconds: number };
  rawSeconds: number;
  storm: { latencies: number[] };
  alone: { latencies: number[] };
}

function pushRows({ database, saturated, rawSeconds, storm, alone }: PushFigures): BenchMeasurement[] {
  const mutations = DEVICES * BATCHES * BATCH_SIZE;
  const note = `${DEVICES} devices × ${BATCHES} pushes × ${BATCH_SIZE} createCase, all devices at once, each push right after the last, on ${database}`;
  return [
    { metric: 'server.push.mutations_per_s', unit: 'mutations/s', samples: [mutations / saturated.seconds], note },
    { metric: 'server.push.ratio', unit: 'mutations/s', samples: [mutations / saturated.seconds], baseline: [mutations / rawSeconds], note: `${note}; baseline: raw batched upsert of the same rows with pg` },
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
      samples: [percentile(saturated.latencies, 0.99)],
      note: `${note}; request → answer at saturation: with ${DEVICES} pushes always in flight this is the queue (${DEVICES} ÷ pushes per second), not a push's cost (p50 ${percentile(saturated.latencies, 0.5).toFixed(0)} ms)`,
    },
    {
      metric: 'server.push.alone_p99_ms',
      unit: 'ms',
      samples: [percentile(alone.latencies, 0.99)],
      note: `one device, ${ALONE_PUSHES} pushes × ${BATCH_SIZE} createCase one after another, nothing else pushing, on ${database} (p50 ${percentile(alone.latencies, 0.5).toFixed(0)} ms)`,
    },
  ];
}

/** `world`'s devices pushing at saturation, in a reconnect storm and one alone, then the raw upsert of the same rows. */
async function measurePushes(world: World, poolSize: number): Promise<PushFigures> {
  const devices: SimDevice[] = [];
  for (let i = 0; i < DEVICES + 1; i += 1) devices.push(await world.addDevice({ direct: true }));
  const lone = devices.pop();
  if (!lone) throw new Error('no device for the lone pushes');
  const bodies = devices.map((device) => pushBodies(device, BATCHES));
  const saturated = await pushFromWorker(
    world.url,
    devices.map((device, index) => ({ headers: pushHeaders(device), bodies: (bodies[index] ?? []).map((body) => JSON.stringify(body)) })),
  );
  // The storm: each device (a new client id, so a fresh mutation sequence) pushes one batch at a
  // random moment of the window; latency is then the push's own cost plus what really overlaps it.
  const storm = await pushFromWorker(
    world.url,
    devices.map((device) => ({ headers: pushHeaders(device), bodies: pushBodies(device, 1, BATCHES).map((body) => JSON.stringify(body)), startAfterMs: Math.random() * STORM_WINDOW_MS })),
  );
  // The same pushes from one device with nothing else running: what a push itself costs. The burst's
  // p99 above is this plus the wait behind the pushes that arrived at the same moment.
  const alone = await pushFromWorker(world.url, [{ headers: pushHeaders(lone), bodies: pushBodies(lone, ALONE_PUSHES).map((body) => JSON.stringify(body)) }]);
  // The baseline: the same rows upserted in the same batches, straight through pg (or PGlite).
  const rawSeconds = await rawUpsertSeconds(
    world.db,
    bodies.flat().map((body) => body.mutations.map((mutation) => mutation.args.case)),
    DEVICES,
  );
  const database = world.db.kind === 'postgres' ? `PostgreSQL, pool ${poolSize}` : 'PGlite (set TEST_DATABASE_URL for PostgreSQL)';
  return { database, saturated, rawSeconds, storm, alone };
}

/**
 * server.push.*: 200 simulated devices (in a worker thread, off the server's event loop). On PostgreSQL
 * when BENCH_DATABASE_URL or TEST_DATABASE_URL is set, else on PGlite.
 */
export async function pushThroughput(): Promise<BenchMeasurement[]> {
  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (url) process.env.TEST_DATABASE_URL = url;
  // The server's production pool, not the small one of test files (BENCH_POOL_SIZE to try others).
  const poolSize = Number(process.env.BENCH_POOL_SIZE) || DEFAULT_POOL_SIZE;
  process.env.TEST_DATABASE_POOL_SIZE = String(poolSize);
  let world: World | undefined;
  try {
    world = await startWorld();
    return pushRows(await measurePushes(world, poolSize));
  } finally {
    await world?.close();
  }
}
