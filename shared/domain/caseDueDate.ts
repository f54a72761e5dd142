/**
 * The due date of a case (處理期限) from the reference versions named on it: the one rule the device
 * runs when it takes a case in and the server runs to check that intake and after every step that
 * moves the clock (docs/decisions/0028-due-dates-from-the-cases-versions.md).
 *
 * Invariant: the answer depends only on the case's facts (its service, receipt date and §51 pauses),
 * the catalogue and calendar it is given, and the options — never on which versions are the newest.
 * A calendar published after a case was taken therefore cannot move that case's due date on one side
 * and not on the other: both sides look the versions up by the names on the case.
 */
import type { OfficeCalendar } from './calendar';
import type { Catalogue } from './catalogue';
import { findService } from './catalogue';
import { computeDueDate } from './deadline';
import type { CaseRecord } from '../schemas/case';

/** The catalogue and calendar a case's due date is computed with. */
export interface CaseReference {
  catalogue: Catalogue;
  calendar: OfficeCalendar;
}

/** The names of a reference pair, as a case carries them (`CaseRecord.versions`). */
export type ReferenceVersions = NonNullable<CaseRecord['versions']>;

/** What of a case the clock reads. */
export type CaseClockFacts = Pick<CaseRecord, 'serviceId' | 'receivedOn' | 'clockPauses'>;

export interface CaseDueDateOptions {
  /** Where an open pause ends for the projection ("if the documents arrive on asOf"). */
  asOf?: string;
  /** The one §51 extension granted, in the limit's unit. */
  extensionDays?: number;
}

/** The case names a service its catalogue version does not list. */
export class ServiceNotInCatalogueError extends Error {
  constructor(serviceId: string, catalogueVersion: string) {
    super(`Service ${serviceId} is not in catalogue version ${catalogueVersion}`);
    this.name = 'ServiceNotInCatalogueError';
  }
}

/** The names to stamp on a case computed with `reference`. */
export function versionsOf(reference: CaseReference): ReferenceVersions {
  return { catalogue: reference.catalogue.version, calendar: reference.calendar.version };
}

/**
 * The case's due date: its service's limit in `reference.catalogue`, counted on `reference.calendar`
 * from the receipt date, skipping the case's pauses. Throws what `computeDueDate` throws
 * (ClockPausedError for an open pause without `asOf`, CalendarMissingError beyond the calendar's
 * years, RangeError for a bad date or extension) and ServiceNotInCatalogueError.
 */
export function caseDueDate(facts: CaseClockFacts, reference: CaseReference, options: CaseDueDateOptions = {}): string {
  const service = findService(reference.catalogue, facts.serviceId);
  if (!service) throw new ServiceNotInCatalogueError(facts.serviceId, reference.catalogue.version);
  return computeDueDate(facts.receivedOn, service.limit, { ...options, calendar: reference.calendar, pauses: facts.clockPauses ?? [] });
}

/** The due date an intake carries: an open pause from the receipt day is projected to end that day. */
export function intakeDueDate(facts: CaseClockFacts, reference: CaseReference): string {
  return caseDueDate(facts, reference, { asOf: facts.receivedOn });
}
