/**
 * `npm run bench -- queue`: the front office's queue (docs/decisions/0036-front-office-queue.md) at a
 * day's size, against a real central server listening on a port, on PostgreSQL when TEST_DATABASE_URL
 * is set (else PGlite, noted), with the server's production pool (BENCH_POOL_SIZE to try another).
 *
 * 30 counters — each a workstation of its own station with its own clerk signed in — call in a loop
 * (call-next, a think time of 0.5–1.5 s, then finish, or no-show for one call in ten; with nobody
 * waiting, the counter asks again 200 ms later) while the two entrance kiosks issue tickets of groups
 * A–D (one in twenty with a priority) one after another, until 10,000 tickets of one office day
 * (BENCH_QUEUE_TICKETS) are issued and called; a hall display stays connected to the SSE stream
 * throughout. The kiosks pause while 300 issued tickets wait (a full hall), so the queue is as long
 * as a busy office's, not 10,000 deep. The load runs in a worker thread, off the server's event loop
 * (queue/loadWorker.ts).
 *
 * The think time compresses a day about ninety-fold: 30 counters finishing a ticket a second each
 * is ~30 tickets/s, where a real 10,000-ticket day of 8 hours is 0.35/s. A second, shorter day with
 * a think time of 20–60 ms (2,000 tickets) shows the other end: counters pressing as fast as they
 * can, beyond what the serial audit chain takes, so its latency is the queue in front of it
 * (queue.call_next.saturated_p95_ms) and its pace the server's capacity.
 *
 * - queue.call_next.p95_ms: call-next request → answer; baseline: the statements that take a ticket
 *   (SELECT … FOR UPDATE SKIP LOCKED, UPDATE, INSERT of the call) in one transaction through the same
 *   pool at the same concurrency and think time (queue/rawQueueDay.ts, 2,000 tickets), so the ratio is
 *   the server's overhead.
 * - queue.display.p99_ms: call-next answered → the display's `call` event for that ticket received.
 * - queue.tickets_per_day: tickets issued and called in the run, with how long the day took.
 * - queue.call_next.saturated_p95_ms: call-next at saturation, with the tickets per second reached.
 * - queue.issue.p95_ms: kiosk issue request → answer; baseline: the series upsert and the INSERT.
 *
 * The run fails, printing nothing, when the day is not sound (queue/checkQueueDay.ts).
 */
import { cpus, loadavg } from 'node:os';
import { DEFAULT_POOL_SIZE } from '../../server/src/db/database';
import { percentile } from './support/percentile';
import type { BenchMeasurement } from './support/types';
import { checkQueueDay } from './queue/checkQueueDay';
import type { LoadResult, LoadShape } from './queue/loadPlan';
import { startQueueWorld } from './queue/queueWorld';
import type { QueueWorld } from './queue/queueWorld';
import { rawQueueDay } from './queue/rawQueueDay';
import type { RawDay } from './queue/rawQueueDay';
import { runLoad } from './queue/runLoad';

const COUNTERS = 30;
const DAY: LoadShape = {
  tickets: Number(process.env.BENCH_QUEUE_TICKETS) || 10_000,
  thinkMs: [500, 1500],
  noShowShare: 0.1,
  priorityShare: 0.05,
  emptyRetryMs: 200,
  hallCapacity: 300,
};
const SATURATED: LoadShape = { ...DAY, tickets: Math.min(DAY.tickets, 2_000), thinkMs: [20, 60] };
const RAW: LoadShape = { ...DAY, tickets: Math.min(DAY.tickets, 2_000) };

const ms = (value: number) => `${value.toFixed(0)} ms`;
const loadAverage = () => loadavg().map((value) => value.toFixed(2)).join(' ');
const think = (shape: LoadShape) => `think ${shape.thinkMs.map((value) => value / 1000).join('–')} s`;

