/**
 * The remedy a decision notice offers (教示), and its last day.
 *
 * - A decision on an application may be re-examined (復查): the applicant applies to the bureau within
 *   30 days from the day after the notice is received (稅捐稽徵法 §35).
 * - A re-examination decision may be appealed (訴願) within 30 days from the day after it is received
 *   (訴願法 §14), through the bureau (§58).
 * - The period counts calendar days from the day after receipt; a last day that is not a working day
 *   moves to the next working day (行政程序法 §48), as every period in deadline.ts does.
 * - The day of receipt is known only when the bureau handed the paper over itself (at the counter, on
 *   the spot). Mail and e-mail arrive on a day the bureau does not record, so the notice then states
 *   the rule, not a date; so does a notice printed before it is handed over.
 */
import type { Service } from './catalogue';
import type { OfficeCalendar } from './calendar';
import { CalendarMissingError } from './calendar';
import { computeDueDate } from './deadline';
import type { Handover } from '../schemas/caseDesk';

export const REMEDY_DAYS = 30;

export type RemedyKind = 'reexamination' | 'appeal';

export type RemedyDeadline = { kind: 'known'; receivedOn: string; lastDay: string } | { kind: 'from-receipt' };

/** 復查 for a decision on an application; 訴願 for a re-examination decision. */
export function remedyOf(service: Pick<Service, 'reexamination'> | undefined): RemedyKind {
  return service?.reexamination === true ? 'appeal' : 'reexamination';
}

/** The last day to seek the remedy, when the day the applicant received the notice is known. */
export function remedyDeadline(handover: Pick<Handover, 'method' | 'on'> | undefined, calendar: OfficeCalendar): RemedyDeadline {
  if (!handover || handover.method === 'mail' || handover.method === 'email') return { kind: 'from-receipt' };
  try {
    return { kind: 'known', receivedOn: handover.on, lastDay: computeDueDate(handover.on, { days: REMEDY_DAYS, basis: 'calendar' }, { calendar }) };
  } catch (error) {
    // A last day in a year the office calendar does not hold yet could be a holiday: state the rule
    // rather than print a day that may be wrong.
    if (error instanceof CalendarMissingError) return { kind: 'from-receipt' };
    throw error;
  }
}
