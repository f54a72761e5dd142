/**
 * The queue bench's correctness checks, on what the kiosks, counters and display were told and on
 * what the server stored: every ticket called exactly once, numbers unique, each group's series
 * without a gap (A001, A002 … up to the series' last number), every call on the display once. A bench
 * whose figures come from a broken queue must not print them: any problem fails the run.
 */
import type { Queryable } from '../../../server/src/db/database';
import type { LoadResult } from './loadPlan';

export interface StoredDay {
  /** The day's tickets with their status and how many (non-recall) calls each has. */
  tickets: Array<{ id: string; number: string; status: string; calls: number }>;
  /** Each group's number series: its last number handed out. */
  series: Array<{ group: string; last: number }>;
}

function repeated(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const value of values) (seen.has(value) ? twice : seen).add(value);
  return [...twice];
}

/** Up to a few examples, so a broken run's message stays readable. */
const some = (values: readonly string[]) => `${values.slice(0, 5).join(', ')}${values.length > 5 ? ` … (${values.length})` : ''}`;

/** Each group's numbers must run 1, 2, 3 … without a gap, up to its series' last number. */
export function seriesProblems(numbers: readonly string[], series: StoredDay['series']): string[] {
  const problems: string[] = [];
  const byGroup = new Map<string, number[]>();
  for (const number of numbers) {
    const match = /^([A-Z])(\d+)$/.exec(number);
    if (!match?.[1] || !match[2]) {
      problems.push(`${number} is not a number of a server series`);
      continue;
    }
    byGroup.set(match[1], [...(byGroup.get(match[1]) ?? []), Number(match[2])]);
  }
  for (const [group, seqs] of byGroup) {
    const sorted = [...seqs].sort((a, b) => a - b);
    const gap = sorted.findIndex((seq, index) => seq !== index + 1);
    if (gap >= 0) problems.push(`group ${group}: ${gap === 0 ? 'starts' : `goes on after ${sorted[gap - 1]}`} at ${sorted[gap]} (a gap or a repeat)`);
    const last = series.find((s) => s.group === group)?.last;
    if (last !== sorted.length) problems.push(`group ${group}: ${sorted.length} tickets but its series handed out ${last ?? 'none'}`);
  }
  return problems;
}

/** What the kiosks, counters and display saw, against each other. */
export function loadProblems(load: Pick<LoadResult, 'issued' | 'called' | 'displayed'>, tickets: number): string[] {
  const problems: string[] = [];
  if (load.issued.length !== tickets) problems.push(`the kiosks were given ${load.issued.length} tickets, not ${tickets}`);
  const twiceIssued = repeated(load.issued.map((t) => t.id));
  if (twiceIssued.length > 0) problems.push(`ticket ids issued twice: ${some(twiceIssued)}`);
  const sameNumber = repeated(load.issued.map((t) => t.number));
  if (sameNumber.length > 0) problems.push(`numbers issued twice: ${some(sameNumber)}`);
  const twiceCalled = new Set(repeated(load.called.map((t) => t.id)));
  if (twiceCalled.size > 0) problems.push(`tickets called twice: ${some(load.issued.filter((t) => twiceCalled.has(t.id)).map((t) => t.number))}`);
  const calledIds = new Set(load.called.map((t) => t.id));
  const neverCalled = load.issued.filter((t) => !calledIds.has(t.id)).map((t) => t.number);
  if (neverCalled.length > 0) problems.push(`tickets never called: ${some(neverCalled)}`);
  const issuedIds = new Set(load.issued.map((t) => t.id));
  const strangers = load.called.filter((t) => !issuedIds.has(t.id)).map((t) => t.number);
  if (strangers.length > 0) problems.push(`called tickets no kiosk issued: ${some(strangers)}`);
  const twiceShown = repeated(load.displayed);
  if (twiceShown.length > 0) problems.push(`calls shown twice on the display: ${some(twiceShown)}`);
  const shown = new Set(load.displayed);
  const neverShown = load.called.filter((t) => !shown.has(t.number)).map((t) => t.number);
  if (neverShown.length > 0) problems.push(`calls never shown on the display: ${some(neverShown)}`);
  return problems;
}

/** What the server stored for the day. */
export function storedProblems(stored: StoredDay, tickets: number): string[] {
  const problems: string[] = [];
  if (stored.tickets.length !== tickets) problems.push(`the server stored ${stored.tickets.length} tickets of the day, not ${tickets}`);
  const sameNumber = repeated(stored.tickets.map((t) => t.number));
  if (sameNumber.length > 0) problems.push(`stored numbers twice: ${some(sameNumber)}`);
  const open = stored.tickets.filter((t) => t.status !== 'done' && t.status !== 'no-show').map((t) => `${t.number} ${t.status}`);
  if (open.length > 0) problems.push(`tickets left unfinished: ${some(open)}`);
  const notOnce = stored.tickets.filter((t) => t.calls !== 1).map((t) => `${t.number} ×${t.calls}`);
  if (notOnce.length > 0) problems.push(`tickets whose calls are not one: ${some(notOnce)}`);
  return [...problems, ...seriesProblems(stored.tickets.map((t) => t.number), stored.series)];
}

export async function readStoredDay(db: Queryable, day: string): Promise<StoredDay> {
  const tickets = await db.query<{ id: string; number: string; status: string; calls: number }>(
    `SELECT t.id, t.number, t.status, (SELECT count(*)::int FROM queue_calls c WHERE c.ticket_id = t.id AND NOT c.recall) AS calls
       FROM queue_tickets t WHERE t.office_day = $1`,
    [day],
  );
  const series = await db.query<{ group: string; last: number }>('SELECT queue_group AS "group", last_number AS last FROM queue_number_series WHERE office_day = $1', [day]);
  return { tickets: tickets.rows, series: series.rows };
}

/** Throws with every problem found; silent when the day is sound. */
export async function checkQueueDay(db: Queryable, day: string, load: LoadResult, tickets: number): Promise<void> {
  const problems = [...loadProblems(load, tickets), ...storedProblems(await readStoredDay(db, day), tickets)];
  if (problems.length > 0) throw new Error(`the queue's day is not sound:\n- ${problems.join('\n- ')}`);
}
