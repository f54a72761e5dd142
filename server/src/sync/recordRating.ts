/**
 * `recordRating`: the citizen's rating on the customer display, carried by the counter's outbox
 * (docs/decisions/0037-ratings-reach-the-bureau.md).
 *
 * - Stored once: the rating's id is its key, so a replay or a second window that heard the same
 *   rating changes nothing (applied, no second row, no second audit entry).
 * - The case must be one the push may change (decision 0030): else `out_of_scope`, an unknown case
 *   `case_not_found`, both consumed like any rejection.
 * - The service, counter and clerk are copied from the case as the server holds it; nothing of the
 *   applicant is read into the row. `rated_at` is the device's time, `received_at` the server's.
 * - The case itself does not change, so nothing is re-stamped for pull.
 */
import type { RecordRatingArgs } from '../../../shared/schemas/visitRating';
import type { Queryable } from '../db/database';
import { findCaseById } from '../store/caseStore';
import { insertRatingIfAbsent } from '../store/ratingStore';
import type { MutationContext, MutationOutcome } from './mutationOutcome';
import { rejected } from './mutationOutcome';
import { refuseOutOfScope } from './scopeCheck';

export async function applyRecordRating(tx: Queryable, args: RecordRatingArgs, context: MutationContext): Promise<MutationOutcome> {
  const stored = await findCaseById(tx, args.caseId);
  if (!stored || stored.deleted) return rejected('case_not_found', `Case ${args.caseId} does not exist on the server`);
  const refused = await refuseOutOfScope(tx, stored, context);
  if (refused) return refused;
  const { record } = stored;
  const inserted = await insertRatingIfAbsent(tx, {
    id: args.ratingId,
    caseId: record.id,
    source: 'counter',
    score: args.score,
    ...(args.comment ? { comment: args.comment } : {}),
    ratedAt: args.ratedAt,
    receivedAt: context.now,
    serviceId: record.serviceId,
    stationCode: record.stationCode,
    clerk: record.createdBy,
  });
  if (!inserted) return { status: 'applied', changedCaseIds: [] };
  return { status: 'applied', changedCaseIds: [], audit: { action: 'case.rating', caseId: record.id, details: { ratingId: args.ratingId, score: args.score } } };
}
