/**
 * For tests and the demo: stores a case with a hand-made history (its events at given instants),
 * as the sync code would have written them one change at a time, and stamps it for pull. Like an
 * intake through sync, the case is routed to its service's unit (decision 0027); each event is made by
 * whoever the desk gives it to unless the event names someone.
 */
import { defaultCatalogue, findService } from '../../../shared/domain/catalogue';
import { deskOf } from '../../../shared/domain/caseDesk';
import type { CaseRecord, CaseStatus } from '../../../shared/schemas/case';
import type { Database } from '../db/database';
import { stampChanges } from '../store/changeSequence';
import { insertCaseIfAbsent } from '../store/caseStore';
import { insertCaseEvent } from '../store/caseEventStore';

export interface SeededEvent {
  at: string;
  to: CaseStatus;
  actor?: string;
  reason?: string;
  /** An extension rather than a status change. */
  extensionDays?: number;
}

/**
 * Who made the event when it does not say: the counter takes in and hands over, the officer reviews,
 * the chief decides and extends.
 */
function actorFor(event: SeededEvent, intake: boolean, record: CaseRecord): string {
  if (intake) return record.createdBy;
  if (event.extensionDays !== undefined || event.to === 'approved' || event.to === 'rejected') return 'supervisor';
  if (event.to === 'in-review' || event.to === 'pending-approval' || event.to === 'awaiting-documents') return 'officer';
  return 'clerk';
}

/** The first event is the intake; each later one moves the case on from the previous status. */
export async function seedCaseWithHistory(db: Database, record: CaseRecord, events: readonly SeededEvent[]): Promise<void> {
  await db.transaction(async (tx) => {
    const finalStatus = [...events].reverse().find((event) => event.extensionDays === undefined)?.to ?? record.status;
    const desk = deskOf(record, findService(defaultCatalogue, record.serviceId));
    if (!(await insertCaseIfAbsent(tx, { ...record, status: finalStatus, desk }, new Date(events[0]?.at ?? record.receivedAt)))) {
      throw new Error(`case ${record.caseNo} exists already`);
    }
    let status: CaseStatus | null = null;
    for (const event of events) {
      const at = new Date(event.at);
      const actor = event.actor ?? actorFor(event, status === null, record);
      if (event.extensionDays !== undefined) {
        await insertCaseEvent(tx, { caseId: record.id, at, kind: 'extension', from: status, to: status ?? event.to, actor, reason: event.reason ?? 'extension', extensionDays: event.extensionDays });
        continue;
      }
      await insertCaseEvent(tx, { caseId: record.id, at, from: status, to: event.to, actor, ...(event.reason ? { reason: event.reason } : {}) });
      status = event.to;
    }
    await stampChanges(tx, [record.id]);
  });
}
