/**
 * The deadline engine (處理期限). Rules, with the reasons in docs/decisions/0001-deadline-rules.md:
 *
 * - 行政程序法 §48: the receipt day is not counted; counting starts the next day. A last day that is
 *   not a working day (weekend, holiday) moves to the next working day; a make-up Saturday counts.
 * - working-day limits count only working days of the office calendar; calendar-day limits count every
 *   day and then apply the §48 move; same-day (隨到隨辦) services are due on the receipt day.
 * - §51: while the applicant supplements documents (補正) the clock stops. A pause covers the days
 *   `from`..`to` inclusive; counting resumes the day after `to`, as if the application had been
 *   received complete on `to`.
 * - §51: one extension, no longer than the original limit, in the same unit.
 * - A site inspection replaces the limit by the service's limit with inspection.
 *
 * Invariants (checked by property tests): the due date is a working day, never before the receipt
 * date, never a day the applicant is still awaited (a pause's days before its last); adding or lengthening a pause never makes it earlier. A date outside
 * the calendar data throws CalendarMissingError instead of guessing.
 */
import { defaultCalendar } from './calendar';
import type { OfficeCalendar } from './calendar';
import { addDays, isValidIsoDate } from './isoDate';

export interface ServiceLimit {
  days: number;
  basis: 'working' | 'calendar' | 'immediate';
}

/** `YYYY-MM-DD`, both inclusive; an open pause (`to` missing) means the applicant is still awaited. */
export interface ClockPause {
  from: string;
  to?: string;
}

export interface DueDateOptions {
  calendar?: OfficeCalendar;
  pauses?: ClockPause[];
  /** The one extension allowed by §51, in the limit's unit; at most the original limit. */
  extensionDays?: number;
  /** True when the case needs a site inspection; `inspectionDays` is then the limit. */
  inspection?: boolean;
  inspectionDays?: number;
  /** Where an open pause ends for a projection ("if the documents arrive on asOf"). */
  asOf?: string;
}

/** Upper bound on any limit, so that a corrupt row cannot make the engine walk for ever. */
export const MAX_LIMIT_DAYS = 730;

/** Thrown for an open pause without `asOf`: there is no due date while the applicant is awaited. */
export class ClockPausedError extends Error {
  readonly since: string;

  constructor(since: string) {
    super(`The clock has been paused since ${since} awaiting the applicant's documents (補正中); no due date yet.`);
    this.name = 'ClockPausedError';
    this.since = since;
  }
}

function requireDate(value: string, what: string): void {
  if (!isValidIsoDate(value)) throw new RangeError(`${what} is not a valid YYYY-MM-DD date: ${JSON.stringify(value)}`);
}

function requireDays(value: number, what: string): void {
  if (!Number.isInteger(value) || value < 0 || value > MAX_LIMIT_DAYS) {
    throw new RangeError(`${what} must be a whole number of days from 0 to ${MAX_LIMIT_DAYS}, got ${value}`);
  }
}

/** The limit actually in force: inspection and extension applied. */
export function effectiveLimit(limit: ServiceLimit, options: DueDateOptions = {}): ServiceLimit {
  requireDays(limit.days, 'limit.days');
  let days = limit.basis === 'immediate' ? 0 : limit.days;
  let basis = limit.basis;
  if (options.inspection) {
    if (options.inspectionDays === undefined) {
      throw new RangeError('This service has no limit with a site inspection (inspectionDays missing).');
    }
    requireDays(options.inspectionDays, 'inspectionDays');
    days = options.inspectionDays;
    if (basis === 'immediate') basis = 'working';
  }
  const extension = options.extensionDays ?? 0;
  requireDays(extension, 'extensionDays');
  if (extension > days) {
    throw new RangeError(`An extension may not be longer than the original limit (${days} days), got ${extension}.`);
  }
  days += extension;
  return { days, basis: days === 0 ? 'immediate' : basis };
}

type Span = { from: string; to: string };

function closedPauses(pauses: readonly ClockPause[], asOf: string | undefined): Span[] {
  return pauses.map((p) => {
    requireDate(p.from, 'pause.from');
    let to = p.to;
    if (to === undefined) {
      if (asOf === undefined) throw new ClockPausedError(p.from);
      requireDate(asOf, 'asOf');
      to = asOf < p.from ? p.from : asOf;
    }
    requireDate(to, 'pause.to');
    if (to < p.from) throw new RangeError(`A pause cannot end (${to}) before it starts (${p.from}).`);
    return { from: p.from, to };
  });
}

export function computeDueDate(receivedOn: string, limit: ServiceLimit, options: DueDateOptions = {}): string {
  requireDate(receivedOn, 'receivedOn');
  const calendar = options.calendar ?? defaultCalendar;
  const { days, basis } = effectiveLimit(limit, options);
  const pauses = closedPauses(options.pauses ?? [], options.asOf);
  // ISO dates compare correctly as strings.
  const isPaused = (d: string) => pauses.some((p) => p.from <= d && d <= p.to);
  // With nothing left to count, the day the documents arrive may itself be the last day, as a
  // same-day service received complete that day would be; the days before it may not.
  const awaiting = (d: string) => pauses.some((p) => p.from <= d && d < p.to);
  const settle = (start: string) => {
    let d = start;
    while (awaiting(d) || !calendar.isWorkingDay(d)) d = addDays(d, 1);
    return d;
  };

  if (basis === 'immediate') return settle(receivedOn);
  let d = receivedOn;
  let counted = 0;
  while (counted < days) {
    d = addDays(d, 1);
    if (isPaused(d)) continue;
    if (basis === 'calendar' || calendar.isWorkingDay(d)) counted++;
  }
  return basis === 'calendar' ? settle(d) : d;
}
