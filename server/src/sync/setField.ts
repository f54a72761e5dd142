/**
 * `setField {caseId, field, base, value}`: a clerk's edit of one intake field, with the value the edit
 * was made from.
 *
 * Conflict rule (ARCHITECTURE.md): when `base` still equals the server's value the edit applies; when
 * the edit already matches the server it is a no-op; otherwise the edit was made from an old base and
 * the server keeps its own value, flags the case "needs review" and records both values (and the base)
 * so a person decides. Such an edit is `applied` with `conflict: true` — it was consumed and did what
 * the rule says — not `rejected`, which is for edits that can never be valid.
 * Only the allow-listed intake fields can be set; server-owned fields (status, due date, clock pauses,
 * approval) are refused whatever the base. Two pseudo-fields carry decisions instead of values: the
 * deadline extension (extendCase.ts) and the resolution of a review (resolveReview.ts).
 */
import { z } from 'zod';
import { isTerminal } from '../../../shared/domain/lifecycle';
import { MAX_CHECKLIST_ITEMS, checklistItemSchema, mailingAddressSchema } from '../../../shared/schemas/case';
import { line } from '../../../shared/schemas/primitives';
import type { CaseRecord } from '../../../shared/schemas/case';
import { REVIEW_FIELD, intakeFieldValue, intakeFields } from '../../../shared/sync/protocol';
import type { CaseReview, FieldConflict, IntakeField } from '../../../shared/sync/protocol';
import type { Queryable } from '../db/database';
import { findCaseById, updateCase } from '../store/caseStore';
import type { CasePatch } from '../store/caseStore';
import { sameValue } from './canonicalJson';
import { EXTENSION_FIELD, applyExtension } from './extendCase';
import type { MutationContext, MutationOutcome } from './mutationOutcome';
import { rejected } from './mutationOutcome';
import { applyReviewResolution } from './resolveReview';
import { refuseOutOfScope } from './scopeCheck';

const fieldSchemas: Record<IntakeField, z.ZodType> = {
  'applicant.name': line(100).trim().min(1),
  'applicant.phone': z.string().regex(/^\d{0,20}$/),
  'applicant.address': mailingAddressSchema,
  checklist: checklistItemSchema.array().min(1).max(MAX_CHECKLIST_ITEMS),
};

const serverOwnedFields = new Set(['status', 'dueDate', 'clockPauses', 'approval', 'documents', 'syncedAt', 'deficiency', 'versions']);
/** Conflicts kept per case; older ones drop off once a case collects this many unresolved. */
const MAX_CONFLICTS = 100;
/**
 * What a case's unresolved conflicts may hold together, in characters of JSON: older ones drop off
 * beyond it too (the newest always stays), so edits from old bases cannot grow a case without end.
 * Room for a few full checklists; a name or phone conflict is a few hundred characters.
 */
export const MAX_CONFLICT_CHARS = 256_000;

/** The newest conflicts within MAX_CONFLICTS and MAX_CONFLICT_CHARS, oldest first as stored. */
export function keptConflicts(conflicts: readonly FieldConflict[]): FieldConflict[] {
  const kept: FieldConflict[] = [];
  let chars = 0;
  for (let index = conflicts.length - 1; index >= 0 && kept.length < MAX_CONFLICTS; index -= 1) {
    const conflict = conflicts[index];
    if (!conflict) continue;
    chars += JSON.stringify(conflict).length;
    if (kept.length > 0 && chars > MAX_CONFLICT_CHARS) break;
    kept.push(conflict);
  }
  return kept.reverse();
}

function isIntakeField(field: string): field is IntakeField {
  return (intakeFields as readonly string[]).includes(field);
}


function patchFor(record: CaseRecord, field: IntakeField, value: unknown): CasePatch {
  switch (field) {
    case 'applicant.name':
      return { applicant: { ...record.applicant, name: value as string } };
    case 'applicant.phone':
      return { applicant: { ...record.applicant, phone: value as string } };
    case 'applicant.address':
      return { applicant: { ...record.applicant, address: value as CaseRecord['applicant']['address'] } };
    case 'checklist':
      return { checklist: value as CaseRecord['checklist'] };
  }
}

export async function applySetField(
  tx: Queryable,
  args: { caseId: string; field: string; base?: unknown; value?: unknown },
  context: MutationContext,
): Promise<MutationOutcome> {
  const stored = await findCaseById(tx, args.caseId);
  // A deleted case is stamped again, so a device that kept it while this waited is sent its tombstone again.
  if (!stored || stored.deleted) return rejected('case_not_found', `Case ${args.caseId} does not exist on the server`, stored ? [args.caseId] : undefined);
  const refused = await refuseOutOfScope(tx, stored, context);
  if (refused) return refused;
  const touched = [args.caseId];
  const { field } = args;
  if (field === EXTENSION_FIELD) return applyExtension(tx, stored.record, args.value, context);
  if (field === REVIEW_FIELD) return applyReviewResolution(tx, stored.record, args.value, context);
  if (!isIntakeField(field)) {
    if (serverOwnedFields.has(field)) {
      return rejected('server_owned_field', `${field} is decided by the server (it follows the case's status changes) and cannot be edited`, touched);
    }
    return rejected('unknown_field', `${field.slice(0, 100)} is not an editable field; editable: ${intakeFields.join(', ')}`, touched);
  }
  const record = stored.record;
  if (isTerminal(record.status)) return rejected('case_closed', `Case ${record.caseNo} is ${record.status}: it can no longer be edited`, touched);
  const parsed = fieldSchemas[field].safeParse(args.value);
  if (!parsed.success) return rejected('invalid_value', `${field}: ${parsed.error.issues[0]?.message ?? 'invalid value'}`, touched);

  const server = intakeFieldValue(record, field);
  if (sameValue(parsed.data, server)) return { status: 'applied', changedCaseIds: touched };
  if (sameValue(args.base, server)) {
    await updateCase(tx, record.id, patchFor(record, field, parsed.data), context.now);
    return { status: 'applied', changedCaseIds: touched, audit: { action: 'case.set-field', caseId: record.id, details: { field } } };
  }
  const review: CaseReview = {
    needsReview: true,
    conflicts: keptConflicts([
      ...(record.review?.conflicts ?? []),
      { field, base: args.base ?? null, serverValue: server ?? null, clientValue: parsed.data, by: context.session.username, at: context.now.toISOString() },
    ]),
  };
  await updateCase(tx, record.id, { review }, context.now);
  return { status: 'applied', changedCaseIds: touched, conflict: true, audit: { action: 'case.set-field', caseId: record.id, details: { field, conflict: true } } };
}
