/**
 * The one extension a case may get (行政程序法 §51: once, no longer than the original limit), sent by a
 * supervisor as `setField { field: 'extension', base: null, value: { days, reason } }`.
 *
 * The due date is recomputed from the receipt date, the pauses and the extension, with the catalogue
 * and calendar versions the case names (decision 0028); the event recorded
 * for it queues the citizen's SMS. A second extension is refused (and a unique index on the case's
 * extension event backs that up under concurrency).
 */
import { z } from 'zod';
import { caseDueDate } from '../../../shared/domain/caseDueDate';
import { findService } from '../../../shared/domain/catalogue';
import { effectiveLimit } from '../../../shared/domain/deadline';
import { isTerminal } from '../../../shared/domain/lifecycle';
import { taipeiDate } from '../../../shared/domain/rocDate';
import type { CaseRecord } from '../../../shared/schemas/case';
import { can } from '../authz/permissions';
import type { Queryable } from '../db/database';
import { messageFactsOf } from '../notifications/recordCaseEvent';
import { extensionDaysOf } from '../store/caseEventStore';
import { updateCase } from '../store/caseStore';
import type { MutationContext, MutationOutcome } from './mutationOutcome';
import { rejected } from './mutationOutcome';

export const EXTENSION_FIELD = 'extension';

const extensionValueSchema = z.object({
  days: z.number().int().min(1).max(365),
  reason: z.string().trim().min(1).max(500),
});

export async function applyExtension(tx: Queryable, record: CaseRecord, value: unknown, context: MutationContext): Promise<MutationOutcome> {
  const touched = [record.id];
  if (!can(context.session.roles, 'case:approve')) {
    return rejected('forbidden_transition', '只有主管可以延長處理期限 Only a supervisor may extend a deadline', touched);
  }
  if (isTerminal(record.status)) return rejected('case_closed', `Case ${record.caseNo} is ${record.status}: it can no longer be extended`, touched);
  const parsed = extensionValueSchema.safeParse(value);
  if (!parsed.success) return rejected('invalid_value', `extension: ${parsed.error.issues[0]?.message ?? 'invalid value'}`, touched);
  if ((await extensionDaysOf(tx, record.id)) > 0) {
    return rejected('extension_refused', `案件 ${record.caseNo} 已延長過一次 The case has already been extended once (§51)`, touched);
  }
  const reference = await context.references.ofCase(tx, record.versions);
  const service = findService(reference.catalogue, record.serviceId);
  if (!service) return rejected('unknown_service', `Service ${record.serviceId} is not in catalogue ${reference.catalogue.version}`, touched);
  const today = taipeiDate(context.now);
  let dueDate: string;
  try {
    effectiveLimit(service.limit, { extensionDays: parsed.data.days });
    dueDate = caseDueDate(record, reference, { asOf: today, extensionDays: parsed.data.days });
  } catch (error) {
    return rejected('extension_refused', `延長不符規定 The extension is not allowed: ${error instanceof Error ? error.message : String(error)}`, touched);
  }
  await updateCase(tx, record.id, { dueDate }, context.now);
  return {
    status: 'applied',
    changedCaseIds: touched,
    event: {
      caseId: record.id,
      kind: 'extension',
      from: record.status,
      to: record.status,
      reason: parsed.data.reason,
      extensionDays: parsed.data.days,
      caseAfter: messageFactsOf({ ...record, dueDate }),
    },
    audit: { action: 'case.extend', caseId: record.id, details: { days: parsed.data.days } },
  };
}
