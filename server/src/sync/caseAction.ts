/**
 * `caseAction {caseId, step}` and `transition {caseId, to}`: every step of a case after intake, checked
 * by the one desk rule (shared/domain/caseDesk.ts) on the case as the server holds it, with the
 * person's unit memberships and the unit's officers read here. A transition is the desk step it means
 * (`stepForTransition`), so an old device's transition meets the same rule.
 *
 * Invariants:
 * - Status is server-owned: the server's status is the `from`, whatever the device believed; a step
 *   that no longer fits (another officer was first, the supervisor already decided) is refused with a
 *   readable reason, consumed like any rejection, and the device pulls the server's copy.
 * - A transition to the status the case already has is an applied no-op: two devices recording the
 *   same event converge instead of one being refused.
 * - The due date follows the §51 pauses the step opened or closed (`dueDateAfter`), computed with the
 *   catalogue and calendar versions the case names (decision 0028), as is the service the rule reads.
 * - Every applied step is a history event (the citizen's SMS follows from it: recordCaseEvent.ts) and
 *   an audit entry naming the step.
 */
import { findService } from '../../../shared/domain/catalogue';
import { planCaseAction, stepForTransition } from '../../../shared/domain/caseDesk';
import type { DeskActor } from '../../../shared/domain/caseDesk';
import { caseDueDate } from '../../../shared/domain/caseDueDate';
import type { CaseReference } from '../../../shared/domain/caseDueDate';
import { taipeiDate } from '../../../shared/domain/rocDate';
import type { CaseRecord, CaseStatus } from '../../../shared/schemas/case';
import type { CaseAction } from '../../../shared/schemas/caseDesk';
import type { Queryable } from '../db/database';
import { messageFactsOf } from '../notifications/recordCaseEvent';
import { extensionDaysOf } from '../store/caseEventStore';
import { findCaseById, updateCase } from '../store/caseStore';
import { membershipsOf, officersOf } from '../store/unitStore';
import type { MutationContext, MutationOutcome } from './mutationOutcome';
import { rejected } from './mutationOutcome';
import { refuseOutOfScope } from './scopeCheck';

/**
 * The due date after a step changed the pauses, on the versions the case names; a date they cannot
 * compute (a service they lack, a year beyond the calendar) keeps the stored one.
 */
async function dueDateAfter(tx: Queryable, record: CaseRecord, next: CaseRecord, today: string, reference: CaseReference): Promise<string> {
  if (JSON.stringify(record.clockPauses ?? []) === JSON.stringify(next.clockPauses ?? [])) return next.dueDate;
  try {
    const extensionDays = await extensionDaysOf(tx, record.id);
    return caseDueDate(next, reference, { asOf: today, extensionDays });
  } catch {
    // The deadline watcher reports such cases.
    return next.dueDate;
  }
}

async function actorOf(tx: Queryable, context: MutationContext): Promise<DeskActor> {
  const { username, roles } = context.session;
  return { username, roles, units: await membershipsOf(tx, username) };
}

export async function applyCaseAction(tx: Queryable, args: { caseId: string; step: CaseAction }, context: MutationContext): Promise<MutationOutcome> {
  const stored = await findCaseById(tx, args.caseId);
  // A deleted case is stamped again, so a device that kept it while this waited is sent its tombstone again.
  if (!stored || stored.deleted) return rejected('case_not_found', `Case ${args.caseId} does not exist on the server`, stored ? [args.caseId] : undefined);
  const refused = await refuseOutOfScope(tx, stored, context);
  if (refused) return refused;
  const record = stored.record;
  const touched = [record.id];
  const reference = await context.references.ofCase(tx, record.versions);
  const service = findService(reference.catalogue, record.serviceId);
  const today = taipeiDate(context.now);
  const unit = record.desk?.unit;
  const officersOfUnit = args.step.action === 'assign' && unit ? await officersOf(tx, unit) : undefined;
  const plan = planCaseAction(record, args.step, await actorOf(tx, context), {
    now: context.now.toISOString(),
    today,
    service,
    ...(officersOfUnit ? { officersOfUnit } : {}),
  });
  if (!plan.ok) return rejected(plan.code, `${plan.message.zh} ${plan.message.en} (case ${record.caseNo} is ${record.status} on the server)`, touched);
  const { next, event } = plan;
  const dueDate = await dueDateAfter(tx, record, next, today, reference);
  await updateCase(
    tx,
    record.id,
    { status: next.status, clockPauses: next.clockPauses ?? [], dueDate, checklist: next.checklist, ...(next.desk ? { desk: next.desk } : {}), ...(next.deficiency ? { deficiency: next.deficiency } : {}) },
    context.now,
  );
  const moved = event.from !== event.to;
  return {
    status: 'applied',
    changedCaseIds: touched,
    event: {
      caseId: record.id,
      from: event.from,
      to: event.to,
      step: event.step,
      ...(moved ? {} : { kind: 'desk' as const }),
      ...(event.reason ? { reason: event.reason } : {}),
      caseAfter: messageFactsOf({ ...next, dueDate }),
    },
    audit: { action: `case.${event.step}`, caseId: record.id, details: { from: event.from, to: event.to } },
  };
}

/** A plain transition: the desk step it means, through the same rule; the same status again is a no-op. */
export async function applyTransition(tx: Queryable, args: { caseId: string; to: CaseStatus; reason?: string | undefined }, context: MutationContext): Promise<MutationOutcome> {
  const stored = await findCaseById(tx, args.caseId);
  if (!stored || stored.deleted) return rejected('case_not_found', `Case ${args.caseId} does not exist on the server`, stored ? [args.caseId] : undefined);
  const refused = await refuseOutOfScope(tx, stored, context);
  if (refused) return refused;
  const record = stored.record;
  if (record.status === args.to) return { status: 'applied', changedCaseIds: [record.id] };
  const step = stepForTransition(record, args.to, args.reason, taipeiDate(context.now));
  if (!step) {
    return rejected('invalid_transition', `案件狀態無法由「${record.status}」變更為「${args.to}」 A case cannot go from ${record.status} to ${args.to}. (case ${record.caseNo})`, [record.id]);
  }
  return applyCaseAction(tx, { caseId: args.caseId, step }, context);
}
