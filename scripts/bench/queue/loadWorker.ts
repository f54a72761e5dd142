/**
 * The queue bench's load, run in a worker thread (queue/runLoad.ts) so that building requests and
 * reading answers for 30 counters, 2 kiosks and the display does not take the server's event loop.
 * The kiosks issue tickets while the counters call them (call-next, think, finish or no-show) until
 * the day's tickets are all issued and called; the display listens throughout. Everything is timed
 * on this thread's clock, so a call's answer and its display event compare directly.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';
import type { z } from 'zod';
import { priorityReasons } from '../../../shared/domain/queueGroups';
import type { QueueGroupCode } from '../../../shared/domain/queueGroups';
import { callNextAnswerSchema, issuedTicketSchema, ticketAnswerSchema } from '../../../shared/schemas/ticketQueue';
import type { IssueTicketRequest } from '../../../shared/schemas/ticketQueue';
import { connectDisplay } from './displayClient';
import { loadPlanSchema } from './loadPlan';
import type { LoadPlan, LoadResult, TicketFact } from './loadPlan';

const KIOSK_GROUPS: readonly QueueGroupCode[] = ['A', 'B', 'C', 'D'];
/** A kiosk that found the hall full looks again after this long. */
const FULL_HALL_RETRY_MS = 10;
/** How long the display may take to show the last calls once the counters are done. */
const DISPLAY_GRACE_MS = 10_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)] as T;

/** POSTs `body`, checks the answer against `schema`, and times request → answer. */
async function post<S extends z.ZodType>(plan: LoadPlan, path: string, headers: Record<string, string>, body: unknown, schema: S): Promise<{ answer: z.infer<S>; ms: number }> {
  const start = performance.now();
  const response = await fetch(new URL(path, plan.url), { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const text = await response.text();
  const ms = performance.now() - start;
  if (response.status !== 200) throw new Error(`POST ${path} answered HTTP ${response.status}: ${text.slice(0, 300)}`);
  return { answer: schema.parse(JSON.parse(text)), ms };
}

/** What the kiosks and counters share while the day runs. */
class Day {
  readonly result: Omit<LoadResult, 'seconds' | 'displayLags' | 'displayed'> = {
    callLatencies: [], emptyCalls: 0, issueLatencies: [], finishLatencies: [], issued: [], called: [], maxAhead: 0,
  };
  /** Issues started (a kiosk counts its ticket before asking, so two kiosks never overshoot). */
  issuing = 0;
  readonly answeredAt = new Map<string, number>();
  constructor(readonly plan: LoadPlan) {}
  get allCalled(): boolean {
    return this.result.called.length >= this.plan.tickets;
  }
}

function issueRequest(plan: LoadPlan): IssueTicketRequest {
  const request: IssueTicketRequest = { ticketId: randomUUID(), verifier: randomBytes(18).toString('base64url'), group: pick(KIOSK_GROUPS) };
  return Math.random() < plan.priorityShare ? { ...request, priority: pick(priorityReasons) } : request;
}

async function kioskLoop(day: Day, headers: Record<string, string>): Promise<void> {
  const { plan, result } = day;
  while (day.issuing < plan.tickets) {
    if (day.issuing - result.called.length >= plan.hallCapacity) {
      await sleep(FULL_HALL_RETRY_MS);
      continue;
    }
    day.issuing += 1;
    const { answer, ms } = await post(plan, '/v1/kiosk/tickets', headers, issueRequest(plan), issuedTicketSchema);
    result.issueLatencies.push(ms);
    result.issued.push({ id: answer.ticket.id, number: answer.ticket.number, group: answer.ticket.group });
    result.maxAhead = Math.max(result.maxAhead, answer.ahead);
  }
}

async function counterLoop(day: Day, headers: Record<string, string>): Promise<void> {
  const { plan, result } = day;
  while (!day.allCalled) {
    const { answer, ms } = await post(plan, '/v1/queue/call-next', headers, {}, callNextAnswerSchema);
    const ticket = answer.ticket;
    if (!ticket) {
      result.emptyCalls += 1;
      await sleep(plan.emptyRetryMs);
      continue;
    }
    day.answeredAt.set(ticket.number, performance.now());
    result.callLatencies.push(ms);
    const fact: TicketFact = { id: ticket.id, number: ticket.number, group: ticket.group };
    result.called.push(fact);
    await sleep(plan.thinkMs[0] + Math.random() * (plan.thinkMs[1] - plan.thinkMs[0]));
    const action = Math.random() < plan.noShowShare ? 'no-show' : 'finish';
    const finished = await post(plan, `/v1/queue/tickets/${ticket.id}/${action}`, headers, {}, ticketAnswerSchema);
    if (finished.answer.ticket.status !== (action === 'finish' ? 'done' : 'no-show')) throw new Error(`${action} of ${ticket.number} left it ${finished.answer.ticket.status}`);
    result.finishLatencies.push(finished.ms);
  }
}

async function runDay(plan: LoadPlan): Promise<LoadResult> {
  const display = await connectDisplay(plan.url);
  const day = new Day(plan);
  const start = performance.now();
  await Promise.all([...plan.kiosks.map((headers) => kioskLoop(day, headers)), ...plan.counters.map((headers) => counterLoop(day, headers))]);
  const seconds = (performance.now() - start) / 1000;
  await display.waitForCalls(day.result.called.length, DISPLAY_GRACE_MS);
  await display.close();
  const displayLags: number[] = [];
  for (const [number, answered] of day.answeredAt) {
    const shown = display.arrivals.get(number);
    if (shown !== undefined) displayLags.push(shown - answered);
  }
  return { ...day.result, seconds, displayLags, displayed: [...display.numbers] };
}

runDay(loadPlanSchema.parse(workerData)).then(
  (result) => parentPort?.postMessage(result),
  (error: unknown) => {
    // Rethrown outside the promise so the worker dies with it and the bench's 'error' handler sees it.
    setImmediate(() => {
      throw error;
    });
  },
);
