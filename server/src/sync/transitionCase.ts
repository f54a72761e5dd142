/**
 * `transition {caseId, to}`: a status change, checked against the lifecycle with the roles of the
 * user who pushes it (shared/domain/lifecycle.ts). Status is server-owned: the server's current status
 * is the `from`, whatever the device believed.
 *
 * Invariants:
 * - A transition to the status the case already has is applied as a no-op: two devices recording the
 *   same event (both clerks mark the documents complete) converge instead of one being rejected.
 * - The deadline clock (行政程序法 §51): entering awaiting-documents opens a pause on the server's
 *   date (Asia/Taipei); leaving it closes the open pause on that date. The due date is recomputed from
 *   the pauses (a projection "as if the documents arrived today" while a pause is open).
 */
import { defaultCatalogue, findService } from '../../../shared/domain/catalogue';
import { computeDueDate } from '../../../shared/domain/deadline';
import { checkTransition } from '../../../shared/domain/lifecycle';
import { taipeiDate } from '../../../shared/domain/rocDate';
import type { CaseStatus, ClockPauseRecord } from '../../../shared/schemas/case';
import type { Queryable } from '../db/database';
import { messageFactsOf } from '../notifications/recordCaseEvent';
import { extensionDaysOf } from '../store/caseEventStore';
import { findCaseById, updateCase } from '../store/caseStore';
import type { MutationContext, MutationOutcome } from './mutationOutcome';
import { rejected } from './mutationOutcome';

/** The pauses after a move from `from` to `to` on `today`. */
export function pausesAfter(pauses: readonly ClockPauseRecord[], from: CaseStatus, to: CaseStatus, today: string): ClockPauseRecord[] {
  if (from === 'awaiting-documents' && to !== 'awaiting-documents') {
    return pauses.map((pause) => (pause.to === undefined ? { from: pause.from, to: today < pause.from ? pause.from : today } : pause));
  }
  if (to === 'awaiting-documents' && !pauses.some((pause) => pause.to === undefined)) {
    return [...pauses, { from: today }];
  }
  return [...pauses];
}

export async function applyTransition(
  tx: Queryable,
  args: { caseId: string; to: CaseStatus; reason?: string | undefined },
  context: MutationContext,
): Promise<MutationOutcome> {
  const stored = await findCaseById(tx, args.caseId);
  if (!stored || stored.deleted) return rejected('case_not_found', `Case ${args.caseId} does not exist on the server`);
  const record = stored.record;
  const touched = [record.id];
  if (record.status === args.to) return { status: 'applied', changedCaseIds: touched };
  const check = checkTransition(record.status, args.to, context.session.roles);
  if (!check.ok) {
    const code = check.reason === 'invalid-transition' ? 'invalid_transition' : 'forbidden_transition';
    return rejected(code, `${check.message.zh} ${check.message.en} (case ${record.caseNo} is ${record.status} on the server)`, touched);
  }
  const today = taipeiDate(context.now);
  const clockPauses = pausesAfter(record.clockPauses ?? [], record.status, args.to, today);
  let dueDate = record.dueDate;
  const service = findService(defaultCatalogue, record.serviceId);
  if (service) {
    try {
      const extensionDays = await extensionDaysOf(tx, record.id);
      dueDate = computeDueDate(record.receivedOn, service.limit, { pauses: clockPauses, asOf: today, extensionDays });
    } catch {
      // A due date the calendar cannot compute (beyond its years) keeps the stored one; the deadline
      // watcher reports such cases.
    }
  }
  await updateCase(tx, record.id, { status: args.to, clockPauses, dueDate }, context.now);
  return {
    status: 'applied',
    changedCaseIds: touched,
    event: { caseId: record.id, from: record.status, to: args.to, ...(args.reason ? { reason: args.reason } : {}), caseAfter: messageFactsOf({ ...record, dueDate }) },
    audit: { action: 'case.transition', caseId: record.id, details: { from: record.status, to: args.to } },
  };
}
