import type { OfficeCalendar } from '../../../../shared/domain/calendar';
import type { CaseReference } from '../../../../shared/domain/caseDueDate';
import { caseDueDate, intakeDueDate, versionsOf } from '../../../../shared/domain/caseDueDate';
import { ClockPausedError, computeDueDate } from '../../../../shared/domain/deadline';
import { statusAfterSupply } from '../../../../shared/domain/caseDesk';
import { pausesAfter } from '../../../../shared/domain/clockPauses';
import type { CaseRecord, ChecklistItem, ClockPauseRecord } from '../../../../shared/schemas/case';
import type { CaseChange } from '../../db/caseStore';
import type { MutationIntent } from '../../db/outbox';
import { referenceFor } from '../../lib/referenceData';

/**
 * The deficiency rules (docs/decisions/0004-deficiency-notice.md):
 * - A case received with a document missing is `awaiting-documents` from the receipt day, with an open
 *   clock pause starting that day (行政程序法 §51); its stored dueDate is the projection "if the
 *   documents arrived today", and the screen shows "clock paused since …" instead.
 * - The applicant has SUPPLEMENT_DAYS calendar days from the day after the notice to supplement; a
 *   last day that is not a working day moves to the next working day (§48).
 * - Supplying the last missing document closes the pause on that day and returns the case to
 *   `received`; the due date is recomputed from the pauses. A partial supply keeps the clock paused.
 * Invariant: a case has at most one open pause, and it is open exactly while the case awaits documents.
 * Every due date here is the shared rule's (`caseDueDate`) on the versions the case names (decision 0028).
 */

export const SUPPLEMENT_DAYS = 10;

export function supplementDeadline(noticedOn: string, calendar: OfficeCalendar): string {
  return computeDueDate(noticedOn, { days: SUPPLEMENT_DAYS, basis: 'calendar' }, { calendar });
}

export function missingDocuments(checklist: readonly ChecklistItem[]): string[] {
  return checklist.filter((item) => item.state === 'missing').map((item) => item.document);
}

export type ClockState = { kind: 'running'; dueDate: string } | { kind: 'paused'; since: string; projectedDue: string } | { kind: 'unknown'; dueDate: string };

/** The clock as the clerk should read it: a due date, or "paused since" while documents are awaited. */
export function clockState(record: CaseRecord): ClockState {
  // Asked first rather than learned from computeDueDate's ClockPausedError: the case list asks this
  // of every row it paints, and an Error (with its stack) per row is too dear there (BENCHMARKS.md § Case list and save).
  const open = (record.clockPauses ?? []).find((pause) => pause.to === undefined);
  if (open) return { kind: 'paused', since: open.from, projectedDue: record.dueDate };
  try {
    return { kind: 'running', dueDate: caseDueDate(record, referenceFor(record.versions)) };
  } catch (error) {
    if (error instanceof ClockPausedError) return { kind: 'paused', since: error.since, projectedDue: record.dueDate };
    // A service the case's catalogue does not list, or a year beyond its calendar.
    return { kind: 'unknown', dueDate: record.dueDate };
  }
}

/**
 * The pauses, status, due date and deficiency notice of a newly received case, given its checklist,
 * computed with `reference` and naming it, so the server computes with the same versions.
 */
export function intakeClock(
  receivedOn: string,
  serviceId: string,
  checklist: readonly ChecklistItem[],
  reference: CaseReference,
): Pick<CaseRecord, 'status' | 'dueDate' | 'clockPauses' | 'deficiency' | 'versions'> {
  const versions = versionsOf(reference);
  if (missingDocuments(checklist).length === 0) {
    return { status: 'received', dueDate: intakeDueDate({ serviceId, receivedOn, clockPauses: [] }, reference), clockPauses: [], versions };
  }
  const clockPauses: ClockPauseRecord[] = [{ from: receivedOn }];
  return {
    status: 'awaiting-documents',
    dueDate: intakeDueDate({ serviceId, receivedOn, clockPauses }, reference),
    clockPauses,
    deficiency: { noticedOn: receivedOn, supplementBy: supplementDeadline(receivedOn, reference.calendar) },
    versions,
  };
}

/**
 * The change for "the applicant brought these documents on `on`" (補正). Throws when nothing listed is
 * missing. The mutations carry each changed field with its base, then the status transition.
 */
export function supplyDocuments(current: CaseRecord, documents: readonly string[], on: string): CaseChange {
  const supplied = new Set(documents);
  if (!current.checklist.some((item) => item.state === 'missing' && supplied.has(item.document))) {
    throw new Error('none of these documents is missing on this case');
  }
  const checklist = current.checklist.map((item) => (item.state === 'missing' && supplied.has(item.document) ? { ...item, state: 'provided' as const } : item));
  const complete = missingDocuments(checklist).length === 0;
  const pauses = current.clockPauses ?? [];
  // The desk rule's own answer (shared/domain/caseDesk.ts): a case already under review goes back to its officer.
  const status = complete && current.status === 'awaiting-documents' ? statusAfterSupply(current) : current.status;
  const clockPauses = pausesAfter(pauses, current.status, status, on);
  const dueDate = complete ? caseDueDate({ ...current, clockPauses }, referenceFor(current.versions)) : current.dueDate;
  const next: CaseRecord = { ...current, checklist, clockPauses, dueDate, status };
  const mutations: MutationIntent[] = [{ name: 'setField', args: { caseId: current.id, field: 'checklist', base: current.checklist, value: checklist } }];
  // The pause and the due date are the server's to decide: the transition out of awaiting-documents
  // closes the pause on the server's date and recomputes the due date there. The local values above
  // only show the clerk the same result until the server's copy is pulled.
  if (status !== current.status) mutations.push({ name: 'transition', args: { caseId: current.id, to: status, reason: 'documents supplied (補正完成)' } });
  return { next, mutations };
}
