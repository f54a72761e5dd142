/**
 * The at-risk rule: will an open case be decided by its due date?
 *
 * A case moves through three stages while its clock runs — received, in-review, pending-approval —
 * and is decided (approved or rejected) at the end of the last. Each service has a usual time per
 * stage, in working days: the median of what its recent cases took (`usualStageDays`), or, with too
 * little history, a default split of the service's limit (a quarter, a half, a quarter). The
 * predicted decision day is today plus what is left of the usual time in the current stage (never
 * less than nothing) plus the usual time of the stages after it. A case is:
 * - `paused` while it awaits the applicant's documents (§51: the clock is stopped, the due date moves);
 * - `overdue` once today is after its due date;
 * - `at-risk` when the predicted decision day falls after the due date;
 * - `on-track` otherwise.
 * A case stuck in a stage longer than usual therefore turns at-risk before it is overdue, and one
 * that arrives at the supervisor with days to spare does not, whatever its age.
 *
 * Pure, so both sides read it: the server with each service's learned stage times and the case's full
 * history (reports/caseAssessments.ts), the officer's desk on the device with what the device knows.
 */
import type { OfficeCalendar } from './calendar';
import { addDays } from './isoDate';
import { taipeiDate } from './rocDate';
import type { ServiceLimit } from './deadline';
import type { CaseStatus } from '../schemas/case';

export const stages = ['received', 'in-review', 'pending-approval'] as const;
export type Stage = (typeof stages)[number];
export type StageDays = Record<Stage, number>;

export type Risk = 'on-track' | 'at-risk' | 'overdue' | 'paused';

/** What the rule needs of a case's history: when it entered each status. */
export interface StatusChange {
  at: Date;
  to: CaseStatus;
}

export interface RiskInput {
  status: CaseStatus;
  receivedOn: string;
  dueDate: string;
  /** Status changes in order (the intake first); extensions left out. */
  history: readonly StatusChange[];
  /** Today in Asia/Taipei. */
  today: string;
  usual: StageDays;
  calendar: OfficeCalendar;
}

export interface RiskAssessment {
  risk: Risk;
  /** Working days from today (exclusive) to the due date (inclusive); negative when overdue. */
  remainingWorkingDays: number;
  /** null while paused. */
  predictedDecisionOn: string | null;
  /** Working days the case has spent in its current stage. */
  daysInStage: number;
}

const isStage = (status: CaseStatus): status is Stage => (stages as readonly CaseStatus[]).includes(status);

/** The `n`th working day after `from` (`from` itself when n is 0). */
export function addWorkingDays(from: string, n: number, calendar: OfficeCalendar): string {
  let d = from;
  for (let counted = 0; counted < n; ) {
    d = addDays(d, 1);
    if (calendar.isWorkingDay(d)) counted++;
  }
  return d;
}

/** Signed working days from `today` to `due`: positive ahead of it, negative past it. */
function signedWorkingDays(today: string, due: string, calendar: OfficeCalendar): number {
  return due >= today ? calendar.workingDaysBetween(today, due) : -calendar.workingDaysBetween(due, today);
}

export function assessRisk(input: RiskInput): RiskAssessment {
  const { calendar, today } = input;
  const remainingWorkingDays = signedWorkingDays(today, input.dueDate, calendar);
  const lastEntry = [...input.history].reverse().find((change) => change.to === input.status);
  const enteredOn = lastEntry ? taipeiDate(lastEntry.at) : input.receivedOn;
  const daysInStage = enteredOn < today ? calendar.workingDaysBetween(enteredOn, today) : 0;
  if (input.status === 'awaiting-documents') return { risk: 'paused', remainingWorkingDays, predictedDecisionOn: null, daysInStage };
  if (!isStage(input.status)) throw new RangeError(`A ${input.status} case is not open`);

  const index = stages.indexOf(input.status);
  const left = Math.max(input.usual[input.status] - daysInStage, 0) + stages.slice(index + 1).reduce((sum, stage) => sum + input.usual[stage], 0);
  const predictedDecisionOn = addWorkingDays(today, Math.ceil(left), calendar);
  const risk: Risk = today > input.dueDate ? 'overdue' : predictedDecisionOn > input.dueDate ? 'at-risk' : 'on-track';
  return { risk, remainingWorkingDays, predictedDecisionOn, daysInStage };
}

/** The default split of a limit over the stages, when a service has too little history. */
export function defaultStageDays(limit: ServiceLimit): StageDays {
  // A calendar-day limit is about five working days in seven.
  const working = limit.basis === 'immediate' ? 0 : limit.basis === 'calendar' ? (limit.days * 5) / 7 : limit.days;
  return { received: working * 0.25, 'in-review': working * 0.5, 'pending-approval': working * 0.25 };
}

/** The stage a status leads to, when the case moves forward. */
const forwardOf: Readonly<Record<Stage, readonly CaseStatus[]>> = {
  received: ['in-review'],
  'in-review': ['pending-approval'],
  'pending-approval': ['approved', 'rejected'],
};

/** Working days each completed forward stage took, from one case's history. */
export function stageDurations(history: readonly StatusChange[], calendar: OfficeCalendar): Array<{ stage: Stage; days: number }> {
  const durations: Array<{ stage: Stage; days: number }> = [];
  for (let i = 0; i + 1 < history.length; i++) {
    const current = history[i];
    const next = history[i + 1];
    if (!current || !next || !isStage(current.to) || !forwardOf[current.to].includes(next.to)) continue;
    const from = taipeiDate(current.at);
    const to = taipeiDate(next.at);
    durations.push({ stage: current.to, days: to > from ? calendar.workingDaysBetween(from, to) : 0 });
  }
  return durations;
}

export const MIN_HISTORY_SAMPLES = 5;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/**
 * A service's usual working days per stage: the median over its cases' completed stages where there
 * are at least MIN_HISTORY_SAMPLES of them, the default split of its limit where there are not.
 */
export function usualStageDays(histories: ReadonlyArray<readonly StatusChange[]>, limit: ServiceLimit, calendar: OfficeCalendar): StageDays {
  const samples: Record<Stage, number[]> = { received: [], 'in-review': [], 'pending-approval': [] };
  for (const history of histories) for (const { stage, days } of stageDurations(history, calendar)) samples[stage].push(days);
  const fallback = defaultStageDays(limit);
  return {
    received: samples.received.length >= MIN_HISTORY_SAMPLES ? median(samples.received) : fallback.received,
    'in-review': samples['in-review'].length >= MIN_HISTORY_SAMPLES ? median(samples['in-review']) : fallback['in-review'],
    'pending-approval': samples['pending-approval'].length >= MIN_HISTORY_SAMPLES ? median(samples['pending-approval']) : fallback['pending-approval'],
  };
}