function dayAfter(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

interface Figures {
  day: LoadResult;
  saturated: LoadResult;
  raw: RawDay;
  /** Where it ran: the database and the machine's load averages before and after. */
  where: string;
}

function dayMeasurements({ day, raw, where: place }: Figures): BenchMeasurement[] {
  const where = `${think(DAY)}; ${place}`;
  return [
    {
      metric: 'queue.call_next.p95_ms',
      unit: 'ms',
      samples: [percentile(day.callLatencies, 0.95)],
      baseline: [percentile(raw.pickLatencies, 0.95)],
      target: '≤ 100',
      note: `request → answer over ${day.callLatencies.length} calls (p50 ${ms(percentile(day.callLatencies, 0.5))}, p99 ${ms(percentile(day.callLatencies, 0.99))}; finish/no-show p95 ${ms(percentile(day.finishLatencies, 0.95))}); baseline: SELECT … FOR UPDATE SKIP LOCKED + UPDATE + INSERT of the call in one transaction through the same pool, same concurrency and think time, ${raw.pickLatencies.length} calls (p50 ${ms(percentile(raw.pickLatencies, 0.5))}); ${where}`,
    },
    {
      metric: 'queue.display.p99_ms',
      unit: 'ms',
      samples: [percentile(day.displayLags, 0.99)],
      target: '≤ 1000',
      note: `call-next answered → the display's SSE call event received, ${day.displayLags.length} calls (p50 ${ms(percentile(day.displayLags, 0.5))}, max ${ms(Math.max(...day.displayLags))}); one poller per process every 200 ms; ${where}`,
    },
    {
      metric: 'queue.tickets_per_day',
      unit: 'tickets',
      samples: [day.called.length],
      target: '≥ 10000',
      note: `issued and called in one office day that took ${day.seconds.toFixed(1)} s (${(day.called.length / day.seconds).toFixed(1)} tickets/s); every ticket called once, numbers unique, no gap in any group's series, every call on the display once; at most ${day.maxAhead} ahead in a group at issue; ${where}`,
    },
    {
      metric: 'queue.issue.p95_ms',
      unit: 'ms',
      samples: [percentile(day.issueLatencies, 0.95)],
      baseline: [percentile(raw.issueLatencies, 0.95)],
      note: `kiosk issue request → answer over ${day.issueLatencies.length} tickets (p50 ${ms(percentile(day.issueLatencies, 0.5))}); baseline: the number series' upsert + the ticket's INSERT in one transaction, same pool and concurrency; ${where}`,
    },
  ];
}

function saturatedMeasurement({ saturated, where }: Figures): BenchMeasurement {
  const perSecond = saturated.called.length / saturated.seconds;
  return {
    metric: 'queue.call_next.saturated_p95_ms',
    unit: 'ms',
    samples: [percentile(saturated.callLatencies, 0.95)],
    note: `the same office with the counters pressing as fast as they can (${think(SATURATED)}): ${saturated.called.length} tickets in ${saturated.seconds.toFixed(1)} s, ${perSecond.toFixed(0)} tickets/s, the server's capacity; request → answer p50 ${ms(percentile(saturated.callLatencies, 0.5))}; by Little's law most of it is the wait for the audit chain's head, which every call and every finish takes in turn; ${where}`,
  };
}

/** One office day of `shape` through the server, checked sound. */
async function serverDay(office: QueueWorld, shape: LoadShape): Promise<LoadResult> {
  const day = await runLoad({ ...shape, url: office.world.url, counters: office.counters, kiosks: office.kiosks });
  await checkQueueDay(office.world.db, office.officeDay(), day, shape.tickets);
  console.log(`  ${office.officeDay()}: ${day.called.length} tickets in ${day.seconds.toFixed(1)} s (${think(shape)}), sound`);
  return day;
}

export async function run(): Promise<BenchMeasurement[]> {
  const poolSize = Number(process.env.BENCH_POOL_SIZE) || DEFAULT_POOL_SIZE;
  process.env.TEST_DATABASE_POOL_SIZE = String(poolSize);
  console.log(`  machine: ${cpus().length} cores × ${cpus()[0]?.model ?? 'CPU'}; load average ${loadAverage()}`);
  const before = loadAverage();
  const office = await startQueueWorld(COUNTERS);
  try {
    const database = office.world.db.kind === 'postgres' ? `PostgreSQL, pool ${poolSize}` : 'PGlite (set TEST_DATABASE_URL for PostgreSQL)';
    const day = await serverDay(office, DAY);
    office.nextOfficeDay();
    const saturated = await serverDay(office, SATURATED);
    const raw = await rawQueueDay(office.world.db, dayAfter(office.officeDay()), RAW, COUNTERS, office.kiosks.length);
    const where = `${COUNTERS} counters (${DAY.noShowShare * 100} % no-show), 2 kiosks (pausing at ${DAY.hallCapacity} waiting), 1 display; ${database}; load average ${before} before, ${loadAverage()} after`;
    const figures = { day, saturated, raw, where };
    return [...dayMeasurements(figures), saturatedMeasurement(figures)];
  } finally {
    await office.world.close();
  }
}
