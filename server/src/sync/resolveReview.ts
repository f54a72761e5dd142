/**
 * A person's decision on a case flagged "needs review", sent as `setField { field: 'review', base:
 * null, value: { field, conflictsAt, keep } }` (shared/sync/protocol.ts, REVIEW_FIELD).
 *
 * Invariants:
 * - Only the conflicts the person saw are dropped (matched by field and the time the server recorded
 *   them); a conflict recorded after they looked stays, and so does the flag.
 * - Deciding conflicts that are already gone (another reviewer was first) is an applied no-op, so two
 *   reviewers converge instead of one being refused.
 * - The value itself never changes here: with `keep: 'other'` the device has queued an ordinary
 *   setField just before, which the intake-field rule applies or turns into a new conflict.
 * - Every decision that drops a conflict is audited with the field and the value chosen.
 */
import { reviewResolutionSchema } from '../../../shared/sync/protocol';
import type { ServerCase } from '../../../shared/sync/protocol';
import type { Queryable } from '../db/database';
import { updateCase } from '../store/caseStore';
import type { MutationContext, MutationOutcome } from './mutationOutcome';
import { rejected } from './mutationOutcome';

export async function applyReviewResolution(tx: Queryable, record: ServerCase, value: unknown, context: MutationContext): Promise<MutationOutcome> {
  const touched = [record.id];
  const parsed = reviewResolutionSchema.safeParse(value);
  if (!parsed.success) return rejected('invalid_value', `review: ${parsed.error.issues[0]?.message ?? 'invalid value'}`, touched);
  const { field, conflictsAt, keep } = parsed.data;
  const decided = new Set(conflictsAt.map((at) => Date.parse(at)));
  const conflicts = record.review?.conflicts ?? [];
  const remaining = conflicts.filter((conflict) => conflict.field !== field || !decided.has(Date.parse(conflict.at)));
  if (remaining.length === conflicts.length) return { status: 'applied', changedCaseIds: touched };
  await updateCase(tx, record.id, { review: remaining.length > 0 ? { needsReview: true, conflicts: remaining } : null }, context.now);
  return {
    status: 'applied',
    changedCaseIds: touched,
    audit: {
      action: 'case.review-resolve',
      caseId: record.id,
      details: { field, keep, conflicts: conflicts.length - remaining.length, stillToReview: remaining.length },
    },
  };
}
